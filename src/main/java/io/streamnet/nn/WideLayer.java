package io.streamnet.nn;

/**
 * The hidden layer for larger H, activations as m×H (a row per image, a column per unit), so that the work runs
 * along rows of H values, vectorised. The batch is regrouped by pixel ({@link PixelColumns}); the columns of W1
 * that some image needs are copied once per batch as the rows of W1ᵀ_P (|P|×H), Z1ᵀ = X·W1ᵀ adds those rows pixel
 * by pixel, and dW1 = dZ1·X is built the same way in transposed form, then copied into W1's layout
 * ({@link ColumnKernels}).
 */
final class WideLayer implements HiddenLayer {
    /**
     * From this many hidden units and images per batch on, this layout beats {@link NarrowLayer} (measured at
     * H = 16–128, batch 1–256): below, its fixed cost per batch, moving |P| columns of W1 and dW1, is not paid back.
     */
    static final int MIN_HIDDEN = 48;
    static final int MIN_BATCH = 32;

    private final int hidden;
    private final PixelColumns columns;
    private final double[][] w1T;
    private final double[][] g1T;
    private final double[][] z1T;
    private final double[][] a1T;
    private final double[][] a1;
    private final double[][] dz1T;

    WideLayer(int hidden, int capacity) {
        this.hidden = hidden;
        columns = new PixelColumns(capacity);
        w1T = new double[Network.INPUTS][hidden];
        g1T = new double[Network.INPUTS][hidden];
        z1T = new double[capacity][hidden];
        a1T = new double[capacity][hidden];
        a1 = new double[hidden][capacity];
        dz1T = new double[capacity][hidden];
    }

    @Override
    public void forward(Network net, Batch batch, double[][] z2) {
        int h = hidden;
        int m = batch.size();
        // X by column: the pixels P non-zero in some image, and where
        columns.collect(batch);
        // W1ᵀ_P = (W1[:, P])ᵀ   (|P|×H)
        columns.gather(net.w1(), w1T, h);
        // Z1ᵀ = X·W1ᵀ + b1ᵀ   (m×H)
        ColumnKernels.multTransB(columns, w1T, z1T, h, m);
        double[] b1 = net.b1();
        for (int j = 0; j < m; j++) {
            double[] z = z1T[j];
            double[] a = a1T[j];
            for (int i = 0; i < h; i++) {
                z[i] += b1[i];
                // A1ᵀ = ReLU(Z1ᵀ), and A1 for the next product
                a[i] = Math.max(z[i], 0.0);
                a1[i][j] = a[i];
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
        Kernels.mult(dz2, a1T, dw2, Network.OUTPUTS, m, h);
        // dZ1ᵀ = (dZ2ᵀ·W2) ⊙ (Z1ᵀ > 0)   (m×H)
        Kernels.multTransA(dz2, net.w2(), dz1T, m, Network.OUTPUTS, h);
        for (int j = 0; j < m; j++) {
            double[] d = dz1T[j];
            double[] z = z1T[j];
            for (int i = 0; i < h; i++) {
                d[i] = z[i] > 0 ? d[i] : 0.0;
            }
        }
        // db1 = (1/m)·Σ_columns dZ1 = Σ_rows dZ1ᵀ
        Kernels.sumColumns(dz1T, db1, m, h);
        // dW1 = (1/m)·dZ1·X = (dZ1ᵀ)ᵀ·X   (H×784): its columns P as the rows of (dW1[:, P])ᵀ, the others zero
        ColumnKernels.multTransA(dz1T, columns, g1T, h);
        columns.scatter(g1T, dw1, h);
    }
}
