package io.streamnet.nn;

import java.util.Arrays;

/**
 * A batch's images by pixel instead of by image (column-compressed X): the pixels P that are non-zero in at
 * least one image (ascending; about 460 of 784 for 32 MNIST digits) and, for each, the images where it is
 * non-zero (ascending) with its value there; and the moves of a matrix's columns P to and from the rows of a
 * |P|×H matrix, where kernels that run pixel by pixel ({@link ColumnKernels}) find them. Allocated once, refilled
 * per batch by {@link #collect}.
 */
final class PixelColumns {
    private final int[] pixels = new int[Network.INPUTS];
    private final int[] start = new int[Network.INPUTS + 1];
    private final int[] slot = new int[Network.INPUTS];
    private final int[] count = new int[Network.INPUTS];
    private final int[] image;
    private final double[] value;
    private int size;

    PixelColumns(int capacity) {
        image = new int[capacity * Network.INPUTS];
        value = new double[capacity * Network.INPUTS];
    }

    /** Regroups the batch's non-zero pixels by pixel: counts them per pixel, lists P, then files each entry. */
    void collect(Batch batch) {
        int[][] index = batch.indices();
        int[] counts = batch.counts();
        int m = batch.size();
        for (int j = 0; j < m; j++) {
            int[] at = index[j];
            for (int q = 0; q < counts[j]; q++) {
                count[at[q]]++;
            }
        }
        int n = 0;
        int entries = 0;
        for (int k = 0; k < Network.INPUTS; k++) {
            // written for every pixel, kept for a used one; an unused pixel's slot is never read
            pixels[n] = k;
            slot[k] = n;
            start[n] = entries;
            entries += count[k];
            // −count >>> 31 is 1 when the pixel is non-zero somewhere, else 0
            n += -count[k] >>> 31;
            count[k] = 0;
        }
        start[n] = entries;
        size = n;
        for (int j = 0; j < m; j++) {
            int[] at = index[j];
            double[] v = batch.values()[j];
            for (int q = 0; q < counts[j]; q++) {
                int e = start[slot[at[q]]] + count[at[q]]++;
                image[e] = j;
                value[e] = v[q];
            }
        }
        for (int t = 0; t < n; t++) {
            count[pixels[t]] = 0;
        }
    }

    /** |P|. */
    int size() {
        return size;
    }

    /** The pixel (0–783) of column t of P. */
    int pixel(int t) {
        return pixels[t];
    }

    /** Column t's entries are {@code images()[e]}, {@code values()[e]} for {@code start(t) <= e < start(t + 1)}. */
    int start(int t) {
        return start[t];
    }

    /**
     * {@code wT[t][i] = w[i][P[t]]} for i < h: the columns P of an h×784 matrix as the rows of wT (|P|×h). Eight
     * rows of w at a time, read along P, so each row of wT gets a whole cache line at once.
     */
    void gather(double[][] w, double[][] wT, int h) {
        int i = 0;
        for (; i + 7 < h; i += 8) {
            double[] w0 = w[i];
            double[] w1 = w[i + 1];
            double[] w2 = w[i + 2];
            double[] w3 = w[i + 3];
            double[] w4 = w[i + 4];
            double[] w5 = w[i + 5];
            double[] w6 = w[i + 6];
            double[] w7 = w[i + 7];
            for (int t = 0; t < size; t++) {
                int k = pixels[t];
                double[] row = wT[t];
                row[i] = w0[k];
                row[i + 1] = w1[k];
                row[i + 2] = w2[k];
                row[i + 3] = w3[k];
                row[i + 4] = w4[k];
                row[i + 5] = w5[k];
                row[i + 6] = w6[k];
                row[i + 7] = w7[k];
            }
        }
        for (; i < h; i++) {
            for (int t = 0; t < size; t++) {
                wT[t][i] = w[i][pixels[t]];
            }
        }
    }

    /**
     * {@code d[i][P[t]] = gT[t][i]} for i < h, and {@code d[i][k] = 0} for k outside P: the h×784 matrix whose
     * columns P are the rows of gT (|P|×h), zero elsewhere. Eight rows of d at a time, written along P.
     */
    void scatter(double[][] gT, double[][] d, int h) {
        int i = 0;
        for (; i + 7 < h; i += 8) {
            double[] d0 = zero(d[i]);
            double[] d1 = zero(d[i + 1]);
            double[] d2 = zero(d[i + 2]);
            double[] d3 = zero(d[i + 3]);
            double[] d4 = zero(d[i + 4]);
            double[] d5 = zero(d[i + 5]);
            double[] d6 = zero(d[i + 6]);
            double[] d7 = zero(d[i + 7]);
            for (int t = 0; t < size; t++) {
                int k = pixels[t];
                double[] row = gT[t];
                d0[k] = row[i];
                d1[k] = row[i + 1];
                d2[k] = row[i + 2];
                d3[k] = row[i + 3];
                d4[k] = row[i + 4];
                d5[k] = row[i + 5];
                d6[k] = row[i + 6];
                d7[k] = row[i + 7];
            }
        }
        for (; i < h; i++) {
            double[] di = zero(d[i]);
            for (int t = 0; t < size; t++) {
                di[pixels[t]] = gT[t][i];
            }
        }
    }

    int[] images() {
        return image;
    }

    double[] values() {
        return value;
    }

    private static double[] zero(double[] row) {
        Arrays.fill(row, 0.0);
        return row;
    }
}
