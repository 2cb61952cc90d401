package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path tmp;

    private final CommandOutput cli = new CommandOutput();

    @Test
    void shouldRefuseAStateDirectoryThatIsAFileInOneLineBeforeAskingForKafka() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");

        // no broker listens on port 1: the directory is checked first
        int code = cli.run("serve", "--bootstrap-servers", "localhost:1", "--http-port", "0", "--state-dir", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("streamnet: cannot use state directory " + file + " (a file is in the way); pass "
                + "--state-dir (STREAMNET_STATE_DIR) a writable directory" + System.lineSeparator());
    }
}
