package io.streamnet.app;

import io.streamnet.app.broker.BrokerProcess;
import io.streamnet.app.broker.Ports;
import io.streamnet.app.process.Launcher;
import io.streamnet.app.process.ServiceProcess;
import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.data.SampleImages;
import io.streamnet.model.Model;
import io.streamnet.serde.ModelCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real broker and real service processes, both run from the packaged jar ({@code target/streamnet.jar}),
 * in a temporary directory: what end-to-end tests stand on. Closing stops every process it started.
 */
final class EndToEnd implements AutoCloseable {
    static final Path JAR = Path.of("target", "streamnet.jar");
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    final Path dir;
    final Launcher launcher;
    /** The broker this harness started, or null when it uses one started elsewhere. */
    final BrokerProcess broker;
    private final String bootstrap;
    private final List<ServiceProcess> services = new ArrayList<>();

    private EndToEnd(Path dir, Launcher launcher, BrokerProcess broker, String bootstrap) {
        this.dir = dir;
        this.launcher = launcher;
        this.broker = broker;
        this.bootstrap = bootstrap;
    }

    /** A harness with its own broker, run from the jar like the service. */
    static EndToEnd start(Path dir) throws Exception {
        Launcher launcher = jarLauncher();
        BrokerProcess broker = BrokerProcess.start(launcher.withJvmOptions(BrokerProcess.JVM_OPTIONS),
                dir.resolve("broker"), Ports.free(), Ports.free());
        return new EndToEnd(dir, launcher, broker, broker.bootstrapServers());
    }

    /** A harness on a broker started elsewhere (a container). */
    static EndToEnd on(Path dir, String bootstrap) {
        return new EndToEnd(dir, jarLauncher(), null, bootstrap);
    }

    static Launcher jarLauncher() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: end-to-end tests run after `mvn package`");
        }
        return Launcher.current().withClasspath(JAR.toAbsolutePath().toString());
    }

    String bootstrap() {
        return bootstrap;
    }

    /** A service instance with its own HTTP port and state directory; {@code flags} are further settings. */
    ServiceProcess serve(String name, String... flags) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of("--bootstrap-servers", bootstrap(),
                "--state-dir", dir.resolve("state-" + name).toString()));
        all.addAll(List.of(flags));
        ServiceProcess service = ServiceProcess.start(launcher.withJvmOptions(List.of("-Xmx512m")), Ports.free(), all);
        services.add(service);
        return service;
    }

    void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(KAFKA_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** A producer that rides out a broker restart: idempotent, acks=all, two minutes to deliver. */
    KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    void send(String topic, List<Image> images, java.util.function.Function<Image, byte[]> encode) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Image image : images) {
                producer.send(new ProducerRecord<>(topic, image.id(), encode.apply(image)));
            }
            producer.flush();
        }
    }

    /** Every committed record of a topic, from the beginning to its current end. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, KAFKA_WAIT).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_WAIT);
            long deadline = System.nanoTime() + KAFKA_WAIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + KAFKA_WAIT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** The newest committed snapshot on the model topic. */
    Model latestModel(String modelTopic) {
        List<ConsumerRecord<byte[], byte[]>> all = readAll(modelTopic);
        if (all.isEmpty()) {
            throw new AssertionError("no snapshot on " + modelTopic);
        }
        return ModelCodec.decode(all.get(all.size() - 1).value());
    }

    static List<Image> sample(Sample which, int count) {
        return SampleImages.first(which, count);
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
    }
}
