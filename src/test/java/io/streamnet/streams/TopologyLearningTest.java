package io.streamnet.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.data.Image;
import io.streamnet.data.Prediction;
import io.streamnet.data.Sample;
import io.streamnet.serde.PredictionJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology learns the sample: five passes, He-uniform, batch 32, then scores the held-out images. */
class TopologyLearningTest {
    private static final double HOLDOUT_ACCURACY = 0.89;

    @TempDir
    Path state;

    @Test
    void shouldReachHoldoutAccuracyOfAtLeast089AfterFivePasses() {
        List<Image> train = TopologyFixture.sample(Sample.TRAIN, 8_000);
        List<Image> test = TopologyFixture.sample(Sample.TEST, 2_000);
        try (TopologyFixture topology = new TopologyFixture(state, "INIT", "he", "BATCH_SIZE", "32")) {
            for (int pass = 0; pass < 5; pass++) {
                topology.sendAll(train);
            }
            // the last snapshot is published, then reaches the predictor
            topology.driver.advanceWallClockTime(Duration.ofSeconds(1));
            List<byte[]> snapshots = topology.models.readValuesToList();
            topology.deliver(snapshots.get(snapshots.size() - 1));
            test.forEach(image -> topology.send(image.unlabelled()));

            Map<String, Integer> truth = test.stream().collect(Collectors.toMap(Image::id, Image::label));
            List<Prediction> predictions = topology.predictions.readValuesToList().stream().map(PredictionJson::decode)
                    .toList();
            assertThat(predictions).hasSize(2_000);
            assertThat(predictions).allMatch(p -> p.modelVersion() == 5 * 8_000 / 32);
            long correct = predictions.stream().filter(p -> p.digit() == truth.get(p.id())).count();
            assertThat(correct / 2_000.0).as("holdout accuracy").isGreaterThanOrEqualTo(HOLDOUT_ACCURACY);
            assertThat(topology.trainedModel().prequential().seen()).isEqualTo(40_000);
        }
    }
}
