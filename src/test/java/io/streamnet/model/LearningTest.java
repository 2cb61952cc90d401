package io.streamnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.data.SampleImages;
import io.streamnet.nn.Batch;
import io.streamnet.nn.Init;
import io.streamnet.nn.Workspace;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainer learns the bundled sample: batch 32, learning rate 0.1, online passes over the 8,000 training
 * images in file order, then the 2,000 held-out images are scored. Thresholds, not exact counts (those belong
 * to the golden vectors); the numpy reference reaches 0.73–0.78 (seed) and 0.87 (He) after one pass, 0.86–0.89
 * and 0.91 after five.
 */
class LearningTest {
    private static final int BATCH = 32;
    private static final double LEARNING_RATE = 0.1;
    private static final long SEED = 1;
    private static final int HIDDEN = 10;
    /** Held-out images are scored this many at a time. */
    private static final int SCORING_BATCH = 250;

    private static List<Image> train;
    private static List<Image> test;

    @BeforeAll
    static void readTheSample() {
        train = read(Sample.TRAIN);
        test = read(Sample.TEST);
        assertThat(train).hasSize(8_000);
        assertThat(test).hasSize(2_000);
    }

    @Test
    void shouldReachHoldoutAccuracyOf070AfterOnePassFromTheSeedInitialisation() {
        assertThat(holdoutAccuracyAfter(Init.SEED, 1)).as("holdout accuracy").isGreaterThanOrEqualTo(0.70);
    }

    @Test
    void shouldReachHoldoutAccuracyOf083AfterOnePassFromHeUniform() {
        assertThat(holdoutAccuracyAfter(Init.HE, 1)).as("holdout accuracy").isGreaterThanOrEqualTo(0.83);
    }

    @Test
    void shouldReachHoldoutAccuracyOf085AfterFivePassesFromTheSeedInitialisation() {
        assertThat(holdoutAccuracyAfter(Init.SEED, 5)).as("holdout accuracy").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void shouldReachHoldoutAccuracyOf089AfterFivePassesFromHeUniform() {
        assertThat(holdoutAccuracyAfter(Init.HE, 5)).as("holdout accuracy").isGreaterThanOrEqualTo(0.89);
    }

    /** Trains a fresh model for {@code passes} online passes, every step applied, and scores the held-out images. */
    private static double holdoutAccuracyAfter(Init init, int passes) {
        // Given a fresh model with a fixed seed
        Model model = Model.initial(new Hyperparameters(HIDDEN, LEARNING_RATE, init, SEED), 1_000);
        Trainer trainer = new Trainer(model, BATCH);
        // When it learns from the training images, batch by batch, pass after pass
        for (int pass = 0; pass < passes; pass++) {
            for (Image image : train) {
                trainer.batch().add(image.pixels(), image.label());
                if (trainer.batch().isFull()) {
                    assertThat(trainer.train().applied()).as("step applied").isTrue();
                }
            }
        }
        assertThat(model.version()).isEqualTo((long) passes * train.size() / BATCH);
        assertThat(model.prequential().seen()).isEqualTo((long) passes * train.size());
        // Then the share of held-out images it predicts right is returned
        return (double) correctOnHoldout(model) / test.size();
    }

    private static int correctOnHoldout(Model model) {
        Workspace ws = new Workspace(HIDDEN, SCORING_BATCH);
        Batch batch = new Batch(SCORING_BATCH);
        int correct = 0;
        for (int start = 0; start < test.size(); start += SCORING_BATCH) {
            batch.clear();
            List<Image> part = test.subList(start, Math.min(start + SCORING_BATCH, test.size()));
            part.forEach(image -> batch.add(image.pixels(), Image.NO_LABEL));
            ws.forward(model.network(), batch);
            for (int j = 0; j < part.size(); j++) {
                correct += ws.prediction(j) == part.get(j).label() ? 1 : 0;
            }
        }
        return correct;
    }

    private static List<Image> read(Sample sample) {
        return SampleImages.all(sample);
    }
}
