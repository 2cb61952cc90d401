package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.app.broker.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldRefuseATakenPortInOneLineBeforeStartingKafka() throws Exception {
        Path dataDir = tmp.resolve("broker");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            int code = run("broker", "--port", "" + port, "--controller-port", "" + Ports.free(), "--data-dir", dataDir.toString());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("streamnet: port " + port + " is in use; pass --port to choose another" + System.lineSeparator());
            assertThat(out.toString()).isEmpty();
            assertThat(dataDir).doesNotExist();
        }
    }

    @Test
    void shouldRefuseATakenControllerPortNamingItsFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int controller = taken.getLocalPort();

            int code = run("broker", "--port", "" + Ports.free(), "--controller-port", "" + controller,
                    "--data-dir", tmp.toString());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("port " + controller + " is in use; pass --controller-port");
        }
    }

    @Test
    void shouldRejectAnImpossiblePortAsUsage() {
        int code = run("broker", "--port", "70000", "--data-dir", tmp.toString());

        assertThat(code).isEqualTo(Errors.USAGE);
        assertThat(err.toString()).startsWith("streamnet: port 70000 is not in 1..65535");
    }

    @Test
    void shouldRefuseAnUnknownHost() {
        int code = run("broker", "--host", "no-such-host.invalid", "--port", "" + Ports.free(), "--data-dir", tmp.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("cannot resolve host no-such-host.invalid");
    }
}
