package io.streamnet.metrics;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names {@code /metrics} exports, as Prometheus scrapes them: a contract with dashboards and alerts, so a
 * rename shows up here first. Shared by the unit test of the meters and the end-to-end test of the service.
 */
public final class MetricNames {
    /** Every sample name of the application's own meters (histograms with their bucket, count, sum and max). */
    public static final Set<String> STREAMNET = Set.of(
            "streamnet_images_trained_total",
            "streamnet_model_updates_total",
            "streamnet_images_predicted_total",
            "streamnet_dead_letters_total",
            "streamnet_accuracy_rolling_ratio",
            "streamnet_accuracy_cumulative_ratio",
            "streamnet_accuracy_digit_ratio",
            "streamnet_confusion_total",
            "streamnet_training_loss",
            "streamnet_train_step_seconds_bucket",
            "streamnet_train_step_seconds_count",
            "streamnet_train_step_seconds_sum",
            "streamnet_train_step_seconds_max",
            "streamnet_prediction_latency_seconds_bucket",
            "streamnet_prediction_latency_seconds_count",
            "streamnet_prediction_latency_seconds_sum",
            "streamnet_prediction_latency_seconds_max",
            "streamnet_model_snapshot_age_seconds",
            "streamnet_batch_pending",
            "streamnet_trainer_active");

    /** JVM and Kafka client names the dashboard relies on (from Micrometer's JVM and Kafka Streams binders). */
    public static final Set<String> PLATFORM = Set.of(
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_sum",
            "process_cpu_usage",
            "kafka_stream_client_state",
            "kafka_stream_thread_process_rate",
            "kafka_consumer_fetch_manager_records_lag");

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    private MetricNames() {
    }

    /** The distinct sample names in a Prometheus text exposition (comments skipped). */
    public static Set<String> sampleNames(String exposition) {
        Matcher m = SAMPLE.matcher(exposition);
        return m.results().map(r -> r.group(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The sample names of the exposition that start with {@code prefix}. */
    public static Set<String> sampleNames(String exposition, String prefix) {
        return sampleNames(exposition).stream().filter(n -> n.startsWith(prefix))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The lines of the exposition that are samples of {@code name} (exactly that name, any labels). */
    public static List<String> samples(String exposition, String name) {
        return exposition.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).toList();
    }
}
