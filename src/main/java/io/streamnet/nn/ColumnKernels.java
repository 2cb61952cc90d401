package io.streamnet.nn;

import java.util.Arrays;

/**
 * Kernels with the sparse m×784 matrix X held by column, as {@link PixelColumns} holds a batch: they run pixel by
 * pixel over P, so that each row of a |P|×n matrix (a column of a dense n×784 matrix, moved by
 * {@link PixelColumns#gather} and {@link PixelColumns#scatter}) is used for every image where the pixel is
 * non-zero while the m×n matrices on the other side stay in the first-level cache. Inner loops run along n, four
 * images at a time, vectorised. Sums run over pixels (or images) in ascending order, as a dense loop would,
 * skipping only zeros. Nothing is allocated; the output (the only argument modified) is overwritten.
 */
final class ColumnKernels {
    private ColumnKernels() {
    }

    /**
     * {@code C = X·Bᵀ}: X is m×784 (by column), B is n×784 given as {@code bT} (|P|×n, row t = column P[t] of B),
     * C is m×n; {@code C[j][i] = Σ_k X[j][k]·B[i][k]}. Row t of bT is added, times {@code X[j][P[t]]}, to row j of
     * C for every image j where the pixel is non-zero.
     */
    static void multTransB(PixelColumns x, double[][] bT, double[][] c, int n, int m) {
        for (int j = 0; j < m; j++) {
            Arrays.fill(c[j], 0, n, 0.0);
        }
        int[] image = x.images();
        double[] value = x.values();
        for (int t = 0; t < x.size(); t++) {
            double[] column = bT[t];
            int e = x.start(t);
            int end = x.start(t + 1);
            for (; e + 3 < end; e += 4) {
                addScaled4(value[e], c[image[e]], value[e + 1], c[image[e + 1]], value[e + 2], c[image[e + 2]],
                        value[e + 3], c[image[e + 3]], column, n);
            }
            for (; e < end; e++) {
                double v = value[e];
                double[] cj = c[image[e]];
                for (int i = 0; i < n; i++) {
                    cj[i] += v * column[i];
                }
            }
        }
    }

    /**
     * {@code Cᵀ = (Aᵀ·X)ᵀ} on the columns P: A is m×n, X is m×784 (by column), and row t of {@code cT} (|P|×n)
     * becomes column P[t] of {@code C = Aᵀ·X} (n×784), {@code C[i][k] = Σ_j A[j][i]·X[j][k]}: it sums
     * {@code X[j][P[t]]·A[j]} over the images where the pixel is non-zero, four at a time in image order.
     */
    static void multTransA(double[][] a, PixelColumns x, double[][] cT, int n) {
        int[] image = x.images();
        double[] value = x.values();
        for (int t = 0; t < x.size(); t++) {
            double[] column = cT[t];
            Arrays.fill(column, 0, n, 0.0);
            int e = x.start(t);
            int end = x.start(t + 1);
            for (; e + 3 < end; e += 4) {
                double x0 = value[e];
                double x1 = value[e + 1];
                double x2 = value[e + 2];
                double x3 = value[e + 3];
                double[] a0 = a[image[e]];
                double[] a1 = a[image[e + 1]];
                double[] a2 = a[image[e + 2]];
                double[] a3 = a[image[e + 3]];
                for (int i = 0; i < n; i++) {
                    column[i] = column[i] + x0 * a0[i] + x1 * a1[i] + x2 * a2[i] + x3 * a3[i];
                }
            }
            for (; e < end; e++) {
                double v = value[e];
                double[] aj = a[image[e]];
                for (int i = 0; i < n; i++) {
                    column[i] += v * aj[i];
                }
            }
        }
    }

    /** {@code c0 += x0·w}, …, {@code c3 += x3·w} over the first n elements: four rows share each load of w. */
    private static void addScaled4(double x0, double[] c0, double x1, double[] c1, double x2, double[] c2, double x3,
                                   double[] c3, double[] w, int n) {
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            c0[i] += x0 * wi;
            c1[i] += x1 * wi;
            c2[i] += x2 * wi;
            c3[i] += x3 * wi;
        }
    }
}
