package io.streamnet.streams;

import io.streamnet.data.Image;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The labelled images of the batch being filled, in arrival order: held in memory for training, and in the
 * trainer's state stores so that a crash, restart or rebalance loses none. Image {@code j} of the batch lives in the
 * batch store under slot {@code j}; the trainer store holds, under {@link StoreNames#BATCH_KEY}, the repartition
 * offsets of the images in the batch, in slot order, which also says how many slots are live.
 * <p>Slots are overwritten batch after batch, never deleted: the stores' caches keep only the newest value of each
 * key until a commit, so a commit writes at most one changelog record per slot, however many batches it covers
 * (keyed by offset, every image cost a write and a tombstone).
 */
final class BatchBuffer {
    private final KeyValueStore<Long, Image> slots;
    private final KeyValueStore<String, byte[]> trainerStore;
    private Image[] images;
    private long[] offsets;
    private int size;

    private BatchBuffer(KeyValueStore<Long, Image> slots, KeyValueStore<String, byte[]> trainerStore, long[] offsets,
                        int capacity) {
        this.slots = slots;
        this.trainerStore = trainerStore;
        this.offsets = new long[Math.max(capacity, offsets.length)];
        this.images = new Image[this.offsets.length];
        for (int j = 0; j < offsets.length; j++) {
            Image image = slots.get((long) j);
            // only at-least-once can leave a slot unwritten behind its offset (the two stores flushed apart)
            if (image != null) {
                this.offsets[size] = offsets[j];
                this.images[size++] = image;
            }
        }
    }

    /** The buffer as the stores hold it: empty on a first start, else the images a previous owner left waiting. */
    static BatchBuffer restore(KeyValueStore<Long, Image> slots, KeyValueStore<String, byte[]> trainerStore,
                               int capacity) {
        byte[] stored = trainerStore.get(StoreNames.BATCH_KEY);
        long[] offsets = stored == null ? new long[0] : decode(stored);
        return new BatchBuffer(slots, trainerStore, offsets, capacity);
    }

    /** Appends an image, read at {@code offset} of the training repartition topic. */
    void add(long offset, Image image) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            images = Arrays.copyOf(images, size * 2);
        }
        offsets[size] = offset;
        images[size] = image;
        slots.put((long) size, image);
        size++;
        trainerStore.put(StoreNames.BATCH_KEY, encode(offsets, size));
    }

    /** Removes the first {@code m} images (they were trained or refused); the rest move to the front. */
    void removeFirst(int m) {
        int rest = size - m;
        System.arraycopy(offsets, m, offsets, 0, rest);
        System.arraycopy(images, m, images, 0, rest);
        Arrays.fill(images, rest, size, null);
        for (int j = 0; j < rest; j++) {
            slots.put((long) j, images[j]);
        }
        size = rest;
        trainerStore.put(StoreNames.BATCH_KEY, encode(offsets, size));
    }

    int size() {
        return size;
    }

    Image image(int j) {
        return images[j];
    }

    /** Where image {@code j} was read in the training repartition topic. */
    long offset(int j) {
        return offsets[j];
    }

    /** How many images the trainer store says are waiting, as {@link #restore} reads it. */
    static int pending(KeyValueStore<String, byte[]> trainerStore) {
        byte[] stored = trainerStore.get(StoreNames.BATCH_KEY);
        return stored == null ? 0 : stored.length / Long.BYTES;
    }

    private static byte[] encode(long[] offsets, int count) {
        ByteBuffer out = ByteBuffer.allocate(count * Long.BYTES);
        out.asLongBuffer().put(offsets, 0, count);
        return out.array();
    }

    private static long[] decode(byte[] stored) {
        long[] offsets = new long[stored.length / Long.BYTES];
        ByteBuffer.wrap(stored).asLongBuffer().get(offsets);
        return offsets;
    }
}
