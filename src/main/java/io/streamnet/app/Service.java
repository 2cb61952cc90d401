package io.streamnet.app;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamnet.config.StreamnetConfig;
import io.streamnet.metrics.StreamnetMetrics;
import io.streamnet.streams.LatestModel;
import io.streamnet.streams.StreamnetTopology;
import io.streamnet.streams.StreamsProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the service: topics checked, the topology running in Kafka Streams, its
 * meters in a Prometheus registry, and the HTTP endpoint. Used by {@code serve} and {@code demo}.
 */
final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How often Kafka's client metrics are re-read for new ones: per-partition consumer lag and per-task metrics
     * exist only once partitions are assigned, and change with every rebalance. Micrometer's default is a minute.
     */
    private static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final LatestModel latest;
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final ScheduledExecutorService kafkaMetricsRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "streamnet-kafka-metrics");
        t.setDaemon(true);
        return t;
    });
    private final KafkaStreamsMetrics streamsMetrics;
    private final HttpEndpoint http;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Kafka Streams on the topology; a state directory locked by another instance is the user's to fix. */
    private static KafkaStreams newKafkaStreams(StreamnetConfig config, StreamnetMetrics metrics) {
        try {
            return new KafkaStreams(StreamnetTopology.build(config, metrics), StreamsProperties.of(config));
        } catch (StreamsException e) {
            if (e.getMessage() != null && e.getMessage().contains("state directory")) {
                throw new CommandFailure("state directory " + config.stateDir() + " is in use by another instance; "
                        + "stop it or pass --state-dir (STREAMNET_STATE_DIR) to choose another", e);
            }
            throw e;
        }
    }

    /** Created here, before anything else starts, so that an unusable one is one line rather than Kafka's guess. */
    private static void createStateDirectory(StreamnetConfig config) {
        try {
            Files.createDirectories(config.stateDir());
        } catch (IOException e) {
            throw CommandFailure.unusableDirectory("state directory", config.stateDir(), e,
                    "--state-dir (STREAMNET_STATE_DIR)");
        }
    }

    /**
     * Refuses what can be refused before anything is created or started: Kafka properties that Kafka would not take,
     * and an HTTP port already in use.
     */
    static void check(StreamnetConfig config) {
        StreamsProperties.check(config);
        HttpEndpoint.requireFree(config.httpPort());
    }

    private Service(StreamnetConfig config) {
        check(config);
        createStateDirectory(config);
        Topics.ensure(config);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", config.applicationId());
        AtomicReference<KafkaStreams> running = new AtomicReference<>();
        latest = new LatestModel(() -> LatestModel.storeOf(running.get()));
        StreamnetMetrics metrics = new StreamnetMetrics(latest::get);
        metrics.bindTo(registry);
        streams = newKafkaStreams(config, metrics);
        running.set(streams);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("a stream thread failed; stopping so that a supervisor restarts this instance", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streamsMetrics = new KafkaStreamsMetrics(streams, Tags.empty(), kafkaMetricsRefresh, KAFKA_METRICS_REFRESH);
        bindJvmAndKafka();
        http = new HttpEndpoint(config.httpPort(), registry, streams::state, latest);
    }

    /** Checks the topics (failing in bounded time when Kafka is unreachable), then starts everything. */
    static Service start(StreamnetConfig config) {
        Service service = new Service(config);
        service.streams.start();
        return service;
    }

    private void bindJvmAndKafka() {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        streamsMetrics.bindTo(registry);
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    LatestModel latest() {
        return latest;
    }

    int httpPort() {
        return http.port();
    }

    /** Waits until Kafka Streams is RUNNING; false when it did not get there in time or failed. */
    boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || stopped.getCount() == 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Blocks until Kafka Streams stops; true when it stopped because it failed. */
    boolean awaitStopped() throws InterruptedException {
        stopped.await();
        return streams.state() == KafkaStreams.State.ERROR;
    }

    boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // closed already (the demo closes on exit and again from its shutdown hook)
        }
        // with the broker away, the last commit waits out the whole timeout: say so, rather than seem to hang
        LOG.info("stopping: Kafka Streams finishes its last commit (at most {} s)", CLOSE_TIMEOUT.toSeconds());
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn("Kafka Streams did not stop within {} s (is the broker reachable?); stopping anyway",
                    CLOSE_TIMEOUT.toSeconds());
        }
        http.close();
        streamsMetrics.close();
        kafkaMetricsRefresh.shutdownNow();
        gcMetrics.close();
        registry.close();
        stopped.countDown();
    }
}
