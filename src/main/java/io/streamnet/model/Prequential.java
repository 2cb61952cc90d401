package io.streamnet.model;

import java.util.Arrays;

/**
 * Test-then-train accuracy: every labelled image is scored by the model before the model learns
 * from it, so each outcome is an honest out-of-sample guess. Keeps the cumulative confusion counts
 * (true digit × predicted digit) and the outcomes of the last {@code window} images.
 */
public final class Prequential {
    public static final int DIGITS = 10;

    private final long[] confusion = new long[DIGITS * DIGITS];
    private final long[] recent;
    private final int window;
    private int filled;
    private int next;
    private int correctInWindow;

    public Prequential(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("accuracy window must be >= 1 image, got " + window);
        }
        this.window = window;
        this.recent = new long[(window + 63) / 64];
    }

    /** Records one scored image. */
    public void record(int truth, int predicted) {
        confusion[truth * DIGITS + predicted]++;
        boolean correct = truth == predicted;
        if (filled == window) {
            correctInWindow -= bit(next) ? 1 : 0;
        } else {
            filled++;
        }
        setBit(next, correct);
        correctInWindow += correct ? 1 : 0;
        next = (next + 1) % window;
    }

    /** Images scored so far. */
    public long seen() {
        return Arrays.stream(confusion).sum();
    }

    public long correct() {
        long c = 0;
        for (int d = 0; d < DIGITS; d++) {
            c += confusion[d * DIGITS + d];
        }
        return c;
    }

    /** Correct / seen since the first image, NaN before any. */
    public double cumulativeAccuracy() {
        long seen = seen();
        return seen == 0 ? Double.NaN : (double) correct() / seen;
    }

    /** Correct / scored over the last {@link #window()} images (fewer at the start), NaN before any. */
    public double rollingAccuracy() {
        return filled == 0 ? Double.NaN : (double) correctInWindow / filled;
    }

    /** Of the images showing {@code digit}, the share predicted right; NaN before any. */
    public double digitAccuracy(int digit) {
        long total = 0;
        for (int p = 0; p < DIGITS; p++) {
            total += confusion[digit * DIGITS + p];
        }
        return total == 0 ? Double.NaN : (double) confusion[digit * DIGITS + digit] / total;
    }

    /** Images showing {@code truth} that were predicted as {@code predicted}. */
    public long confusion(int truth, int predicted) {
        return confusion[truth * DIGITS + predicted];
    }

    public int window() {
        return window;
    }

    /** Outcomes in the rolling window so far (at most {@link #window()}). */
    public int filled() {
        return filled;
    }

    public Prequential copy() {
        Prequential p = new Prequential(window);
        p.copyFrom(this);
        return p;
    }

    /** Raw state for encoders: the counts, then the ring of recent outcomes (bit i = image slot i correct). */
    public long[] confusionCounts() {
        return confusion;
    }

    public long[] recentBits() {
        return recent;
    }

    public int nextSlot() {
        return next;
    }

    /** Restores raw state written by an encoder from {@link #confusionCounts}, {@link #recentBits} and so on. */
    public void restore(long[] counts, long[] bits, int filled, int next) {
        if (counts.length != confusion.length || bits.length != recent.length || filled < 0 || filled > window
                || next < 0 || next >= window) {
            throw new IllegalArgumentException("prequential state does not fit a window of " + window);
        }
        System.arraycopy(counts, 0, confusion, 0, confusion.length);
        System.arraycopy(bits, 0, recent, 0, recent.length);
        this.filled = filled;
        this.next = next;
        this.correctInWindow = 0;
        for (int i = 0; i < filled; i++) {
            correctInWindow += bit(i) ? 1 : 0;
        }
    }

    void copyFrom(Prequential other) {
        restore(other.confusion, other.recent, other.filled, other.next);
    }

    private boolean bit(int slot) {
        return (recent[slot >>> 6] & (1L << slot)) != 0;
    }

    private void setBit(int slot, boolean value) {
        if (value) {
            recent[slot >>> 6] |= 1L << slot;
        } else {
            recent[slot >>> 6] &= ~(1L << slot);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prequential p && p.window == window && p.filled == filled && p.next == next
                && Arrays.equals(p.confusion, confusion) && Arrays.equals(p.recent, recent);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(confusion) * 31 + filled;
    }
}
