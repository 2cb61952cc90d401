package io.streamnet.nn;

import java.util.Arrays;

/**
 * Kernels with the sparse m×784 matrix X held by column, as {@link PixelColumns} holds a batch: they run pixel by
 * pixel, so each column of the dense n×784 matrix they read or write is touched once per batch, while the m×n
 * matrices on the other side stay in the first-level cache. Columns move through a scratch block of
 * {@value #BLOCK} columns stored as rows (BLOCK × n): a row of the dense matrix is visited once per block, not once
 * per pixel, which spares the address-translation cache (a column of 128 rows spans 128 pages apart). Inner loops
 * run along n, four images at a time, vectorised. Sums run over pixels (or images) in ascending order, as a dense
 * loop would, skipping only zeros. Nothing is allocated; the output (the only argument modified besides the
 * scratch) is overwritten.
 */
final class ColumnKernels {
    /** Columns per scratch block. */
    static final int BLOCK = 8;

    private ColumnKernels() {
    }

    /**
     * {@code C = X·Bᵀ}: X is m×784 (by column), B is n×784, C is m×n; {@code C[j][i] = Σ_k X[j][k]·B[i][k]}.
     * Column k of B, for each pixel k of P, is gathered into a row of {@code block} ({@value #BLOCK}×n) and added,
     * times {@code X[j][k]}, to row j of C for every image j where the pixel is non-zero.
     */
    static void multTransB(PixelColumns x, double[][] b, double[][] c, double[][] block, int n, int m) {
        for (int j = 0; j < m; j++) {
            Arrays.fill(c[j], 0, n, 0.0);
        }
        int[] image = x.images();
        double[] value = x.values();
        for (int t0 = 0; t0 < x.size(); t0 += BLOCK) {
            int width = Math.min(BLOCK, x.size() - t0);
            for (int i = 0; i < n; i++) {
                double[] bi = b[i];
                for (int p = 0; p < width; p++) {
                    block[p][i] = bi[x.pixel(t0 + p)];
                }
            }
            for (int p = 0; p < width; p++) {
                double[] column = block[p];
                int e = x.start(t0 + p);
                int end = x.start(t0 + p + 1);
                for (; e + 3 < end; e += 4) {
                    addScaled4(value[e], c[image[e]], value[e + 1], c[image[e + 1]], value[e + 2], c[image[e + 2]],
                            value[e + 3], c[image[e + 3]], column, n);
                }
                for (; e < end; e++) {
                    double v = value[e];
                    double[] ci = c[image[e]];
                    for (int i = 0; i < n; i++) {
                        ci[i] += v * column[i];
                    }
                }
            }
        }
    }

    /**
     * {@code C = Aᵀ·X}: A is m×n, X is m×784 (by column), C is n×784; {@code C[i][k] = Σ_j A[j][i]·X[j][k]}.
     * For each pixel k of P, a row of {@code block} ({@value #BLOCK}×n) sums {@code X[j][k]·A[j]} over the images
     * where it is non-zero, four at a time in image order, and becomes column k of C; the columns outside P are
     * zero.
     */
    static void multTransA(double[][] a, PixelColumns x, double[][] c, double[][] block, int n) {
        for (int i = 0; i < n; i++) {
            Arrays.fill(c[i], 0.0);
        }
        for (int t0 = 0; t0 < x.size(); t0 += BLOCK) {
            int width = Math.min(BLOCK, x.size() - t0);
            for (int p = 0; p < width; p++) {
                sumColumn(a, x, t0 + p, block[p], n);
            }
            for (int i = 0; i < n; i++) {
                double[] ci = c[i];
                for (int p = 0; p < width; p++) {
                    ci[x.pixel(t0 + p)] = block[p][i];
                }
            }
        }
    }

    /** {@code column = Σ_j X[j][k]·A[j]} over the images where pixel k (column t of P) is non-zero, in order. */
    private static void sumColumn(double[][] a, PixelColumns x, int t, double[] column, int n) {
        int[] image = x.images();
        double[] value = x.values();
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
            double[] ai = a[image[e]];
            for (int i = 0; i < n; i++) {
                column[i] += v * ai[i];
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
