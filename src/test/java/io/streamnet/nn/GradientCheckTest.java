package io.streamnet.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Backpropagation agrees with central finite differences of the loss on real images. */
class GradientCheckTest {
    private static final double EPSILON = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-4;

    @Test
    void shouldMatchCentralDifferencesForEveryLayer() {
        // a few hidden units
        checkGradients(6, false);
    }

    @Test
    void shouldMatchCentralDifferencesForEveryLayerOfAWideNetwork() {
        // the transposed hidden layer, which a workspace chooses for many units and large batches
        checkGradients(WideLayer.MIN_HIDDEN, true);
    }

    private static void checkGradients(int hidden, boolean wide) {
        // Given three real images and a He-initialised network
        Batch batch = firstImagesOfTheGoldenStream(3);
        Network net = Network.initialise(hidden, Init.HE, new SplittableRandom(7));
        Workspace ws = new Workspace(hidden, batch.size(), wide ? new WideLayer(hidden, batch.size()) : null);
        ws.forward(net, batch);
        // When backpropagation computes the gradients
        ws.backward(net, batch);
        // Then each sampled parameter's gradient matches (L(θ+ε) − L(θ−ε)) / 2ε
        SplittableRandom pick = new SplittableRandom(11);
        int checked = 0;
        for (int n = 0; n < 40; n++) {
            int h = pick.nextInt(hidden);
            int k = 150 + pick.nextInt(500); // the middle of the image, where pixels are not all zero
            checked += check(net, batch, net.w1()[h], k, ws.dw1()[h][k]) ? 1 : 0;
            checked += check(net, batch, net.b1(), h, ws.db1()[h]) ? 1 : 0;
            int d = pick.nextInt(Network.OUTPUTS);
            checked += check(net, batch, net.w2()[d], h, ws.dw2()[d][h]) ? 1 : 0;
            checked += check(net, batch, net.b2(), d, ws.db2()[d]) ? 1 : 0;
        }
        assertThat(checked).as("parameters with a gradient large enough to compare").isGreaterThan(60);
    }

    /** Returns false when both gradients are too small for a relative error to mean anything. */
    private static boolean check(Network net, Batch batch, double[] params, int i, double analytic) {
        double saved = params[i];
        params[i] = saved + EPSILON;
        double plus = loss(net, batch);
        params[i] = saved - EPSILON;
        double minus = loss(net, batch);
        params[i] = saved;
        double numeric = (plus - minus) / (2 * EPSILON);
        double scale = Math.abs(numeric) + Math.abs(analytic);
        if (scale < 1e-7) {
            assertThat(Math.abs(numeric - analytic)).isLessThan(1e-8);
            return false;
        }
        assertThat(Math.abs(numeric - analytic) / scale).as("relative error, analytic %s numeric %s", analytic, numeric)
                .isLessThan(MAX_RELATIVE_ERROR);
        return true;
    }

    private static double loss(Network net, Batch batch) {
        Workspace ws = new Workspace(net.hidden(), batch.size());
        ws.forward(net, batch);
        return ws.loss();
    }

    static Batch firstImagesOfTheGoldenStream(int count) {
        GoldenCase.Step step = GoldenCase.read(GoldenCase.files().get(GoldenCase.files().size() - 1)).steps().get(0);
        Batch batch = new Batch(count);
        for (int j = 0; j < count; j++) {
            byte[] pixels = new byte[Network.INPUTS];
            for (int k = 0; k < pixels.length; k++) {
                pixels[k] = (byte) step.pixels()[j][k];
            }
            batch.add(pixels, step.labels()[j]);
        }
        return batch;
    }
}
