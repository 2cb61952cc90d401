package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProduceCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();
    private final List<Properties> connections = new ArrayList<>();
    private MockProducer<String, byte[]> producer = MockProducers.acking("images");

    private int produce(String... args) {
        return produce(props -> {
            connections.add(props);
            return producer;
        }, args);
    }

    private int produce(Function<Properties, Producer<String, byte[]>> producers, String... args) {
        CommandLine cli = new CommandLine(new ProduceCommand(env, producers))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setDefaultValueProvider(new SettingDefaults(env))
                .setParameterExceptionHandler(Errors::usage)
                .setExecutionExceptionHandler(Errors::execution);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldProduceTheBundledTrainingSampleByDefaultAndSummarise() {
        // When produce runs without a file
        int exit = produce();

        // Then the 8,000 training images went to 'images' at the default address, with a one-line summary
        assertThat(exit).isZero();
        assertThat(producer.history()).hasSize(8_000);
        assertThat(producer.history().get(0).key()).isEqualTo("train-0");
        assertThat(connections.get(0).getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
        assertThat(out.toString()).startsWith("sent 8,000 images to 'images' in ").contains(" 0 failed");
    }

    @Test
    void shouldNameAnAddressWithoutAPortInOneLine() {
        // When the real producer is given an address it cannot parse
        int exit = produce(ProduceCommand.kafkaProducers(), "--bootstrap-servers", "localhost");

        // Then Kafka's own reason is the message, with the fix, as for every other command
        assertThat(exit).isEqualTo(Errors.USAGE);
        assertThat(err.toString()).startsWith("streamnet: Kafka refused a client setting: ")
                .contains("localhost").contains("check --bootstrap-servers (host:port)")
                .doesNotContain("Failed to construct").hasLineCount(1);
    }

    @Test
    void shouldFailNamingSkipWhenItPassesTheEndOfTheFile() {
        // When produce is told to skip more images than the bundled sample holds
        int exit = produce("--skip", "8000");

        // Then nothing was sent, and the failure names the flag to change
        assertThat(exit).isEqualTo(Errors.FAILED);
        assertThat(producer.history()).isEmpty();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo(
                "streamnet: the file has no images after the first 8000; pass a smaller --skip" + System.lineSeparator());
    }

    @Test
    void shouldTakeServersAndTopicFromTheEnvironmentUnlessFlagsSayOtherwise() {
        // Given the environment names a cluster and a topic
        env.put("STREAMNET_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092");
        env.put("STREAMNET_INPUT_TOPIC", "digits");
        producer = MockProducers.acking("digits");

        // When produce runs without flags, then with a --topic flag
        int fromEnv = produce("--limit", "1");
        producer = MockProducers.acking("flagged");
        int fromFlag = produce("--limit", "1", "--topic", "flagged");

        // Then the environment applies, and a flag wins over it
        assertThat(fromEnv).isZero();
        assertThat(fromFlag).isZero();
        assertThat(connections.get(0).getProperty("bootstrap.servers")).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(producer.history()).extracting(r -> r.topic()).containsExactly("flagged");
    }

    @Test
    void shouldConfigureASafeBatchingProducerAndPassKafkaVariablesThrough() {
        env.put("STREAMNET_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("STREAMNET_KAFKA_LINGER_MS", "50");

        produce("--limit", "1");

        Properties props = connections.get(0);
        assertThat(props.getProperty("acks")).isEqualTo("all");
        assertThat(props.getProperty("enable.idempotence")).isEqualTo("true");
        assertThat(props.getProperty("max.block.ms")).isEqualTo("10000");
        assertThat(props.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(props.getProperty("linger.ms")).isEqualTo("50");
    }

    @Test
    void shouldTakeKafkaPropertiesAsFlagsTooAFlagBeatingTheVariable() {
        env.put("STREAMNET_KAFKA_LINGER_MS", "50");

        produce("--limit", "1", "--kafka", "linger.ms=7", "--kafka", "client.id=mine");

        assertThat(connections.get(0).getProperty("linger.ms")).isEqualTo("7");
        assertThat(connections.get(0).getProperty("client.id")).isEqualTo("mine");
    }

    @Test
    void shouldRefuseAKafkaVariableForAPropertyThatASettingOwnsAsServeDoes() {
        env.put("STREAMNET_KAFKA_BOOTSTRAP_SERVERS", "elsewhere:1");

        int exit = produce("--limit", "1");

        // Then nothing was sent anywhere, and the one line names the setting to use
        assertThat(exit).isEqualTo(Errors.USAGE);
        assertThat(connections).isEmpty();
        assertThat(err.toString()).isEqualTo("streamnet: bootstrap.servers is a setting of its own: pass"
                + " --bootstrap-servers (STREAMNET_BOOTSTRAP_SERVERS) instead of --kafka bootstrap.servers"
                + " (STREAMNET_KAFKA_BOOTSTRAP_SERVERS)\n");
    }

    @Test
    void shouldSendJsonWhenAskedWhateverTheCase() {
        int exit = produce("--format", "JSON", "--limit", "2", "--id-prefix", "demo-");

        assertThat(exit).isZero();
        assertThat(producer.history()).extracting(r -> r.key()).containsExactly("demo-0", "demo-1");
        assertThat(producer.history().get(0).value()[0]).isEqualTo((byte) '{');
    }

    @Test
    void shouldFailWithOneLineOnAMissingFileWithoutConnecting() {
        int exit = produce("--images", "/no/such/images.gz");

        assertThat(exit).isEqualTo(Errors.FAILED);
        assertThat(err.toString()).isEqualTo("streamnet: /no/such/images.gz: no such file" + System.lineSeparator());
        assertThat(connections).isEmpty();
    }

    @Test
    void shouldRejectContradictoryOrInvalidOptionsAsUsageErrors() {
        assertThat(produce("--images", "a", "--csv", "b")).isEqualTo(Errors.USAGE);
        assertThat(produce("--labels", "l")).isEqualTo(Errors.USAGE);
        assertThat(produce("--epochs", "0")).isEqualTo(Errors.USAGE);
        assertThat(produce("--rate", "-5")).isEqualTo(Errors.USAGE);
        assertThat(produce("--limit", "-1")).isEqualTo(Errors.USAGE);
        assertThat(produce("--skip", "-2")).isEqualTo(Errors.USAGE);
        assertThat(produce("--format", "xml")).isEqualTo(Errors.USAGE);
        assertThat(produce("--topic", "")).isEqualTo(Errors.USAGE);
        assertThat(connections).isEmpty();
        assertThat(err.toString().lines()).hasSize(8).allMatch(line -> line.startsWith("streamnet: "))
                .anyMatch(line -> line.contains("--limit must be >= 1, got -1"))
                .anyMatch(line -> line.contains("--skip must be >= 0, got -2"));
    }

    @Test
    void shouldExitNonZeroAfterTheSummaryWhenDeliveriesFail() {
        producer = MockProducers.failingFrom("images", 10, new TimeoutException("Expiring 1 record(s)"));

        int exit = produce();

        assertThat(exit).isEqualTo(Errors.FAILED);
        assertThat(out.toString()).startsWith("sent 10 images").contains(" 1 failed");
        assertThat(err.toString()).isEqualTo("streamnet: 1 images were not delivered to 'images' at localhost:9092:"
                + " TimeoutException: Expiring 1 record(s)" + System.lineSeparator());
    }

    @Test
    void shouldGiveUpOnAnUnreachableBrokerWithinTheBoundedWait() throws IOException {
        // Given a real Kafka producer aimed at a port nobody listens on, told to wait at most one second
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        env.put("STREAMNET_BOOTSTRAP_SERVERS", "127.0.0.1:" + port);
        env.put("STREAMNET_KAFKA_MAX_BLOCK_MS", "1000");
        long start = System.nanoTime();

        // When produce runs
        int exit = produce(ProduceCommand.kafkaProducers(), "--limit", "1");

        // Then it fails with one line within seconds
        assertThat(exit).isEqualTo(Errors.FAILED);
        assertThat(err.toString()).startsWith("streamnet: no metadata for topic 'images' from Kafka at 127.0.0.1:" + port)
                .hasLineCount(1);
        assertThat(System.nanoTime() - start).isLessThan(8_000_000_000L);
    }

    @Test
    void shouldBeAStreamnetSubcommand() {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("produce", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: streamnet produce").contains("default: localhost:9092");
    }
}
