package io.streamnet.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.app.process.ChildProcess;
import io.streamnet.app.process.Launcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamnet broker} as a child process, used by real Kafka clients: one broker for the class. */
class BrokerProcessIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() throws InterruptedException {
        broker = BrokerProcess.start(dataDir, Ports.free());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldCommitTransactionsOnOneNodeAndHideAbortedOnes() throws Exception {
        String topic = createTopic(3);

        inTransaction(topic, List.of("a", "b", "c"), true);
        inTransaction(topic, List.of("aborted"), false);
        inTransaction(topic, List.of("d"), true);

        assertThat(readCommitted(topic, 4)).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void shouldKeepTopicsRecordsAndClusterIdAcrossAStopAndACrash() throws Exception {
        String topic = createTopic(1);
        inTransaction(topic, List.of("before-restart"), true);
        String clusterId = clusterId();

        assertThat(broker.stop()).as("exit code after SIGTERM").isZero();
        broker.restart();
        inTransaction(topic, List.of("before-crash"), true);
        // the commit markers reach the partition after commitTransaction returns; the crash comes once they have
        assertThat(readCommitted(topic, 2)).containsExactly("before-restart", "before-crash");
        assertThat(broker.kill()).as("exit code after SIGKILL").isEqualTo(137);
        broker.restart();

        assertThat(clusterId()).isEqualTo(clusterId);
        assertThat(readCommitted(topic, 2)).containsExactly("before-restart", "before-crash");
    }

    @Test
    void shouldRefuseTheBrokersPortInOneLine() throws Exception {
        List<String> args = List.of("broker", "--port", Integer.toString(broker.port()),
                "--data-dir", dataDir.resolve("second").toString());
        try (ChildProcess second = Launcher.current().start("second-broker", args)) {
            int code = second.awaitExit(TIMEOUT);

            assertThat(code).isEqualTo(1);
            assertThat(second.output()).containsExactly(
                    "streamnet: port " + broker.port() + " is in use; pass --port to choose another");
        }
    }

    @Test
    void shouldRefuseTheBrokersDataDirInOneLine() throws Exception {
        List<String> args = List.of("broker", "--port", Integer.toString(Ports.free()),
                "--controller-port", Integer.toString(Ports.free()), "--data-dir", dataDir.toString());
        try (ChildProcess second = Launcher.current().start("second-broker", args)) {
            int code = second.awaitExit(TIMEOUT);

            assertThat(code).isEqualTo(1);
            assertThat(second.output()).containsExactly("streamnet: data directory " + dataDir.toAbsolutePath()
                    + " is in use by another broker; pass --data-dir to choose another");
        }
        assertThat(broker.isAlive()).isTrue();
    }

    private static String createTopic(int partitions) throws Exception {
        String topic = "t-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    private static String clusterId() throws Exception {
        try (Admin admin = admin()) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void inTransaction(String topic, List<String> values, boolean commit) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, v, v));
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    /** Reads the topic from the start, read_committed, until {@code expected} records or the timeout. */
    private static List<String> readCommitted(String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            // one more poll: an aborted or duplicated record would show up here
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
