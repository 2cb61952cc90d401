package io.streamnet.config;

import io.streamnet.model.Hyperparameters;
import io.streamnet.nn.Init;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's settings, immutable, built from a map of environment variables (so tests pass their own map).
 * Values come from {@code STREAMNET_<NAME>} entries, else the defaults in {@link Setting}; any
 * {@code STREAMNET_KAFKA_<NAME>} entry passes through to the Kafka clients as {@code <name.with.dots>}.
 */
public final class StreamnetConfig {
    private final Map<Setting, Object> values;
    private final Map<String, String> kafka;

    private StreamnetConfig(Map<Setting, Object> values, Map<String, String> kafka) {
        this.values = values;
        this.kafka = kafka;
    }

    /** The Kafka properties that settings set. */
    private static final Map<String, Setting> OWN_PROPERTIES = Map.of(
            "bootstrap.servers", Setting.BOOTSTRAP_SERVERS,
            "application.id", Setting.APPLICATION_ID,
            "processing.guarantee", Setting.PROCESSING_GUARANTEE,
            "commit.interval.ms", Setting.COMMIT_INTERVAL,
            "state.dir", Setting.STATE_DIR,
            "num.stream.threads", Setting.STREAM_THREADS,
            "num.standby.replicas", Setting.STANDBY_REPLICAS,
            "replication.factor", Setting.REPLICATION_FACTOR);

    /** Reads every setting from {@code env}; throws {@link ConfigException} naming the first invalid one. */
    public static StreamnetConfig from(Map<String, String> env) {
        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, s.parse(env.getOrDefault(s.env(), s.defaultValue())));
        }
        return new StreamnetConfig(values, kafkaProperties(env));
    }

    /**
     * The Kafka client properties that {@code env}'s {@code STREAMNET_KAFKA_*} entries pass through, by property name;
     * throws {@link ConfigException} for an entry without a name or for a property that a setting owns.
     */
    public static Map<String, String> kafkaProperties(Map<String, String> env) {
        Map<String, String> kafka = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.equals(Setting.KAFKA_PREFIX)) {
                throw new ConfigException(name + " (--kafka) needs a property name, e.g. --kafka linger.ms=5");
            }
            if (name.startsWith(Setting.KAFKA_PREFIX)) {
                String property = kafkaProperty(name);
                Setting own = OWN_PROPERTIES.get(property);
                if (own != null) {
                    // passed through, it would win over the setting while messages still named the setting's value
                    throw new ConfigException(property + " is a setting of its own: pass " + own.flag() + " ("
                            + own.env() + ") instead of --kafka " + property + " (" + name + ")");
                }
                kafka.put(property, value);
            }
        });
        return Collections.unmodifiableMap(kafka);
    }

    /** The defaults alone. */
    public static StreamnetConfig defaults() {
        return from(Map.of());
    }

    /** {@code STREAMNET_KAFKA_SECURITY_PROTOCOL} → {@code security.protocol}. */
    public static String kafkaProperty(String env) {
        return env.substring(Setting.KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** {@code security.protocol} → {@code STREAMNET_KAFKA_SECURITY_PROTOCOL}. */
    public static String kafkaEnv(String property) {
        return Setting.KAFKA_PREFIX + property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public String bootstrapServers() {
        return (String) values.get(Setting.BOOTSTRAP_SERVERS);
    }

    public String applicationId() {
        return (String) values.get(Setting.APPLICATION_ID);
    }

    public String inputTopic() {
        return (String) values.get(Setting.INPUT_TOPIC);
    }

    public String predictionsTopic() {
        return (String) values.get(Setting.PREDICTIONS_TOPIC);
    }

    public String modelTopic() {
        return (String) values.get(Setting.MODEL_TOPIC);
    }

    public String deadLetterTopic() {
        return (String) values.get(Setting.DEAD_LETTER_TOPIC);
    }

    public int topicPartitions() {
        return (Integer) values.get(Setting.TOPIC_PARTITIONS);
    }

    public short replicationFactor() {
        return ((Integer) values.get(Setting.REPLICATION_FACTOR)).shortValue();
    }

    public int hiddenSize() {
        return (Integer) values.get(Setting.HIDDEN_SIZE);
    }

    public double learningRate() {
        return (Double) values.get(Setting.LEARNING_RATE);
    }

    public int batchSize() {
        return (Integer) values.get(Setting.BATCH_SIZE);
    }

    /** Zero when partial batches are never flushed on wall-clock time. */
    public Duration batchMaxWait() {
        return (Duration) values.get(Setting.BATCH_MAX_WAIT);
    }

    /** Hidden size, learning rate, initialisation and seed, as the model wants them. */
    public Hyperparameters hyperparameters() {
        return new Hyperparameters(hiddenSize(), learningRate(), init(), seed());
    }

    public Init init() {
        return (Init) values.get(Setting.INIT);
    }

    public long seed() {
        return (Long) values.get(Setting.SEED);
    }

    public boolean exactlyOnce() {
        return values.get(Setting.PROCESSING_GUARANTEE).equals("exactly_once_v2");
    }

    public String processingGuarantee() {
        return (String) values.get(Setting.PROCESSING_GUARANTEE);
    }

    public Duration commitInterval() {
        return (Duration) values.get(Setting.COMMIT_INTERVAL);
    }

    public Duration modelPublishInterval() {
        return (Duration) values.get(Setting.MODEL_PUBLISH_INTERVAL);
    }

    public int accuracyWindow() {
        return (Integer) values.get(Setting.ACCURACY_WINDOW);
    }

    public int maxRecordBytes() {
        return (Integer) values.get(Setting.MAX_RECORD_BYTES);
    }

    public int httpPort() {
        return (Integer) values.get(Setting.HTTP_PORT);
    }

    public Path stateDir() {
        return Path.of((String) values.get(Setting.STATE_DIR));
    }

    public int streamThreads() {
        return (Integer) values.get(Setting.STREAM_THREADS);
    }

    public int standbyReplicas() {
        return (Integer) values.get(Setting.STANDBY_REPLICAS);
    }

    /** Kafka client and Streams properties passed through from {@code STREAMNET_KAFKA_*}. */
    public Map<String, String> kafkaOverrides() {
        return kafka;
    }

    /** {@link #kafkaOverrides()} as the environment variables they came from. */
    public Map<String, String> kafkaOverridesAsEnv() {
        Map<String, String> env = new TreeMap<>();
        kafka.forEach((name, value) -> env.put(kafkaEnv(name), value));
        return env;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("StreamnetConfig{");
        values.forEach((s, v) -> out.append(s.env()).append('=').append(v).append(", "));
        kafka.keySet().forEach(k -> out.append(k).append("=<set>, ")); // values may be secrets
        return out.append('}').toString();
    }
}
