package io.streamnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void shouldKeepSoftmaxFiniteAndNormalisedForLogitsOfTenThousand() {
        // Given a network whose output logits are the biases ±10,000 whatever the image
        Network net = Network.zeros(4);
        for (int d = 0; d < Network.OUTPUTS; d++) {
            net.b2()[d] = d % 2 == 0 ? 10_000 : -10_000;
        }
        Batch batch = new Batch(1);
        batch.add(new byte[Network.INPUTS], 1); // the true digit's logit is −10,000: its probability underflows to 0
        Workspace ws = new Workspace(4, 1);
        // When the batch is scored
        ws.forward(net, batch);
        // Then the probabilities are finite and sum to 1, and the loss is finite (20,000 + log 5)
        double sum = 0;
        for (int d = 0; d < Network.OUTPUTS; d++) {
            assertThat(Double.isFinite(ws.probability(0, d))).isTrue();
            sum += ws.probability(0, d);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(ws.probability(0, 1)).isZero();
        assertThat(ws.loss()).isCloseTo(20_000 + Math.log(5), within(1e-9));
    }

    @Test
    void shouldGiveBitIdenticalParametersForTheSameSeedAndBatches() {
        // Given two runs from the same seed over the same batches
        Network first = train(Init.SEED, 42);
        Network second = train(Init.SEED, 42);
        // Then every parameter is equal bit for bit; a different seed differs
        assertThat(first).isEqualTo(second);
        assertThat(train(Init.SEED, 43)).isNotEqualTo(first);
    }

    @Test
    void shouldDrawSeedInitialisationUniformlyInHalfUnit() {
        Network net = Network.initialise(10, Init.SEED, new SplittableRandom(1));
        net.forEachArray(p -> assertThat(DoubleStream.of(p)).allMatch(v -> v >= -0.5 && v < 0.5));
        assertThat(DoubleStream.of(net.b1())).anyMatch(v -> v != 0);
    }

    @Test
    void shouldDrawHeInitialisationWithinFanInLimitsAndZeroBiases() {
        Network net = Network.initialise(16, Init.HE, new SplittableRandom(1));
        double limit1 = Math.sqrt(6.0 / Network.INPUTS);
        double limit2 = Math.sqrt(6.0 / 16);
        for (double[] row : net.w1()) {
            assertThat(DoubleStream.of(row)).allMatch(v -> Math.abs(v) <= limit1);
        }
        for (double[] row : net.w2()) {
            assertThat(DoubleStream.of(row)).allMatch(v -> Math.abs(v) <= limit2);
        }
        assertThat(net.b1()).containsOnly(0.0);
        assertThat(net.b2()).containsOnly(0.0);
    }

    @Test
    void shouldNameTheDimensionsOfAMisshapenParameter() {
        assertThatThrownBy(() -> Network.of(10, new double[783 * 10], new double[10], new double[100], new double[10]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("W1 must be 10x784").hasMessageContaining("7830");
        assertThatThrownBy(() -> new Workspace(10, 4).forward(Network.zeros(12), oneImageBatch()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12x784");
    }

    @Test
    void shouldRejectANonFiniteOrNonPositiveLearningRate() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0, -1}) {
            assertThatThrownBy(() -> new GradientDescent(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void shouldRefuseAStepThatMakesParametersNonFinite() {
        // Given a network whose true-class output weights are −1e300: the gradient reaching W1 is about 1e300
        Network current = Network.initialise(4, Init.HE, new SplittableRandom(3));
        java.util.Arrays.fill(current.w2()[3], -1e300);
        Network before = current.copy();
        // When a step with learning rate 1e10 runs (W1 − 1e10·1e300 overflows)
        boolean applied = new GradientDescent(1e10).step(current, oneImageBatch(), new Workspace(4, 1));
        // Then it is refused and the network is untouched
        assertThat(applied).isFalse();
        assertThat(current).isEqualTo(before);
    }

    @Test
    void shouldStepBitForBitTheSameWithAReusedWorkspaceAsWithFreshOnes() {
        // a workspace carries nothing from one step into the next: its gradients are overwritten, not added to
        for (int hidden : new int[] {10, 64}) {
            for (int m : new int[] {1, 4, 32}) {
                // Given two batches of random images
                SplittableRandom rng = new SplittableRandom(hidden * 1000L + m);
                Batch first = randomImages(m, rng);
                Batch second = randomImages(m, rng);
                Network reused = Network.initialise(hidden, Init.HE, new SplittableRandom(1));
                Network fresh = reused.copy();
                GradientDescent gd = new GradientDescent(0.1);
                // When one network takes both steps with one workspace, the other with a new workspace each
                Workspace ws = new Workspace(hidden, m);
                assertThat(gd.step(reused, first, ws)).isTrue();
                assertThat(gd.step(reused, second, ws)).isTrue();
                assertThat(gd.step(fresh, first, new Workspace(hidden, m))).isTrue();
                Workspace last = new Workspace(hidden, m);
                assertThat(gd.step(fresh, second, last)).isTrue();
                // Then the gradients and the networks are the same, bit for bit
                String shape = "H=" + hidden + ", m=" + m;
                assertThat(ws.dw1()).as(shape).isDeepEqualTo(last.dw1());
                assertThat(reused).as(shape).isEqualTo(fresh);
            }
        }
    }

    /** m images of 100 non-zero pixels each at random places, labelled at random. */
    private static Batch randomImages(int m, SplittableRandom rng) {
        Batch batch = new Batch(m);
        for (int j = 0; j < m; j++) {
            byte[] pixels = new byte[Network.INPUTS];
            for (int n = 0; n < 100; n++) {
                pixels[rng.nextInt(Network.INPUTS)] = (byte) (1 + rng.nextInt(255));
            }
            batch.add(pixels, rng.nextInt(Network.OUTPUTS));
        }
        return batch;
    }

    @Test
    void shouldScoreAnImageBitForBitTheSameWhateverBatchItIsIn() {
        // Given four images scored in one batch
        Batch four = GradientCheckTest.firstImagesOfTheGoldenStream(4);
        Network net = Network.initialise(10, Init.HE, new SplittableRandom(5));
        Workspace all = new Workspace(10, four.size());
        all.forward(net, four);
        // Then image j gets the same probabilities, bit for bit, in the batch of the first j + 1 images
        for (int j = 0; j < four.size(); j++) {
            Batch single = GradientCheckTest.firstImagesOfTheGoldenStream(j + 1);
            Workspace one = new Workspace(10, single.size());
            one.forward(net, single);
            for (int d = 0; d < Network.OUTPUTS; d++) {
                assertThat(one.probability(j, d)).isEqualTo(all.probability(j, d));
            }
        }
    }

    private static Network train(Init init, long seed) {
        Network net = Network.initialise(10, init, new SplittableRandom(seed));
        GradientDescent gd = new GradientDescent(0.1);
        Batch batch = GradientCheckTest.firstImagesOfTheGoldenStream(3);
        Workspace ws = new Workspace(10, 3);
        for (int step = 0; step < 5; step++) {
            assertThat(gd.step(net, batch, ws)).isTrue();
        }
        return net;
    }

    private static Batch oneImageBatch() {
        Batch batch = new Batch(1);
        byte[] pixels = new byte[Network.INPUTS];
        pixels[400] = (byte) 200;
        batch.add(pixels, 3);
        return batch;
    }
}
