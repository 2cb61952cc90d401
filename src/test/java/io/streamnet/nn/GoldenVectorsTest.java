package io.streamnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every golden case, every step: the network's float64 arithmetic matches the seed's formulas. */
class GoldenVectorsTest {
    /** The tolerance the golden cases are held to for float64 arithmetic. */
    static final double TOLERANCE = 1e-9;

    @Test
    void shouldFindTheGoldenCases() {
        assertThat(GoldenCase.files()).as("golden cases in %s", GoldenCase.directory().toAbsolutePath())
                .isNotEmpty();
    }

    @TestFactory
    Stream<DynamicContainer> shouldMatchEveryGoldenStep() {
        return GoldenCase.files().stream().map(GoldenVectorsTest::caseTests);
    }

    private static DynamicContainer caseTests(Path file) {
        GoldenCase golden = GoldenCase.read(file);
        GradientDescent gd = new GradientDescent(golden.learningRate());
        Network current = golden.initial().copy();
        List<DynamicTest> tests = new ArrayList<>();
        for (int s = 0; s < golden.steps().size(); s++) {
            GoldenCase.Step step = golden.steps().get(s);
            // Given the parameters the golden case reached before this step
            Network next = current.copy();
            // When one step runs on the step's batch
            Batch batch = step.batch();
            Workspace ws = new Workspace(golden.hidden(), batch.size());
            boolean applied = gd.step(next, batch, ws);
            // Then every number matches (checked per step below)
            tests.add(DynamicTest.dynamicTest("step " + s, () -> assertStep(step, applied, ws, next)));
            current = step.after(); // each step starts from the golden parameters, so one miss does not cascade
        }
        return DynamicContainer.dynamicContainer(golden.name(), tests);
    }

    private static void assertStep(GoldenCase.Step step, boolean applied, Workspace ws, Network next) {
        assertThat(applied).as("step applied").isTrue();
        int m = step.labels().length;
        for (int j = 0; j < m; j++) {
            for (int d = 0; d < Network.OUTPUTS; d++) {
                assertThat(ws.probability(j, d)).as("A2[%d][%d]", d, j).isCloseTo(step.a2()[j][d], within(TOLERANCE));
            }
            assertThat(ws.prediction(j)).as("prediction %d", j).isEqualTo(step.predictions()[j]);
        }
        assertThat(ws.loss()).as("loss").isCloseTo(step.loss(), within(TOLERANCE));
        assertClose("dW1", ws.dw1(), step.dw1());
        assertClose("db1", ws.db1(), step.db1());
        assertClose("dW2", ws.dw2(), step.dw2());
        assertClose("db2", ws.db2(), step.db2());
        assertClose("W1 after", next.w1(), step.after().w1());
        assertClose("b1 after", next.b1(), step.after().b1());
        assertClose("W2 after", next.w2(), step.after().w2());
        assertClose("b2 after", next.b2(), step.after().b2());
    }

    static void assertClose(String what, double[][] actual, double[][] expected) {
        assertThat(actual.length).as("%s rows", what).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + "[" + i + "]", actual[i], expected[i]);
        }
    }

    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as("%s length", what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
