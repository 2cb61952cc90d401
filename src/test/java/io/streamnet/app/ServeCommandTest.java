package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
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

    @Test
    void shouldRefuseAKafkaPropertyKafkaRefusesBeforeCreatingAnything() {
        Path state = tmp.resolve("state");

        // no broker listens on port 1: the property is refused at once, not after the wait for Kafka
        int code = cli.run("serve", "--bootstrap-servers", "localhost:1", "--http-port", "0", "--state-dir",
                state.toString(), "--kafka", "acks=banana");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).startsWith("streamnet: Kafka refused a client setting: Invalid value banana for"
                + " configuration acks").hasLineCount(1);
        assertThat(state).doesNotExist();
    }

    @Test
    void shouldRefuseATakenHttpPortBeforeCreatingAnything() throws Exception {
        Path state = tmp.resolve("state");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            int code = cli.run("serve", "--bootstrap-servers", "localhost:1", "--http-port", "" + port, "--state-dir",
                    state.toString());

            assertThat(code).isEqualTo(1);
            assertThat(cli.err()).isEqualTo("streamnet: port " + port
                    + " is in use; set STREAMNET_HTTP_PORT (--http-port) to a free one" + System.lineSeparator());
            assertThat(state).doesNotExist();
        }
    }
}
