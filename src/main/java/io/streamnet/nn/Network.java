package io.streamnet.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The parameters of the seed network 784 → H (ReLU) → 10 (softmax): {@code W1} is H×784 and
 * {@code W2} 10×H, held as arrays of rows; {@code b1} has H values, {@code b2} 10. Forward and backward passes
 * live in {@link Workspace}; the update in {@link GradientDescent}. Arrays are exposed as they are
 * (no copies) for encoders and the optimiser; callers other than those treat them as read-only.
 */
public final class Network {
    public static final int INPUTS = 784;
    public static final int OUTPUTS = 10;

    private final int hidden;
    private final double[][] w1;
    private final double[] b1;
    private final double[][] w2;
    private final double[] b2;

    private Network(int hidden, double[][] w1, double[] b1, double[][] w2, double[] b2) {
        this.hidden = hidden;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /** A network of zeros, to be filled by {@link #copyFrom} or an optimiser step. */
    public static Network zeros(int hidden) {
        checkHidden(hidden);
        return new Network(hidden, new double[hidden][INPUTS], new double[hidden], new double[OUTPUTS][hidden],
                new double[OUTPUTS]);
    }

    /**
     * A new network drawn from {@code rng}: {@link Init#SEED} draws every weight and bias uniformly in
     * [−0.5, 0.5] (in the order W1, b1, W2, b2, row by row); {@link Init#HE} draws weights uniformly in
     * ±√(6/fan_in) and sets biases to zero.
     */
    public static Network initialise(int hidden, Init init, RandomGenerator rng) {
        Network n = zeros(hidden);
        if (init == Init.SEED) {
            n.forEachArray(p -> {
                for (int i = 0; i < p.length; i++) {
                    p[i] = rng.nextDouble() - 0.5;
                }
            });
        } else {
            for (double[] row : n.w1) {
                fillUniform(row, Math.sqrt(6.0 / INPUTS), rng);
            }
            for (double[] row : n.w2) {
                fillUniform(row, Math.sqrt(6.0 / hidden), rng);
            }
        }
        return n;
    }

    /**
     * A network holding copies of the given parameters, W1 and W2 flattened row by row; shapes are
     * checked against {@code hidden}.
     */
    public static Network of(int hidden, double[] w1, double[] b1, double[] w2, double[] b2) {
        checkHidden(hidden);
        checkLength("W1", w1, hidden + "x" + INPUTS, hidden * INPUTS);
        checkLength("b1", b1, String.valueOf(hidden), hidden);
        checkLength("W2", w2, OUTPUTS + "x" + hidden, OUTPUTS * hidden);
        checkLength("b2", b2, String.valueOf(OUTPUTS), OUTPUTS);
        Network n = zeros(hidden);
        for (int i = 0; i < hidden; i++) {
            System.arraycopy(w1, i * INPUTS, n.w1[i], 0, INPUTS);
        }
        for (int i = 0; i < OUTPUTS; i++) {
            System.arraycopy(w2, i * hidden, n.w2[i], 0, hidden);
        }
        System.arraycopy(b1, 0, n.b1, 0, hidden);
        System.arraycopy(b2, 0, n.b2, 0, OUTPUTS);
        return n;
    }

    public int hidden() {
        return hidden;
    }

    /** W1, H rows of 784 (live arrays). */
    public double[][] w1() {
        return w1;
    }

    /** b1, H (live array). */
    public double[] b1() {
        return b1;
    }

    /** W2, 10 rows of H (live arrays). */
    public double[][] w2() {
        return w2;
    }

    /** b2, 10 (live array). */
    public double[] b2() {
        return b2;
    }

    public int parameterCount() {
        return hidden * INPUTS + hidden + OUTPUTS * hidden + OUTPUTS;
    }

    /**
     * Visits every parameter array in a fixed order — the rows of W1, b1, the rows of W2, b2 — the
     * order encoders write them in.
     */
    public void forEachArray(java.util.function.Consumer<double[]> visitor) {
        for (double[] row : w1) {
            visitor.accept(row);
        }
        visitor.accept(b1);
        for (double[] row : w2) {
            visitor.accept(row);
        }
        visitor.accept(b2);
    }

    /** Makes this network's parameters equal to {@code other}'s; both must have the same hidden size. */
    public void copyFrom(Network other) {
        requireSameShape(other, "copy from");
        for (int i = 0; i < hidden; i++) {
            System.arraycopy(other.w1[i], 0, w1[i], 0, INPUTS);
        }
        for (int i = 0; i < OUTPUTS; i++) {
            System.arraycopy(other.w2[i], 0, w2[i], 0, hidden);
        }
        System.arraycopy(other.b1, 0, b1, 0, hidden);
        System.arraycopy(other.b2, 0, b2, 0, OUTPUTS);
    }

    public Network copy() {
        Network n = zeros(hidden);
        n.copyFrom(this);
        return n;
    }

    /** True when no parameter is NaN or infinite. */
    public boolean isFinite() {
        return Kernels.allFinite(w1, hidden, INPUTS) && Kernels.allFinite(b1, hidden)
                && Kernels.allFinite(w2, OUTPUTS, hidden) && Kernels.allFinite(b2, OUTPUTS);
    }

    void requireSameShape(Network other, String what) {
        if (other.hidden != hidden) {
            throw new IllegalArgumentException("cannot " + what + " a network with H=" + other.hidden
                    + " into one with H=" + hidden);
        }
    }

    /** Bit-for-bit equality of every parameter (NaNs with the same bits are equal). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.hidden == hidden && Arrays.deepEquals(n.w1, w1) && Arrays.equals(n.b1, b1)
                && Arrays.deepEquals(n.w2, w2) && Arrays.equals(n.b2, b2);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(w1) * 31 + Arrays.deepHashCode(w2);
    }

    @Override
    public String toString() {
        return "Network[" + INPUTS + " → " + hidden + " ReLU → " + OUTPUTS + " softmax, " + parameterCount()
                + " parameters]";
    }

    /** Uniform in [−limit, limit). */
    private static void fillUniform(double[] p, double limit, RandomGenerator rng) {
        for (int i = 0; i < p.length; i++) {
            p[i] = (rng.nextDouble() * 2 - 1) * limit;
        }
    }

    private static void checkHidden(int hidden) {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden size must be >= 1, got " + hidden);
        }
    }

    private static void checkLength(String name, double[] p, String shape, int expected) {
        if (p == null || p.length != expected) {
            throw new IllegalArgumentException(name + " must be " + shape + " (" + expected + " values) but has "
                    + (p == null ? "none" : p.length));
        }
    }
}
