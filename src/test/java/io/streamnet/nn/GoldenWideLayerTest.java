package io.streamnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden case through the transposed hidden layer, which a workspace picks only for many hidden units and
 * large batches (none of the golden cases): the same numbers within the same tolerance as {@link GoldenVectorsTest}.
 */
class GoldenWideLayerTest {

    @TestFactory
    Stream<DynamicTest> shouldMatchEveryGoldenStepThroughTheWideLayer() {
        return GoldenCase.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> checkCase(file)));
    }

    private static void checkCase(Path file) {
        GoldenCase golden = GoldenCase.read(file);
        GradientDescent gd = new GradientDescent(golden.learningRate());
        Network current = golden.initial().copy();
        for (GoldenCase.Step step : golden.steps()) {
            // Given the golden parameters before the step and the step's batch, in a workspace with the wide layer
            Batch batch = step.batch();
            int h = golden.hidden();
            Workspace ws = new Workspace(h, batch.size(), new WideLayer(h, batch.size()));
            Network next = current.copy();
            // When one step runs
            assertThat(gd.step(next, batch, ws)).isTrue();
            // Then probabilities, loss, gradients and new parameters are the golden ones
            for (int j = 0; j < batch.size(); j++) {
                for (int d = 0; d < Network.OUTPUTS; d++) {
                    assertThat(ws.probability(j, d)).isCloseTo(step.a2()[j][d], within(GoldenVectorsTest.TOLERANCE));
                }
            }
            assertThat(ws.loss()).isCloseTo(step.loss(), within(GoldenVectorsTest.TOLERANCE));
            GoldenVectorsTest.assertClose("dW1", ws.dw1(), step.dw1());
            GoldenVectorsTest.assertClose("db1", ws.db1(), step.db1());
            GoldenVectorsTest.assertClose("dW2", ws.dw2(), step.dw2());
            GoldenVectorsTest.assertClose("db2", ws.db2(), step.db2());
            GoldenVectorsTest.assertClose("W1 after", next.w1(), step.after().w1());
            GoldenVectorsTest.assertClose("b1 after", next.b1(), step.after().b1());
            GoldenVectorsTest.assertClose("W2 after", next.w2(), step.after().w2());
            GoldenVectorsTest.assertClose("b2 after", next.b2(), step.after().b2());
            current = step.after();
        }
    }
}
