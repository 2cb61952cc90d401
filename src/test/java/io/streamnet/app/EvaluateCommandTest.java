package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code streamnet evaluate} with no broker to read from. */
class EvaluateCommandTest {

    @Test
    void shouldSayTheBrokerCannotBeReachedAndHowToFixIt() throws IOException {
        // Given an address nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();

        // When evaluate is given two seconds
        int exit = cli.execute("evaluate", "--bootstrap-servers", "127.0.0.1:" + port, "--timeout", "2");

        // Then it fails with one line naming the address and the fix, once the two seconds are up
        assertThat(exit).isEqualTo(Errors.FAILED);
        assertThat(err.toString()).isEqualTo("streamnet: cannot reach Kafka at 127.0.0.1:" + port + " within 2 s; "
                + "start a broker (streamnet broker) or set STREAMNET_BOOTSTRAP_SERVERS (--bootstrap-servers)"
                + System.lineSeparator());
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }

    @Test
    void shouldSayAnEmptySelectionIsTheSkipsDoingBeforeReachingForKafka() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        // the bundled held-out sample has 2,000 images; no broker listens on port 1
        int exit = cli.execute("evaluate", "--bootstrap-servers", "localhost:1", "--skip", "5000");

        assertThat(exit).isEqualTo(Errors.FAILED);
        assertThat(err.toString()).isEqualTo("streamnet: the file has no images after the first 5000; pass a smaller"
                + " --skip" + System.lineSeparator());
    }
}
