package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamnet.app.PrometheusServer.Sample;
import io.streamnet.app.broker.BrokerProcess;
import io.streamnet.app.broker.Ports;
import io.streamnet.app.process.ChildProcess;
import io.streamnet.app.process.Launcher;
import io.streamnet.deploy.Dashboard;
import io.streamnet.metrics.MetricNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as it runs for real: a broker and {@code streamnet serve} as child processes of
 * {@code target/streamnet.jar}, scraped every second by a real Prometheus. First, what a fresh deployment shows; then
 * the training sample goes in (labelled, {@value StreamnetTraffic#PASSES} passes) and the test sample (unlabelled),
 * and the dashboard's queries, {@code /model} and the evaluator are held against each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {
    private static final Path JAR = Path.of("target", "streamnet.jar").toAbsolutePath();
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /**
     * Grafana's variables as Prometheus needs them: every application and instance; rate windows of a minute, which
     * cover the training and the predictions of this run (Grafana would use about 4 scrape intervals).
     */
    private static final Map<String, String> VARIABLES = Map.of("application", ".*", "instance", ".*",
            "__rate_interval", "1m", "__interval", "15s", "__range", "5m");
    /**
     * How far the prequential accuracy of the last images trained may be from the accuracy on the held-out images.
     * They are different measures of the same model: prequential scores each training image just before the model
     * learns it (after the first pass, images it has seen before, so a little optimistic, and over the last
     * 1,000 images only), the evaluator scores 2,000 images the model never saw with the final weights. On this
     * sample they come within about 0.02 of each other; 0.05 leaves room for sampling noise (±0.01 at 1,000 images).
     */
    private static final double PREQUENTIAL_VS_HOLDOUT = 0.05;

    @TempDir
    static Path dir;

    private BrokerProcess broker;
    private PrometheusServer prometheus;
    private ChildProcess service;
    private StreamnetTraffic traffic;
    private List<HttpProbe.Response> readiness;
    private StreamnetTraffic.Outcome outcome;

    @BeforeAll
    void startBrokerPrometheusAndService() throws Exception {
        assertThat(JAR).as("the packaged service (mvn package)").isRegularFile();
        Launcher launcher = Launcher.current().withClasspath(JAR.toString());
        int[] ports = Ports.free(4);
        broker = BrokerProcess.start(launcher.withJvmOptions(BrokerProcess.JVM_OPTIONS), dir.resolve("broker"),
                ports[0], ports[1]);
        prometheus = PrometheusServer.start(dir.resolve("prometheus"), ports[3], "127.0.0.1:" + ports[2]);
        service = launcher.withJvmOptions(List.of("-Xmx512m")).start("service", List.of("serve",
                "--bootstrap-servers", broker.bootstrapServers(), "--http-port", Integer.toString(ports[2]),
                "--state-dir", dir.resolve("state").toString()));
        traffic = new StreamnetTraffic(broker.bootstrapServers(), "http://127.0.0.1:" + ports[2]);
        readiness = HttpProbe.untilOk(traffic.uri(HttpPaths.READY), STARTUP, service);
    }

    @AfterAll
    void stopEverything() throws Exception {
        try (AutoCloseable b = broker; AutoCloseable p = prometheus; AutoCloseable s = service) {
            if (service != null) { // its last words, for a failure's report; closed below in reverse: service first
                Files.write(Path.of("target", "ObservabilityIT-service.log"), service.output());
            }
        }
    }

    @Test
    @Order(1)
    void shouldAnswerNotReadyUntilKafkaStreamsRunsThenReady() {
        assertThat(readiness.get(0).status()).as("first answer of %s", HttpPaths.READY).isEqualTo(503);
        assertThat(readiness.get(0).body()).isIn("CREATED\n", "REBALANCING\n");
        assertThat(readiness.get(readiness.size() - 1)).isEqualTo(new HttpProbe.Response(200, "RUNNING\n"));
    }

    @Test
    @Order(2)
    void shouldResolveTheDashboardVariablesOnAFreshDeployment() throws Exception {
        // Given Prometheus has scraped the service, which has not seen one image yet
        await().atMost(SETTLE).until(() -> !prometheus.query("up{job=\"" + PrometheusServer.JOB + "\"} == 1").isEmpty());
        assertThat(prometheus.query("streamnet_images_trained_total")).singleElement()
                .satisfies(s -> assertThat(s.value()).isZero());

        // Then every template variable lists values, among them this application and this instance
        for (Dashboard.Variable v : Dashboard.load().variables()) {
            List<String> values = prometheus.labelValues(v.label(), Dashboard.substitute(v.selector(), VARIABLES));
            assertThat(values).as("$%s = label_values(%s, %s)", v.name(), v.selector(), v.label()).isNotEmpty();
        }
        assertThat(prometheus.labelValues("instance", "streamnet_images_trained_total"))
                .containsExactly(traffic.uri("").getAuthority());
        assertThat(prometheus.labelValues("application", "streamnet_images_trained_total")).containsExactly("streamnet");
    }

    @Test
    @Order(3)
    void shouldAnswerEveryDashboardQueryWithFiniteNumbers() throws Exception {
        double at = learned().settledAt();
        SoftAssertions softly = new SoftAssertions();
        for (Dashboard.Query q : Dashboard.load().queries()) {
            List<Sample> series = prometheus.query(Dashboard.substitute(q.expr(), VARIABLES), at);
            softly.assertThat(series).as(q.toString()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.value()).as("%s", s.labels()).isFinite());
        }
        softly.assertAll();
    }

    @Test
    @Order(4)
    void shouldReportTheSameModelThroughPrometheusAsThroughTheModelEndpoint() throws Exception {
        // Given training is over, so /model and the last scrape show the same snapshot
        JsonNode model = traffic.model();
        await().atMost(SETTLE).until(() -> only("streamnet_model_updates_total") == model.path("version").asLong());

        // Then Prometheus has its numbers exactly
        assertThat(only("streamnet_images_trained_total")).isEqualTo(model.path("imagesTrained").asDouble());
        assertThat(only("streamnet_accuracy_rolling_ratio"))
                .isEqualTo(model.path("prequentialAccuracy").path("rolling").asDouble());
        assertThat(only("streamnet_accuracy_cumulative_ratio"))
                .isEqualTo(model.path("prequentialAccuracy").path("cumulative").asDouble());
        assertThat(only("streamnet_training_loss")).isEqualTo(model.path("lastLoss").asDouble());
    }

    @Test
    @Order(5)
    void shouldReportARollingAccuracyCloseToTheHoldoutAccuracyOfThePredictions() throws Exception {
        Evaluator.Evaluation holdout = learned().holdout();

        assertThat(holdout.predicted()).as("held-out images predicted").isEqualTo(holdout.expected());
        assertThat(only("streamnet_accuracy_rolling_ratio")).as("rolling prequential vs holdout %.4f", holdout.accuracy())
                .isCloseTo(holdout.accuracy(), within(PREQUENTIAL_VS_HOLDOUT));
    }

    @Test
    @Order(6)
    void shouldCountEveryPredictionAndEveryDeadLetterByReason() throws Exception {
        StreamnetTraffic.Outcome done = learned();

        assertThat(only("sum(streamnet_images_predicted_total)")).isEqualTo(done.holdout().expected());
        assertThat(only("sum(streamnet_prediction_latency_seconds_count)")).isEqualTo(done.holdout().expected());
        List<Sample> letters = prometheus.query("streamnet_dead_letters_total > 0");
        assertThat(letters).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("reason", "malformed");
            assertThat(s.value()).isEqualTo(StreamnetTraffic.MALFORMED);
        });
    }

    @Test
    @Order(7)
    void shouldExportEveryDocumentedMetricName() throws Exception {
        learned(); // the Kafka consumer's per-partition lag exists once partitions are assigned and fetched
        String exposition = HttpProbe.get(traffic.uri(HttpPaths.METRICS)).body();

        assertThat(MetricNames.sampleNames(exposition, "streamnet_")).isEqualTo(new TreeSet<>(MetricNames.STREAMNET));
        assertThat(MetricNames.sampleNames(exposition)).containsAll(MetricNames.PLATFORM);
    }

    /** The training and test samples sent and answered, once for the class. */
    private StreamnetTraffic.Outcome learned() throws Exception {
        if (outcome == null) {
            outcome = traffic.trainThenPredict(prometheus);
        }
        return outcome;
    }

    /** The value of the one series {@code promql} returns now. */
    private double only(String promql) throws Exception {
        List<Sample> series = prometheus.query(promql);
        assertThat(series).as(promql).hasSize(1);
        return series.get(0).value();
    }
}
