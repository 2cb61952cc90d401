package io.streamnet.nn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A mini-batch of up to {@code capacity} images: the matrix Xᵀ (784×m, one column per image,
 * pixels normalised as {@code pixel / 255}) and the labels. Filled image by image with
 * {@link #add}, reused after {@link #clear}; nothing is allocated after construction.
 * Held sparse, as each image's non-zero pixels (position and value, positions ascending): MNIST
 * digits are about 80 % background, and a zero pixel adds nothing to W1·Xᵀ nor to dW1.
 */
public final class Batch {
    /** {@code i / 255.0} for every byte value, so the pixel scaling is a lookup with the same bits. */
    private static final double[] SCALE = new double[256];

    static {
        for (int i = 0; i < SCALE.length; i++) {
            SCALE[i] = i / 255.0;
        }
    }

    /** Eight pixels as one long, to skip eight background pixels with one test. */
    private static final VarHandle EIGHT_PIXELS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final int capacity;
    private final int[][] index;
    private final double[][] value;
    private final int[] count;
    private final int[] labels;
    private int size;

    public Batch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.index = new int[capacity][Network.INPUTS];
        this.value = new double[capacity][Network.INPUTS];
        this.count = new int[capacity];
        this.labels = new int[capacity];
    }

    /**
     * Appends one image as the next column of Xᵀ.
     *
     * @param pixels 784 bytes, read unsigned (0–255), row-major 28×28
     * @param label  the digit 0–9, or −1 when the image is only to be scored
     */
    public void add(byte[] pixels, int label) {
        if (size == capacity) {
            throw new IllegalStateException("batch is full (" + capacity + " images)");
        }
        if (pixels.length != Network.INPUTS) {
            throw new IllegalArgumentException("an image has " + Network.INPUTS + " pixels, got " + pixels.length);
        }
        if (label < -1 || label >= Network.OUTPUTS) {
            throw new IllegalArgumentException("label must be 0-9 (or -1 for none), got " + label);
        }
        count[size] = nonZeros(pixels, index[size], value[size]);
        labels[size++] = label;
    }

    /** Lists the non-zero pixels' positions in {@code at} and values in {@code v}; returns how many. */
    private static int nonZeros(byte[] pixels, int[] at, double[] v) {
        int n = 0;
        // 784 = 98 × 8
        for (int k0 = 0; k0 < Network.INPUTS; k0 += 8) {
            if ((long) EIGHT_PIXELS.get(pixels, k0) == 0) {
                continue;
            }
            for (int k = k0; k < k0 + 8; k++) {
                int p = pixels[k] & 0xFF;
                // written for every pixel, kept only for a non-zero one: no branch to mispredict at a stroke's edge
                at[n] = k;
                v[n] = SCALE[p];
                // (p + 255) >>> 8 is 1 for p in 1..255, 0 for p = 0
                n += (p + 255) >>> 8;
            }
        }
        return n;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** The label of image {@code j}, or −1. */
    public int label(int j) {
        return labels[j];
    }

    boolean allLabelled() {
        for (int j = 0; j < size; j++) {
            if (labels[j] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Row j holds the positions (0–783, ascending) of image j's non-zero pixels, the first {@link #counts()}[j]. */
    int[][] indices() {
        return index;
    }

    /** Row j holds the values (pixel / 255) of image j's non-zero pixels, in the order of {@link #indices()}. */
    double[][] values() {
        return value;
    }

    /** How many pixels of image j are non-zero. */
    int[] counts() {
        return count;
    }
}
