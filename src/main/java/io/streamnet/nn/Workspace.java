package io.streamnet.nn;

/**
 * The activations and gradients of one network (hidden size H) for batches of up to
 * {@code capacity} images, allocated once. {@link #forward} scores a batch; {@link #backward}
 * then computes the gradients of the mean cross-entropy. Matrices are arrays of rows; those
 * with a batch dimension have one column per image and use the first m of them.
 * Not thread-safe: one workspace per thread.
 */
public final class Workspace {
    private final int hidden;
    private final int capacity;
    private final double[][] z1;
    private final double[][] a1;
    private final double[][] z2;
    private final double[][] a2;
    private final double[][] dz2;
    private final double[][] dz1;
    final double[][] dw1;
    final double[] db1;
    final double[][] dw2;
    final double[] db2;
    /** Scratch for the optimiser: one sum per column of W1. */
    final double[] sums = new double[Network.INPUTS];
    private final int[] predictions;
    private int m;
    private double loss = Double.NaN;

    public Workspace(int hidden, int capacity) {
        if (hidden < 1 || capacity < 1) {
            throw new IllegalArgumentException("workspace needs H >= 1 and capacity >= 1, got H=" + hidden
                    + ", capacity=" + capacity);
        }
        this.hidden = hidden;
        this.capacity = capacity;
        z1 = new double[hidden][capacity];
        a1 = new double[hidden][capacity];
        z2 = new double[Network.OUTPUTS][capacity];
        a2 = new double[Network.OUTPUTS][capacity];
        dz2 = new double[Network.OUTPUTS][capacity];
        dz1 = new double[hidden][capacity];
        dw1 = new double[hidden][Network.INPUTS];
        db1 = new double[hidden];
        dw2 = new double[Network.OUTPUTS][hidden];
        db2 = new double[Network.OUTPUTS];
        predictions = new int[capacity];
    }

    /**
     * Scores {@code batch} with {@code net}: Z1, A1, Z2, A2, the predicted digit of each image and,
     * when every image is labelled, the mean cross-entropy loss (else NaN).
     */
    public void forward(Network net, Batch batch) {
        checkFits(net, batch);
        m = batch.size();
        int h = hidden;
        // Z1 = W1·Xᵀ + b1   (H×m; X's zero pixels skipped)
        SparseKernels.multTransB(net.w1(), batch.indices(), batch.values(), batch.counts(), z1, h, m);
        addColumn(z1, net.b1(), h);
        // A1 = ReLU(Z1)
        for (int i = 0; i < h; i++) {
            double[] z = z1[i];
            double[] a = a1[i];
            for (int j = 0; j < m; j++) {
                a[j] = Math.max(z[j], 0.0);
            }
        }
        // Z2 = W2·A1 + b2   (10×m)
        Kernels.mult(net.w2(), a1, z2, Network.OUTPUTS, h, m);
        addColumn(z2, net.b2(), Network.OUTPUTS);
        // A2 = softmax(Z2), column by column, max subtracted first; loss = mean −log A2[y] via log-softmax
        double total = 0;
        for (int j = 0; j < m; j++) {
            total += softmaxColumn(j, batch.label(j));
        }
        loss = batch.allLabelled() ? total / m : Double.NaN;
    }

