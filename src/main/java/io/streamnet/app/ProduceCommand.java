package io.streamnet.app;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Dataset;
import io.streamnet.data.Sample;
import io.streamnet.serde.ImageEncoding;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code streamnet produce}: streams a dataset file to the input topic (the sending itself is {@link DatasetProducer}). */
@Command(name = "produce", mixinStandardHelpOptions = true, defaultValueProvider = SettingDefaults.class,
        description = {"Streams handwritten digits to the input topic, key = image id.",
            "Reads IDX files (--images, --labels), a Kaggle CSV (--csv) or a bundled sample (--sample); by default"
                + " the bundled 8,000-image training sample. Image i of the file (0-based) gets the id <prefix><i>; every epoch sends the"
                + " same ids. --kafka and STREAMNET_KAFKA_* variables pass through as producer properties."},
        sortOptions = false)
final class ProduceCommand implements Callable<Integer> {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions source;

    @Mixin
    BootstrapOption bootstrap;

    @Mixin
    KafkaOption kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", descriptionKey = "INPUT_TOPIC",
            description = "topic to send to (default: ${DEFAULT-VALUE}; env STREAMNET_INPUT_TOPIC)")
    String topic;

    @Option(names = "--unlabelled", description = "send without labels: each image asks for a prediction")
    boolean unlabelled;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1",
            description = "send the selection N times (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--rate", paramLabel = "IMAGES/S", defaultValue = "0",
            description = "at most this many images a second; 0 = as fast as possible (default)")
    double rate;

    @Option(names = "--format", paramLabel = "json|binary", defaultValue = "binary",
            description = "record encoding (default: ${DEFAULT-VALUE})")
    ImageEncoding format;

    private final Map<String, String> env;
    private final Function<Properties, Producer<String, byte[]>> producers;

    ProduceCommand() {
        this(System.getenv(), kafkaProducers());
    }

    /** For tests: another environment (for STREAMNET_KAFKA_*) and another producer (a MockProducer). */
    ProduceCommand(Map<String, String> env, Function<Properties, Producer<String, byte[]>> producers) {
        this.env = env;
        this.producers = producers;
    }

    /** The real thing: a {@link KafkaProducer} with string keys and byte-array values. */
    static Function<Properties, Producer<String, byte[]>> kafkaProducers() {
        return props -> new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public Integer call() throws InterruptedException {
        Dataset dataset = source.dataset(spec.commandLine(), Sample.TRAIN);
        DatasetProducer.Plan plan = plan();
        dataset.open().close(); // a missing or corrupt file fails now, before any connection attempt
        PrintWriter err = spec.commandLine().getErr();
        DatasetProducer.Result result;
        Producer<String, byte[]> producer = connect(producerProperties(bootstrap.servers, kafka.over(env)));
        try {
            DatasetProducer sender = new DatasetProducer(producer, topic, bootstrap.servers, Pacer.of(rate),
                    total -> Progress.start(err, "images", total, Progress.onTerminal()));
            result = sender.run(dataset, plan);
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
        if (result.sent() == 0 && result.failed() == 0 && plan.skip() > 0) {
            throw source.nothingAfterSkip();
        }
        spec.commandLine().getOut().println(summary(result));
        if (result.failed() > 0) {
            throw new CommandFailure(String.format(Locale.ROOT, "%,d images were not delivered to '%s' at %s: %s",
                    result.failed(), topic, bootstrap.servers, result.firstError()));
        }
        return 0;
    }

    private DatasetProducer.Plan plan() {
        long limit = source.limit(spec.commandLine());
        if (topic.isBlank()) {
            throw usage("--topic must name a topic, got '" + topic + "'");
        }
        if (epochs < 1) {
            throw usage("--epochs must be >= 1, got " + epochs);
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw usage("--rate must be a number >= 0 (0 = as fast as possible), got " + rate);
        }
        return new DatasetProducer.Plan(source.skip, limit, epochs, unlabelled, format);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private Producer<String, byte[]> connect(Properties props) {
        try {
            return producers.apply(props);
        } catch (KafkaException e) {
            if (Errors.kafkaRefusal(e) != null) {
                throw e; // a malformed or unresolvable address, a bad STREAMNET_KAFKA_* property: said as for every command
            }
            throw new CommandFailure("cannot create a Kafka producer for " + bootstrap.servers + ": " + e.getMessage(), e);
        }
    }

    /**
     * Throughput-minded and safe: one idempotent producer with acks=all, large lz4 batches filled for up to 10 ms,
     * and bounded waits (metadata 10 s, delivery 15 s) so an unreachable broker fails in seconds.
     * STREAMNET_KAFKA_* entries override these; the bootstrap servers come from the flag or its variable.
     */
    static Properties producerProperties(String bootstrapServers, Map<String, String> env) {
        Properties props = new Properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L * 1024 * 1024));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "streamnet-produce");
        props.putAll(StreamnetConfig.kafkaProperties(env));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    private String summary(DatasetProducer.Result result) {
        return String.format(Locale.ROOT, "sent %,d images to '%s' in %.1f s (%,.0f images/s), %,d failed",
                result.sent(), topic, result.nanos() / 1e9, result.perSecond(), result.failed());
    }
}
