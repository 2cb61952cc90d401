package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamnet.config.StreamnetConfig;
import io.streamnet.metrics.StreamnetMetrics;
import io.streamnet.model.Hyperparameters;
import io.streamnet.model.Model;
import io.streamnet.nn.Init;
import io.streamnet.serde.ModelCodec;
import io.streamnet.streams.LatestModel;
import io.streamnet.streams.StoreNames;
import io.streamnet.streams.StreamsProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side on a real socket: probes by Kafka Streams state, the model summary, the metrics text. */
class HttpEndpointTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
    private final TimestampedKeyValueStore<String, byte[]> store = Stores.timestampedKeyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreNames.LATEST_MODEL), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled().build();
    private final LatestModel latest = new LatestModel(() -> store);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpEndpoint http;

    HttpEndpointTest() {
        // the service's own Kafka Streams properties (Kafka's defaults would warn about the global handler)
        store.init(new MockProcessorContext<>(StreamsProperties.of(StreamnetConfig.defaults())).getStateStoreContext(),
                store);
        new StreamnetMetrics(latest::get).bindTo(registry);
        http = new HttpEndpoint(0, registry, state::get, latest);
    }

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void shouldAnswerReadyOnlyWhileKafkaStreamsIsRunningAndNameTheStateOtherwise() throws Exception {
        for (KafkaStreams.State s : KafkaStreams.State.values()) {
            state.set(s);
            HttpResponse<String> ready = get(HttpPaths.READY);
            assertThat(ready.statusCode()).as("ready in %s", s).isEqualTo(s == KafkaStreams.State.RUNNING ? 200 : 503);
            assertThat(ready.body()).isEqualTo(s.name() + "\n");
        }
    }

    @Test
    void shouldAnswerLiveUnlessKafkaStreamsHasFailed() throws Exception {
        for (KafkaStreams.State s : KafkaStreams.State.values()) {
            state.set(s);
            boolean failed = s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_ERROR;
            assertThat(get(HttpPaths.LIVE).statusCode()).as("live in %s", s).isEqualTo(failed ? 503 : 200);
        }
    }

    @Test
    void shouldServeTheModelOnlyOnceASnapshotHasArrived() throws Exception {
        // Given no snapshot yet: 503, and a JSON error
        HttpResponse<String> before = get(HttpPaths.MODEL);
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(json(before).path("error").asText()).contains("no model snapshot");

        // When version 0 arrives in the global store, published a second ago
        Model model = Model.initial(new Hyperparameters(10, 0.1, Init.HE, 1), 1_000);
        store.put(StoreNames.MODEL_KEY, ValueAndTimestamp.make(ModelCodec.encode(model), System.currentTimeMillis() - 1_000));
        Thread.sleep(250); // LatestModel reads the store at most every 200 ms

        // Then /model summarises it, without NaN (JSON has none: no accuracy or loss yet is null)
        HttpResponse<String> after = get(HttpPaths.MODEL);
        assertThat(after.statusCode()).isEqualTo(200);
        JsonNode summary = json(after);
        assertThat(summary.path("version").asLong()).isZero();
        assertThat(summary.path("hyperparameters").path("hidden").asInt()).isEqualTo(10);
        assertThat(summary.path("prequentialAccuracy").path("window").asInt()).isEqualTo(1_000);
        assertThat(summary.path("prequentialAccuracy").path("rolling").isNull()).isTrue();
        assertThat(summary.path("snapshotAgeSeconds").asDouble()).isBetween(1.0, 60.0);
    }

    @Test
    void shouldServeMetricsInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> metrics = get(HttpPaths.METRICS);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("# TYPE streamnet_images_trained_total counter");
    }

    @Test
    void shouldAnswerNotFoundForAnyOtherPathAndListThePathsServed() throws Exception {
        for (String path : new String[] {"/", "/health", "/metricsXYZ", "/model/abc", "/health/livefoo"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo(
                    "not found; the paths served are /metrics, /health/live, /health/ready, /model\n");
        }
    }

    @Test
    void shouldRefuseMethodsOtherThanGetAndHead() throws Exception {
        HttpResponse<String> post = send("POST", HttpPaths.MODEL);

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(post.body()).isEqualTo("POST is not allowed on /model; use GET\n");
    }

    @Test
    void shouldAnswerHeadWithTheStatusOfGetAndNoBody() throws Exception {
        state.set(KafkaStreams.State.RUNNING);
        HttpResponse<String> head = send("HEAD", HttpPaths.METRICS);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(send("HEAD", HttpPaths.MODEL).statusCode()).isEqualTo(503);
        assertThat(send("HEAD", HttpPaths.READY).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + http.port() + path);
        return CLIENT.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return new ObjectMapper().readTree(response.body());
    }
}
