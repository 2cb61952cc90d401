package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.app.process.ServiceProcess;
import io.streamnet.data.Image;
import io.streamnet.data.Prediction;
import io.streamnet.data.Sample;
import io.streamnet.serde.ImageBinary;
import io.streamnet.serde.PredictionJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Produce → train → predict → evaluate, through a real broker and the service as its own process. */
class SampleEndToEndIT {
    private static final int PASSES = 5;
    private static final double HOLDOUT_ACCURACY = 0.89;

    @TempDir
    Path dir;

    @Test
    void shouldLearnTheSampleAndPredictEveryHeldOutImageExactlyOnce() throws Exception {
        try (EndToEnd e2e = EndToEnd.start(dir)) {
            learnThenPredict(e2e);
        }
    }

    /** The whole journey on whatever broker {@code e2e} stands on. */
    static void learnThenPredict(EndToEnd e2e) throws Exception {
        List<Image> train = EndToEnd.sample(Sample.TRAIN, 8_000);
        List<Image> test = EndToEnd.sample(Sample.TEST, 2_000);
        ServiceProcess service = e2e.serve("a");
        // When the training sample streams in five times, then the held-out images without labels
        for (int pass = 0; pass < PASSES; pass++) {
            e2e.send("images", train, ImageBinary::encode);
        }
        service.awaitImagesTrained(PASSES * 8_000L, Duration.ofMinutes(3));
        e2e.send("images", test.stream().map(Image::unlabelled).toList(), ImageBinary::encode);
        // Then every held-out id is predicted, exactly once (read_committed), by the fully trained model
        Map<String, Integer> truth = test.stream().collect(Collectors.toMap(Image::id, Image::label));
        List<Prediction> predictions = awaitPredictions(e2e, truth.size());
        assertThat(predictions).extracting(Prediction::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(truth.keySet());
        assertThat(predictions).allMatch(p -> p.modelVersion() == PASSES * 8_000L / 32);
        long correct = predictions.stream().filter(p -> p.digit() == truth.get(p.id())).count();
        assertThat(correct / 2_000.0).as("holdout accuracy").isGreaterThanOrEqualTo(HOLDOUT_ACCURACY);
    }

    private static List<Prediction> awaitPredictions(EndToEnd e2e, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<Prediction> all = List.of();
        while (System.nanoTime() < deadline) {
            all = e2e.readAll("predictions").stream().map(ConsumerRecord::value).map(PredictionJson::decode).toList();
            if (all.size() >= expected) {
                Thread.sleep(2_000); // and nothing more arrives: a duplicate would show up here
                return e2e.readAll("predictions").stream().map(ConsumerRecord::value).map(PredictionJson::decode)
                        .toList();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + all.size() + " of " + expected + " predictions arrived");
    }

}
