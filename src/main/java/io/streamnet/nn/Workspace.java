package io.streamnet.nn;

/**
 * The activations and gradients of one network (hidden size H) for batches of up to
 * {@code capacity} images, allocated once. {@link #forward} scores a batch; {@link #backward}
 * then computes the gradients of the mean cross-entropy. Matrices are arrays of rows; Z2, A2 and
 * dZ2 have one column per image and use the first m of them. The hidden layer's activations live in
 * a {@link HiddenLayer}, in the layout that is fastest for H. Not thread-safe: one workspace per thread.
 */
public final class Workspace {
    private final int hidden;
    private final int capacity;
    private final HiddenLayer layer;
    private final double[][] z2;
    private final double[][] a2;
    private final double[][] dz2;
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
        this(hidden, capacity, null);
    }

    /** A workspace whose hidden layer is {@code layer} (for H and capacity as given), or the faster one when null. */
    Workspace(int hidden, int capacity, HiddenLayer layer) {
        if (hidden < 1 || capacity < 1) {
            throw new IllegalArgumentException("workspace needs H >= 1 and capacity >= 1, got H=" + hidden
                    + ", capacity=" + capacity);
        }
        this.hidden = hidden;
        this.capacity = capacity;
        this.layer = layer != null ? layer : HiddenLayer.of(hidden, capacity);
        z2 = new double[Network.OUTPUTS][capacity];
        a2 = new double[Network.OUTPUTS][capacity];
        dz2 = new double[Network.OUTPUTS][capacity];
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
        // Z1 = W1·Xᵀ + b1, A1 = ReLU(Z1), Z2 = W2·A1 + b2   (10×m)
        layer.forward(net, batch, z2);
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
        double invM = 1.0 / m;
        // dZ2 = (A2 − Y)/m, Y one-hot 10×m; the 1/m of every gradient is applied here once, all below is linear in it
        for (int d = 0; d < Network.OUTPUTS; d++) {
            for (int j = 0; j < m; j++) {
                dz2[d][j] = (batch.label(j) == d ? a2[d][j] - 1.0 : a2[d][j]) * invM;
            }
        }
        // db2 = (1/m)·Σ_columns dZ2
        Kernels.sumRows(dz2, db2, Network.OUTPUTS, m);
        // dW2 = (1/m)·dZ2·A1ᵀ, dZ1 = (W2ᵀ·dZ2) ⊙ (Z1 > 0), dW1 = (1/m)·dZ1·X, db1 = (1/m)·Σ_columns dZ1
        layer.backward(net, batch, dz2, dw2, dw1, db1);
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
