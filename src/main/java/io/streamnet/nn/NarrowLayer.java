package io.streamnet.nn;

/**
 * The hidden layer for small H, activations as H×m (a row per unit, a column per image). Z1 = W1·Xᵀ gathers
 * four rows of W1 for each non-zero pixel of an image, and dW1 = dZ1·X scatters each image into two rows at a
 * time: with few units a row of W1ᵀ would be too short for vector instructions, so this layout is faster.
 */
final class NarrowLayer implements HiddenLayer {
    private final int hidden;
    private final double[][] z1;
    private final double[][] a1;
    private final double[][] dz1;

    NarrowLayer(int hidden, int capacity) {
        this.hidden = hidden;
        z1 = new double[hidden][capacity];
        a1 = new double[hidden][capacity];
        dz1 = new double[hidden][capacity];
    }

    @Override
    public void forward(Network net, Batch batch, double[][] z2) {
        int h = hidden;
        int m = batch.size();
        // Z1 = W1·Xᵀ + b1   (H×m; X's zero pixels skipped)
        SparseKernels.multTransB(net.w1(), batch.indices(), batch.values(), batch.counts(), z1, h, m);
        Kernels.addColumn(z1, net.b1(), h, m);
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
        Kernels.addColumn(z2, net.b2(), Network.OUTPUTS, m);
    }

    @Override
    public void backward(Network net, Batch batch, double[][] dz2, double[][] dw2, double[][] dw1, double[] db1) {
        int h = hidden;
        int m = batch.size();
        // dW2 = (1/m)·dZ2·A1ᵀ   (10×H)
        Kernels.multTransB(dz2, a1, dw2, Network.OUTPUTS, m, h);
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
}