    /**
     * The gradients of the loss for the batch last passed to {@link #forward} (all labelled),
     * with the same {@code net}: dW1, db1, dW2, db2.
     */
    public void backward(Network net, Batch batch) {
        if (batch.size() != m || !batch.allLabelled()) {
            throw new IllegalArgumentException("backward needs the labelled batch of the last forward (m=" + m + ")");
        }
        int h = hidden;
        double invM = 1.0 / m;
        // dZ2 = (A2 − Y)/m, Y one-hot 10×m; the 1/m of every gradient is applied here once, all below is linear in it
        for (int d = 0; d < Network.OUTPUTS; d++) {
            for (int j = 0; j < m; j++) {
                dz2[d][j] = (batch.label(j) == d ? a2[d][j] - 1.0 : a2[d][j]) * invM;
            }
        }
        // dW2 = (1/m)·dZ2·A1ᵀ   (10×H)
        Kernels.multTransB(dz2, a1, dw2, Network.OUTPUTS, m, h);
        // db2 = (1/m)·Σ_columns dZ2
        Kernels.sumRows(dz2, db2, Network.OUTPUTS, m);
        // dZ1 = (W2ᵀ·dZ2) ⊙ (Z1 > 0)   (H×m)
        Kernels.multTransA(net.w2(), dz2, dz1, h, Network.OUTPUTS, m);
        for (int i = 0; i < h; i++) {
            double[] d = dz1[i];
            double[] z = z1[i];
            for (int j = 0; j < m; j++) {
                d[j] = z[j] > 0 ? d[j] : 0.0;
            }
        }
        // dW1 = (1/m)·dZ1·X   (H×784; X = (Xᵀ)ᵀ is m×784, its zero pixels skipped)
        SparseKernels.mult(dz1, batch.indices(), batch.values(), batch.counts(), dw1, h, m, Network.INPUTS);
        // db1 = (1/m)·Σ_columns dZ1
        Kernels.sumRows(dz1, db1, h, m);
    }

    /** Mean cross-entropy of the last forward pass, or NaN when some image had no label. */
    public double loss() {
        return loss;
    }

    /** Images in the last forward pass. */
    public int size() {
        return m;
    }

    /** The predicted digit (arg max of A2's column) of image {@code j}. */
    public int prediction(int j) {
        return predictions[j];
    }

    /** A2[digit, j]: the probability that image {@code j} shows {@code digit}. */
    public double probability(int j, int digit) {
        return a2[digit][j];
    }

    public int hidden() {
        return hidden;
    }

    public int capacity() {
        return capacity;
    }

    /** dW1 (H rows of 784, live arrays) of the last backward pass. */
    public double[][] dw1() {
        return dw1;
    }

    /** db1 (H, live array). */
    public double[] db1() {
        return db1;
    }

    /** dW2 (10 rows of H, live arrays). */
    public double[][] dw2() {
        return dw2;
    }

    /** db2 (10, live array). */
    public double[] db2() {
        return db2;
    }

    /** Softmax of column j of Z2 into A2 and its prediction; returns −log A2[label] (0 without a label). */
    private double softmaxColumn(int j, int label) {
        double max = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int d = 0; d < Network.OUTPUTS; d++) {
            if (z2[d][j] > max) {
                max = z2[d][j];
                best = d;
            }
        }
        double sum = 0;
        for (int d = 0; d < Network.OUTPUTS; d++) {
            double e = Math.exp(z2[d][j] - max);
            a2[d][j] = e;
            sum += e;
        }
        for (int d = 0; d < Network.OUTPUTS; d++) {
            a2[d][j] /= sum;
        }
        predictions[j] = best;
        // −log softmax(z)[y] = log Σ exp(z − max) − (z[y] − max): finite even when A2[y] underflows to 0
        return label < 0 ? 0 : Math.log(sum) - (z2[label][j] - max);
    }

    private void addColumn(double[][] z, double[] b, int rows) {
        for (int i = 0; i < rows; i++) {
            double bi = b[i];
            double[] row = z[i];
            for (int j = 0; j < m; j++) {
                row[j] += bi;
            }
        }
    }

    private void checkFits(Network net, Batch batch) {
        if (net.hidden() != hidden) {
            throw new IllegalArgumentException("W1 is " + net.hidden() + "x" + Network.INPUTS
                    + " but the workspace is for H=" + hidden);
        }
        if (batch.size() < 1 || batch.size() > capacity) {
            throw new IllegalArgumentException("batch has " + batch.size() + " images; the workspace holds 1 to "
                    + capacity);
        }
    }
}
