package io.streamnet.nn;

import java.util.Arrays;

/**
 * Dense kernels on matrices held as arrays of rows ({@code double[rows][columns]}; a matrix may be
 * used with fewer rows or columns than it was allocated with). They allocate nothing, take the
 * output as a parameter (the only argument modified) and overwrite it.
 * The inner loops index every array by the loop variable alone, the shape C2 vectorises; Java's
 * strict floating point makes the results bit-identical whether it does or not.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * {@code C = A·B}: A is r×k, B is k×n, C is r×n. Runs along rows of B and C, two rows of C and
     * four rows of B at a time, so it suits n of 4 and more; for smaller n use {@link #multTransB}.
     */
    static void mult(double[][] a, double[][] b, double[][] c, int r, int k, int n) {
        int i = 0;
        for (; i + 1 < r; i += 2) {
            multTwoRows(a[i], a[i + 1], b, c[i], c[i + 1], k, n);
        }
        if (i < r) {
            multOneRow(a[i], b, c[i], k, n);
        }
    }

    /**
     * {@code C = A·Bᵀ}: A is r×k, B is n×k, C is r×n; each element is the dot product of a row of A
     * and a row of B, summed in four interleaved parts.
     */
    static void multTransB(double[][] a, double[][] b, double[][] c, int r, int k, int n) {
        for (int i = 0; i < r; i++) {
            double[] ai = a[i];
            double[] ci = c[i];
            for (int j = 0; j < n; j++) {
                ci[j] = dot(ai, b[j], k);
            }
        }
    }

    /** {@code C = Aᵀ·B}: A is k×r, B is k×n, C is r×n. Runs along rows of B and C. */
    static void multTransA(double[][] a, double[][] b, double[][] c, int r, int k, int n) {
        for (int i = 0; i < r; i++) {
            double[] ci = c[i];
            Arrays.fill(ci, 0, n, 0.0);
            for (int p = 0; p < k; p++) {
                double api = a[p][i];
                double[] bp = b[p];
                for (int j = 0; j < n; j++) {
                    ci[j] += api * bp[j];
                }
            }
        }
    }

    /** {@code x −= alpha·dx} over the first {@code length} elements. */
    static void subtractScaled(double[] x, double alpha, double[] dx, int length) {
        for (int i = 0; i < length; i++) {
            x[i] -= alpha * dx[i];
        }
    }

    /** {@code x −= alpha·dx} for the first r rows and n columns. */
    static void subtractScaled(double[][] x, double alpha, double[][] dx, int r, int n) {
        for (int i = 0; i < r; i++) {
            subtractScaled(x[i], alpha, dx[i], n);
        }
    }

    /** True when {@code x − alpha·dx} would be finite in each of the first {@code length} elements. */
    static boolean differenceFinite(double[] x, double alpha, double[] dx, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) {
            s += x[i] - alpha * dx[i];
        }
        return Double.isFinite(s);
    }

    /** {@link #differenceFinite(double[], double, double[], int)} for the first r rows and n columns. */
    static boolean differenceFinite(double[][] x, double alpha, double[][] dx, int r, int n) {
        for (int i = 0; i < r; i++) {
            if (!differenceFinite(x[i], alpha, dx[i], n)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code x −= alpha·dx} for the first r rows and n columns if every element written would be finite; returns
     * whether it wrote. The test runs first, on column sums gathered in {@code sums} (scratch, n long): the additions
     * stay independent of each other and the loop vectorised.
     */
    static boolean subtractScaledIfFinite(double[][] x, double alpha, double[][] dx, int r, int n, double[] sums) {
        Arrays.fill(sums, 0, n, 0.0);
        for (int i = 0; i < r; i++) {
            double[] xi = x[i];
            double[] dxi = dx[i];
            for (int k = 0; k < n; k++) {
                sums[k] += xi[k] - alpha * dxi[k];
            }
        }
        if (!allFinite(sums, n)) {
            return false;
        }
        subtractScaled(x, alpha, dx, r, n);
        return true;
    }

    /** {@code out[i] = Σ_j a[i][j]} over the first r rows and n columns: one sum per row. */
    static void sumRows(double[][] a, double[] out, int r, int n) {
        for (int i = 0; i < r; i++) {
            double[] ai = a[i];
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += ai[j];
            }
            out[i] = s;
        }
    }

    /** {@code out[i] = Σ_j a[j][i]} over the first r rows and n columns: one sum per column, rows in order. */
    static void sumColumns(double[][] a, double[] out, int r, int n) {
        Arrays.fill(out, 0, n, 0.0);
        for (int j = 0; j < r; j++) {
            double[] aj = a[j];
            for (int i = 0; i < n; i++) {
                out[i] += aj[i];
            }
        }
    }

    /** {@code z[i][j] += b[i]} for the first r rows and m columns: a column vector added to every column. */
    static void addColumn(double[][] z, double[] b, int r, int m) {
        for (int i = 0; i < r; i++) {
            double bi = b[i];
            double[] row = z[i];
            for (int j = 0; j < m; j++) {
                row[j] += bi;
            }
        }
    }

    /** True when every one of the first {@code length} elements is finite (no NaN, no ±∞). */
    static boolean allFinite(double[] a, int length) {
        // a NaN or ±∞ makes the sum NaN or ±∞, so a finite sum means finite elements; the converse fails
        // only when finite values near Double.MAX_VALUE overflow, and such parameters are as good as lost
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < length; i++) {
            s0 += a[i];
        }
        return Double.isFinite((s0 + s1) + (s2 + s3));
    }

    /** {@link #allFinite(double[], int)} for the first r rows and n columns. */
    static boolean allFinite(double[][] a, int r, int n) {
        for (int i = 0; i < r; i++) {
            if (!allFinite(a[i], n)) {
                return false;
            }
        }
        return true;
    }

    private static void multTwoRows(double[] x, double[] y, double[][] b, double[] c0, double[] c1, int k, int n) {
        Arrays.fill(c0, 0, n, 0.0);
        Arrays.fill(c1, 0, n, 0.0);
        int p = 0;
        for (; p + 3 < k; p += 4) {
            double x0 = x[p];
            double x1 = x[p + 1];
            double x2 = x[p + 2];
            double x3 = x[p + 3];
            double y0 = y[p];
            double y1 = y[p + 1];
            double y2 = y[p + 2];
            double y3 = y[p + 3];
            double[] b0 = b[p];
            double[] b1 = b[p + 1];
            double[] b2 = b[p + 2];
            double[] b3 = b[p + 3];
            for (int j = 0; j < n; j++) {
                double v0 = b0[j];
                double v1 = b1[j];
                double v2 = b2[j];
                double v3 = b3[j];
                c0[j] = c0[j] + x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                c1[j] = c1[j] + y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
            }
        }
        for (; p < k; p++) {
            double xp = x[p];
            double yp = y[p];
            double[] bp = b[p];
            for (int j = 0; j < n; j++) {
                c0[j] += xp * bp[j];
                c1[j] += yp * bp[j];
            }
        }
    }

    private static void multOneRow(double[] x, double[][] b, double[] c, int k, int n) {
        Arrays.fill(c, 0, n, 0.0);
        int p = 0;
        for (; p + 3 < k; p += 4) {
            double x0 = x[p];
            double x1 = x[p + 1];
            double x2 = x[p + 2];
            double x3 = x[p + 3];
            double[] b0 = b[p];
            double[] b1 = b[p + 1];
            double[] b2 = b[p + 2];
            double[] b3 = b[p + 3];
            for (int j = 0; j < n; j++) {
                c[j] = c[j] + x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
            }
        }
        for (; p < k; p++) {
            double xp = x[p];
            double[] bp = b[p];
            for (int j = 0; j < n; j++) {
                c[j] += xp * bp[j];
            }
        }
    }

    private static double dot(double[] a, double[] b, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int p = 0;
        for (; p + 3 < k; p += 4) {
            s0 += a[p] * b[p];
            s1 += a[p + 1] * b[p + 1];
            s2 += a[p + 2] * b[p + 2];
            s3 += a[p + 3] * b[p + 3];
        }
        for (; p < k; p++) {
            s0 += a[p] * b[p];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
