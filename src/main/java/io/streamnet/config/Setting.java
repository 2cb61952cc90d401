package io.streamnet.config;

import java.util.Locale;

/**
 * Every setting of the service, with its default and what it means: the one place defaults live.
 * Each is read from the environment variable {@code STREAMNET_<NAME>} and may be overridden by the
 * command-line flag {@code --<name-with-dashes>}; the README table and the Kubernetes ConfigMap list the same names.
 */
public enum Setting {
    BOOTSTRAP_SERVERS("localhost:9092", Parse.TEXT, "Kafka bootstrap servers (host:port, comma-separated)"),
    APPLICATION_ID("streamnet", Parse.TEXT,
            "Kafka Streams application id: consumer group and prefix of internal topics; instances sharing it share the work"),
    INPUT_TOPIC("images", Parse.TEXT, "topic of input images, labelled (to learn from) or not (to predict)"),
    PREDICTIONS_TOPIC("predictions", Parse.TEXT, "topic the predictions are written to"),
    MODEL_TOPIC("model", Parse.TEXT, "compacted topic of model snapshots, read by every instance"),
    DEAD_LETTER_TOPIC("images.dlq", Parse.TEXT, "topic of rejected records, with the reason in headers"),
    TOPIC_PARTITIONS("4", Parse.POSITIVE_INT,
            "partitions of the input, predictions and dead-letter topics when the service creates them"),
    REPLICATION_FACTOR("1", Parse.POSITIVE_INT, "replication factor of the topics the service creates"),
    HIDDEN_SIZE("10", Parse.POSITIVE_INT, "hidden units H of the 784-H-10 network"),
    LEARNING_RATE("0.1", Parse.POSITIVE_DOUBLE, "gradient-descent learning rate alpha"),
    BATCH_SIZE("32", Parse.POSITIVE_INT, "labelled images per mini-batch (one gradient step each)"),
    BATCH_MAX_WAIT("0", Parse.DURATION,
            "train a partial batch after this much wall-clock time (e.g. 500ms, 2s); 0 = only full batches"),
    INIT("he", Parse.INIT, "weight initialisation: he (uniform +-sqrt(6/fan_in), zero biases) or seed (uniform [-0.5, 0.5])"),
    SEED("1", Parse.LONG, "seed of the weight initialisation"),
    PROCESSING_GUARANTEE("exactly_once_v2", Parse.GUARANTEE, "exactly_once_v2 or at_least_once"),
    COMMIT_INTERVAL("100ms", Parse.POSITIVE_DURATION, "how often Kafka Streams commits (and, exactly-once, makes output visible)"),
    MODEL_PUBLISH_INTERVAL("1s", Parse.POSITIVE_DURATION, "at most one model snapshot per this interval to the model topic"),
    ACCURACY_WINDOW("1000", Parse.POSITIVE_INT, "labelled images in the rolling prequential accuracy"),
    MAX_RECORD_BYTES("65536", Parse.RECORD_LIMIT, "input records larger than this are rejected"),
    HTTP_PORT("8080", Parse.PORT, "port of /metrics, /health/live, /health/ready and /model (0 = any free port)"),
    STATE_DIR(".streamnet/state", Parse.TEXT, "Kafka Streams state directory (relative to the working directory)"),
    STREAM_THREADS("1", Parse.POSITIVE_INT, "Kafka Streams threads in this instance"),
    STANDBY_REPLICAS("0", Parse.NON_NEGATIVE_INT, "standby copies of the training state kept warm on other instances");

    /** Environment variables with this prefix pass through to Kafka: STREAMNET_KAFKA_SECURITY_PROTOCOL is security.protocol. */
    public static final String KAFKA_PREFIX = "STREAMNET_KAFKA_";

    private final String defaultValue;
    private final Parse parse;
    private final String description;

    Setting(String defaultValue, Parse parse, String description) {
        this.defaultValue = defaultValue;
        this.parse = parse;
        this.description = description;
    }

    /** The environment variable, e.g. {@code STREAMNET_BATCH_SIZE}. */
    public String env() {
        return "STREAMNET_" + name();
    }

    /** The command-line flag, e.g. {@code --batch-size}. */
    public String flag() {
        return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The value's placeholder in a usage line: N, DURATION, he|seed, … */
    public String label() {
        return parse.label;
    }

    /** What a valid value looks like, for help and error messages. */
    public String expected() {
        return parse.expected;
    }

    Object parse(String raw) {
        return parse.apply(this, raw);
    }
}
