package io.streamnet.nn;

import java.util.Arrays;

/**
 * Kernels with a sparse m×k matrix B held row by row, as a {@link Batch} holds its images: row j's
 * non-zero elements are {@code B[j][index[j][q]] = value[j][q]} for {@code q < count[j]}, every other
 * element is zero. Zeros are skipped, not multiplied; a sum over them would add only ±0, so every
 * result equals the dense one up to the order of the additions (and the sign of a zero sum).
 * Dense matrices are arrays of rows; the output is a parameter (the only argument modified),
 * overwritten; nothing is allocated. The sparse elements are gathered or scattered one by one,
 * so these loops are scalar; blocks of rows share each loaded (index, value) pair.
 */
final class SparseKernels {
    private SparseKernels() {
    }

    /**
     * {@code C = A·Bᵀ}: A is r×k (dense), B is m×k (sparse), C is r×m;
     * {@code C[i][j] = Σ_q A[i][index[j][q]]·value[j][q]}, summed in q order (the last two or one rows of A: even
     * and odd q apart, then added). Four rows of A at a time, so those stay in the first-level cache while every
     * row of B passes, and four sums are in flight.
     */
    static void multTransB(double[][] a, int[][] index, double[][] value, int[] count, double[][] c, int r, int m) {
        int i = 0;
        for (; i + 3 < r; i += 4) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] a2 = a[i + 2];
            double[] a3 = a[i + 3];
            for (int j = 0; j < m; j++) {
                int[] at = index[j];
                double[] v = value[j];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int q = 0; q < count[j]; q++) {
                    int k = at[q];
                    double x = v[q];
                    s0 += a0[k] * x;
                    s1 += a1[k] * x;
                    s2 += a2[k] * x;
                    s3 += a3[k] * x;
                }
                c[i][j] = s0;
                c[i + 1][j] = s1;
                c[i + 2][j] = s2;
                c[i + 3][j] = s3;
            }
        }
        if (i + 1 < r) {
            for (int j = 0; j < m; j++) {
                dot2(a[i], a[i + 1], index[j], value[j], count[j], c[i], c[i + 1], j);
            }
            i += 2;
        }
        if (i < r) {
            for (int j = 0; j < m; j++) {
                c[i][j] = dot(a[i], index[j], value[j], count[j]);
            }
        }
    }

    /**
     * {@code C = A·B}: A is r×m (dense), B is m×n (sparse), C is r×n;
     * {@code C[i][k] = Σ_j A[i][j]·B[j][k]}, summed in j order. Two rows of C at a time (they stay in the
     * first-level cache while every row of B is scattered into them); a zero A[i][j] (a unit ReLU switched off)
     * skips row j of B for row i.
     */
    static void mult(double[][] a, int[][] index, double[][] value, int[] count, double[][] c, int r, int m, int n) {
        int i = 0;
        for (; i + 1 < r; i += 2) {
            double[] c0 = c[i];
            double[] c1 = c[i + 1];
            Arrays.fill(c0, 0, n, 0.0);
            Arrays.fill(c1, 0, n, 0.0);
            for (int j = 0; j < m; j++) {
                double d0 = a[i][j];
                double d1 = a[i + 1][j];
                if (d0 != 0 && d1 != 0) {
                    scatter2(d0, c0, d1, c1, index[j], value[j], count[j]);
                } else if (d0 != 0) {
                    scatter(d0, c0, index[j], value[j], count[j]);
                } else if (d1 != 0) {
                    scatter(d1, c1, index[j], value[j], count[j]);
                }
            }
        }
        if (i < r) {
            double[] c0 = c[i];
            Arrays.fill(c0, 0, n, 0.0);
            for (int j = 0; j < m; j++) {
                double d0 = a[i][j];
                if (d0 != 0) {
                    scatter(d0, c0, index[j], value[j], count[j]);
                }
            }
        }
    }

    /**
     * {@code c0[j] = Σ_q a0[at[q]]·v[q]} and the same for a1: even and odd q summed apart, then added, so that four
     * sums are in flight (one alone would wait on each addition).
     */
    private static void dot2(double[] a0, double[] a1, int[] at, double[] v, int n, double[] c0, double[] c1, int j) {
        double s0 = 0;
        double s1 = 0;
        double t0 = 0;
        double t1 = 0;
        int q = 0;
        for (; q + 1 < n; q += 2) {
            int k = at[q];
            int l = at[q + 1];
            double x = v[q];
            double y = v[q + 1];
            s0 += a0[k] * x;
            s1 += a1[k] * x;
            t0 += a0[l] * y;
            t1 += a1[l] * y;
        }
        if (q < n) {
            s0 += a0[at[q]] * v[q];
            s1 += a1[at[q]] * v[q];
        }
        c0[j] = s0 + t0;
        c1[j] = s1 + t1;
    }

    /** {@code Σ_q a[at[q]]·v[q]} over the first n pairs, even and odd q summed apart, then added. */
    private static double dot(double[] a, int[] at, double[] v, int n) {
        double s = 0;
        double t = 0;
        int q = 0;
        for (; q + 1 < n; q += 2) {
            s += a[at[q]] * v[q];
            t += a[at[q + 1]] * v[q + 1];
        }
        if (q < n) {
            s += a[at[q]] * v[q];
        }
        return s + t;
    }

    /** {@code c[at[q]] += d·v[q]} for the first n pairs. */
    private static void scatter(double d, double[] c, int[] at, double[] v, int n) {
        for (int q = 0; q < n; q++) {
            c[at[q]] += d * v[q];
        }
    }

    /** {@link #scatter} into two rows at once. */
    private static void scatter2(double d0, double[] c0, double d1, double[] c1, int[] at, double[] v, int n) {
        for (int q = 0; q < n; q++) {
            int k = at[q];
            double x = v[q];
            c0[k] += d0 * x;
            c1[k] += d1 * x;
        }
    }
}
