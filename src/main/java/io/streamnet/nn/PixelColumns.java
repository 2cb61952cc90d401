package io.streamnet.nn;

/**
 * A batch's images by pixel instead of by image (column-compressed X): the pixels P that are non-zero in at
 * least one image (ascending; about 460 of 784 for 32 MNIST digits) and, for each, the images where it is
 * non-zero (ascending) with its value there. Kernels that run pixel by pixel read each column of W1 once per batch
 * and write each column of dW1 once. Allocated once, refilled per batch by {@link #collect}.
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

    int[] images() {
        return image;
    }

    double[] values() {
        return value;
    }
}
