package io.streamnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two layouts of the hidden layer compute the same step: cross-checked on real images. */
class HiddenLayerTest {
    /** They add in different orders (Z2 and dW2), so they agree to rounding, not to the bit. */
    private static final double TOLERANCE = 1e-12;

    @Test
    void shouldChooseTheWideLayoutForManyUnitsAndImagesOnly() {
        int h = WideLayer.MIN_HIDDEN;
        int m = WideLayer.MIN_BATCH;
        assertThat(HiddenLayer.of(h, m)).isInstanceOf(WideLayer.class);
        assertThat(HiddenLayer.of(h - 1, m)).isInstanceOf(NarrowLayer.class);
        assertThat(HiddenLayer.of(h, m - 1)).isInstanceOf(NarrowLayer.class);
    }

    @Test
    void shouldComputeTheSameForwardAndBackwardInEitherLayout() {
        for (int hidden : new int[] {3, 10, 40, 50}) {
            for (int m : new int[] {1, 7, 32}) {
                crossCheck(hidden, m);
            }
        }
    }

    private static void crossCheck(int hidden, int m) {
        // Given a network with a bias that switches some units off, and m real images
        Network net = Network.initialise(hidden, Init.SEED, new SplittableRandom(hidden * 100L + m));
        Batch batch = GradientCheckTest.firstImagesOfTheGoldenStream(m);
        double[][] dz2 = new double[Network.OUTPUTS][m];
        SplittableRandom rng = new SplittableRandom(9);
        for (double[] row : dz2) {
            for (int j = 0; j < m; j++) {
                row[j] = rng.nextDouble() - 0.5;
            }
        }
        // When both layouts run forward and backward
        Result narrow = run(new NarrowLayer(hidden, m), net, batch, dz2);
        Result wide = run(new WideLayer(hidden, m), net, batch, dz2);
        // Then every output agrees
        String shape = "H=" + hidden + ", m=" + m + ": ";
        assertClose(shape + "Z2", wide.z2, narrow.z2);
        assertClose(shape + "dW2", wide.dw2, narrow.dw2);
        assertClose(shape + "dW1", wide.dw1, narrow.dw1);
        assertClose(shape + "db1", new double[][] {wide.db1}, new double[][] {narrow.db1});
        double size = 0;
        for (double[] row : narrow.dw1) {
            for (double v : row) {
                size += Math.abs(v);
            }
        }
        assertThat(size).as(shape + "Σ|dW1|, so that the comparison compares something").isGreaterThan(1e-3);
    }

    private static void assertClose(String what, double[][] actual, double[][] expected) {
        for (int i = 0; i < expected.length; i++) {
            for (int k = 0; k < expected[i].length; k++) {
                assertThat(actual[i][k]).as("%s[%d][%d]", what, i, k).isCloseTo(expected[i][k], within(TOLERANCE));
            }
        }
    }

    private record Result(double[][] z2, double[][] dw2, double[][] dw1, double[] db1) {
    }

    private static Result run(HiddenLayer layer, Network net, Batch batch, double[][] dz2) {
        int h = net.hidden();
        Result r = new Result(new double[Network.OUTPUTS][batch.size()], new double[Network.OUTPUTS][h],
                new double[h][Network.INPUTS], new double[h]);
        layer.forward(net, batch, r.z2);
        layer.backward(net, batch, dz2, r.dw2, r.dw1, r.db1);
        return r;
    }
}
