package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Dataset;
import io.streamnet.data.Sample;
import io.streamnet.serde.ImageEncoding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a user of a running service does, for the end-to-end tests: streams the bundled sample to its input topic
 * (a few malformed records first, then the training images labelled, then the test images unlabelled), reads
 * {@code /model}, and evaluates the predictions against the held-out labels.
 */
final class StreamnetTraffic {
    /** Passes over the 8,000 training images. */
    static final int PASSES = 3;
    /** Records that are no image at all, sent before the training images. */
    static final int MALFORMED = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamnetConfig config;
    private final URI http;

    /** A service using the default topics on Kafka at {@code bootstrapServers}, its HTTP side at {@code http}. */
    StreamnetTraffic(String bootstrapServers, String http) {
        this.config = StreamnetConfig.from(Map.of("STREAMNET_BOOTSTRAP_SERVERS", bootstrapServers));
        this.http = URI.create(http);
    }

    /** What a run of the sample produced: the evaluation of the predictions, and a time (epoch s) Prometheus has it all. */
    record Outcome(Evaluator.Evaluation holdout, double settledAt) {
    }

    URI uri(String path) {
        return http.resolve(path);
    }

    /** {@code /model}: the summary of the newest snapshot, or an error object before the first. */
    JsonNode model() throws IOException, InterruptedException {
        return JSON.readTree(HttpProbe.get(uri(HttpPaths.MODEL)).body());
    }

    /**
     * Sends the malformed records and the training passes, waits until the model has learned every image, sends the
     * test images unlabelled and evaluates their predictions; then waits until Prometheus has scraped them all, and
     * the consumer lag.
     */
    Outcome trainThenPredict(PrometheusServer prometheus) throws Exception {
        try (Producer<String, byte[]> producer = new KafkaProducer<>(
                ProduceCommand.producerProperties(config.bootstrapServers(), Map.of()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < MALFORMED; i++) {
                producer.send(new ProducerRecord<>(config.inputTopic(), "malformed-" + i,
                        "not an image".getBytes(StandardCharsets.UTF_8)));
            }
            long sent = send(producer, Sample.TRAIN, false, PASSES);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> model().path("imagesTrained").asLong(-1) == sent);
            long since = System.currentTimeMillis();
            send(producer, Sample.TEST, true, 1);
            Evaluator.Evaluation holdout = evaluate(since);
            await().atMost(TIMEOUT).until(() -> prometheus.query("sum(streamnet_images_predicted_total)").stream()
                    .anyMatch(s -> s.value() >= holdout.expected()));
            // the consumer's per-partition lag exists from its first fetch, and the service picks up new Kafka
            // metrics every 10 s: a run shorter than that is over before the lag is exported
            await().atMost(TIMEOUT).until(() -> !prometheus.query("kafka_consumer_fetch_manager_records_lag").isEmpty());
            return new Outcome(holdout, System.currentTimeMillis() / 1000.0);
        }
    }

    private long send(Producer<String, byte[]> producer, Sample sample, boolean unlabelled, int passes)
            throws InterruptedException {
        DatasetProducer.Result result = new DatasetProducer(producer, config.inputTopic(), config.bootstrapServers(),
                Pacer.of(0), total -> quiet("images", total))
                .run(Dataset.sample(sample), new DatasetProducer.Plan(0, Long.MAX_VALUE, passes, unlabelled,
                        ImageEncoding.BINARY));
        assertThat(result.failed()).as("images not delivered: %s", result.firstError()).isZero();
        return result.sent();
    }

    private Evaluator.Evaluation evaluate(long since) {
        Evaluator evaluator = Evaluator.of(Dataset.sample(Sample.TEST));
        try (KafkaConsumer<String, byte[]> consumer = EvaluateCommand.consumer(config.bootstrapServers(), Map.of())) {
            return evaluator.run(consumer, config.predictionsTopic(), since, TIMEOUT,
                    quiet("predictions", evaluator.expected()));
        }
    }

    private static Progress quiet(String unit, long total) {
        return Progress.start(new PrintWriter(Writer.nullWriter()), unit, total, false);
    }
}
