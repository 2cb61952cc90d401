package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.app.broker.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerCommandTest {
    @TempDir
    Path tmp;

    private final CommandOutput cli = new CommandOutput();

    @Test
    void shouldRefuseATakenPortInOneLineBeforeStartingKafka() throws Exception {
        Path dataDir = tmp.resolve("broker");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            int code = cli.run("broker", "--port", "" + port, "--controller-port", "" + Ports.free(), "--data-dir", dataDir.toString());

            assertThat(code).isEqualTo(1);
            assertThat(cli.err()).isEqualTo("streamnet: port " + port + " is in use; pass --port to choose another" + System.lineSeparator());
            assertThat(cli.out()).isEmpty();
            assertThat(dataDir).doesNotExist();
        }
    }

    @Test
    void shouldRefuseATakenControllerPortNamingItsFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int controller = taken.getLocalPort();

            int code = cli.run("broker", "--port", "" + Ports.free(), "--controller-port", "" + controller,
                    "--data-dir", tmp.toString());

            assertThat(code).isEqualTo(1);
            assertThat(cli.err()).contains("port " + controller + " is in use; pass --controller-port");
        }
    }

    @Test
    void shouldRejectAnImpossiblePortAsUsage() {
        int code = cli.run("broker", "--port", "70000", "--data-dir", tmp.toString());

        assertThat(code).isEqualTo(Errors.USAGE);
        assertThat(cli.err()).startsWith("streamnet: port 70000 is not in 1..65535");
    }

    @Test
    void shouldRefuseAnUnknownHost() {
        int code = cli.run("broker", "--host", "no-such-host.invalid", "--port", "" + Ports.free(), "--data-dir", tmp.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).contains("cannot resolve host no-such-host.invalid");
    }

    @Test
    void shouldRefuseADataDirectoryThatIsAFileInOneLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");

        int code = cli.run("broker", "--port", "" + Ports.free(), "--controller-port", "" + Ports.free(),
                "--data-dir", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("streamnet: cannot use data directory " + file + " (a file is in the way); pass --data-dir a "
                + "writable directory" + System.lineSeparator());
    }
}
