package io.streamnet.nn;

/**
 * The hidden layer's half of a training step, between the batch and the output logits: the forward pass
 * {@code Z1 = W1·Xᵀ + b1}, {@code A1 = ReLU(Z1)}, {@code Z2 = W2·A1 + b2}, and the backward pass from dZ2 to
 * dW2, dZ1, dW1 and db1. Two implementations hold the activations in different layouts, each fastest for its
 * range of H; both compute the formulas of DESIGN.md, and each gives the same bits for the same inputs.
 * Matrices with a batch dimension use the first m images; one instance per {@link Workspace}.
 */
interface HiddenLayer {

    /** The faster layer for hidden size {@code hidden} and batches of up to {@code capacity} images. */
    static HiddenLayer of(int hidden, int capacity) {
        return hidden >= WideLayer.MIN_HIDDEN && capacity >= WideLayer.MIN_BATCH ? new WideLayer(hidden, capacity)
                : new NarrowLayer(hidden, capacity);
    }

    /** Fills {@code z2} (10×m) with {@code W2·A1 + b2}, computing Z1 and A1 of the batch's m images on the way. */
    void forward(Network net, Batch batch, double[][] z2);

    /**
     * From {@code dz2} (10×m, the 1/m already applied) of the batch last passed to {@link #forward} with the same
     * network: {@code dW2 = dZ2·A1ᵀ}, {@code dZ1 = (W2ᵀ·dZ2) ⊙ (Z1 > 0)}, {@code dW1 = dZ1·X} and
     * {@code db1 = Σ_columns dZ1}, written into the arrays given.
     */
    void backward(Network net, Batch batch, double[][] dz2, double[][] dw2, double[][] dw1, double[] db1);
}
