package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
    private final CommandOutput cli = new CommandOutput();

    @Test
    void shouldRefuseATakenHttpPortInOneLineBeforeStartingABroker() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            int code = cli.run("demo", "--http-port", "" + port, "--exit-when-done");

            assertThat(code).isEqualTo(1);
            assertThat(cli.err()).isEqualTo("streamnet: port " + port
                    + " is in use; set STREAMNET_HTTP_PORT (--http-port) to a free one" + System.lineSeparator());
            assertThat(cli.out()).as("nothing started").isEmpty();
        }
    }

    @Test
    void shouldRefuseABadSettingBeforeStartingABroker() {
        int code = cli.run("demo", "--batch-size", "abc", "--exit-when-done");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).startsWith("streamnet: STREAMNET_BATCH_SIZE (--batch-size) must be an integer >= 1");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void shouldRefuseAKafkaPropertyKafkaRefusesBeforeStartingABroker() {
        int code = cli.run("demo", "--kafka", "acks=banana", "--exit-when-done");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).startsWith("streamnet: Kafka refused a client setting: Invalid value banana for"
                + " configuration acks").hasLineCount(1);
        assertThat(cli.out()).as("nothing started").isEmpty();
    }
}
