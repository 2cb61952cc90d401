package io.streamnet.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.data.Image;
import io.streamnet.data.Prediction;
import io.streamnet.data.Sample;
import io.streamnet.model.Model;
import io.streamnet.model.Trainer;
import io.streamnet.nn.Batch;
import io.streamnet.nn.Workspace;
import io.streamnet.serde.ModelCodec;
import io.streamnet.serde.PredictionJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamnetTopologyTest {
    @TempDir
    Path state;

    @Test
    void shouldTrainEveryFullBatchExactlyAsTheNetworkDoes() {
        List<Image> images = TopologyFixture.sample(Sample.TRAIN, 14);
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "4")) {
            // When 14 labelled images arrive with batches of 4
            topology.sendAll(images);
            // Then three batches trained, two images wait, and the stored model is bit-identical to training directly
            Model stored = topology.trainedModel();
            assertThat(stored.version()).isEqualTo(3);
            assertThat(stored.imagesTrained()).isEqualTo(12);
            assertThat(topology.pendingImages()).isEqualTo(2);
            assertThat(stored).isEqualTo(trainDirectly(topology, images.subList(0, 12)));
        }
    }

    @Test
    void shouldTrainABatchHoldingOnlySomeDigits() {
        List<Image> lowDigits = TopologyFixture.sample(Sample.TRAIN, 200).stream().filter(i -> i.label() < 3)
                .limit(8).toList();
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "8")) {
            topology.sendAll(lowDigits);
            Model stored = topology.trainedModel();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored).isEqualTo(trainDirectly(topology, lowDigits));
        }
    }

    @Test
    void shouldFlushAPartialBatchAfterTheWaitAndNotBefore() {
        List<Image> three = TopologyFixture.sample(Sample.TRAIN, 3);
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "32", "BATCH_MAX_WAIT", "2s")) {
            topology.sendAll(three);
            topology.driver.advanceWallClockTime(Duration.ofMillis(1500));
            assertThat(topology.trainedModel().version()).as("before the wait").isZero();
            topology.driver.advanceWallClockTime(Duration.ofMillis(1000));
            assertThat(topology.trainedModel().version()).as("after the wait").isEqualTo(1);
            assertThat(topology.trainedModel().imagesTrained()).isEqualTo(3);
            assertThat(topology.trainedModel()).isEqualTo(trainDirectly(topology, three));
        }
    }

    @Test
    void shouldNeverFlushAPartialBatchWhenNoWaitIsConfigured() {
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "32")) {
            topology.sendAll(TopologyFixture.sample(Sample.TRAIN, 3));
            topology.driver.advanceWallClockTime(Duration.ofHours(1));
            assertThat(topology.trainedModel().version()).isZero();
            assertThat(topology.pendingImages()).isEqualTo(3);
        }
    }

    @Test
    void shouldPredictWithTheNewestSnapshotAndCarryItsVersion() {
        List<Image> training = TopologyFixture.sample(Sample.TRAIN, 8);
        Image question = TopologyFixture.sample(Sample.TEST, 1).get(0).unlabelled();
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "4")) {
            // Before any snapshot, predictions come from version 0
            topology.send(question);
            assertThat(PredictionJson.decode(topology.predictions.readValue()).modelVersion()).isZero();
            // When two batches train and the publish interval passes
            topology.sendAll(training);
            topology.driver.advanceWallClockTime(Duration.ofSeconds(1));
            byte[] snapshot = topology.models.readValue();
            assertThat(ModelCodec.version(snapshot)).isEqualTo(2);
            topology.deliver(snapshot);
            topology.images.pipeInput(question.id(), io.streamnet.serde.ImageBinary.encode(question), 42L);
            // Then the prediction uses version 2, with its exact probabilities, and the input's timestamp
            Prediction p = PredictionJson.decode(topology.predictions.readValue());
            Model published = ModelCodec.decode(snapshot);
            assertThat(p.id()).isEqualTo(question.id());
            assertThat(p.modelVersion()).isEqualTo(2);
            assertThat(p.inputTimestamp()).isEqualTo(42L);
            assertThat(p.probabilities()).containsExactly(probabilities(published, question));
        }
    }

    @Test
    void shouldPublishAtMostOneSnapshotAnIntervalAndTheLastOneWhenInputStops() {
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "2")) {
            topology.driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(ModelCodec.version(topology.models.readValue())).as("version 0 at start").isZero();
            topology.sendAll(TopologyFixture.sample(Sample.TRAIN, 10));
            topology.driver.advanceWallClockTime(Duration.ofMillis(999));
            assertThat(topology.models.isEmpty()).as("nothing before the interval").isTrue();
            topology.driver.advanceWallClockTime(Duration.ofMillis(1));
            assertThat(ModelCodec.version(topology.models.readValue())).isEqualTo(5);
            topology.driver.advanceWallClockTime(Duration.ofSeconds(5));
            assertThat(topology.models.isEmpty()).as("no new version, no new snapshot").isTrue();
        }
    }

    @Test
    void shouldScoreEachBatchBeforeLearningFromIt() {
        List<Image> images = TopologyFixture.sample(Sample.TRAIN, 40);
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "8", "INIT", "seed")) {
            topology.sendAll(images);
            // Then the prequential counts equal scoring each batch offline with the weights before its update
            Model offline = StreamnetTopology.initialModel(topology.config);
            Trainer trainer = new Trainer(offline, 8);
            long correct = 0;
            for (int b = 0; b < 5; b++) {
                Model before = trainer.model().copy();
                List<Image> batch = images.subList(b * 8, b * 8 + 8);
                for (Image image : batch) {
                    if (argmax(probabilities(before, image)) == image.label()) {
                        correct++;
                    }
                    trainer.batch().add(image.pixels(), image.label());
                }
                trainer.train();
            }
            Model stored = topology.trainedModel();
            assertThat(stored.prequential().correct()).isEqualTo(correct);
            assertThat(stored.prequential().seen()).isEqualTo(40);
            assertThat(topology.observer.steps.stream().mapToInt(Trainer.Step::correct).sum()).isEqualTo(correct);
        }
    }

    static Model trainDirectly(TopologyFixture topology, List<Image> images) {
        int batchSize = topology.config.batchSize();
        Trainer trainer = new Trainer(StreamnetTopology.initialModel(topology.config), batchSize);
        for (Image image : images) {
            trainer.batch().add(image.pixels(), image.label());
            if (trainer.batch().isFull()) {
                trainer.train();
            }
        }
        if (trainer.batch().size() > 0) {
            trainer.train();
        }
        return trainer.model();
    }

    static double[] probabilities(Model model, Image image) {
        Batch one = new Batch(1);
        one.add(image.pixels(), Image.NO_LABEL);
        Workspace ws = new Workspace(model.hyperparameters().hidden(), 1);
        ws.forward(model.network(), one);
        double[] p = new double[10];
        for (int d = 0; d < 10; d++) {
            p[d] = ws.probability(0, d);
        }
        return p;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int d = 1; d < p.length; d++) {
            if (p[d] > p[best]) {
                best = d;
            }
        }
        return best;
    }
}
