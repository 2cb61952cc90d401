package io.streamnet.serde;

import io.streamnet.model.Hyperparameters;
import io.streamnet.model.Model;
import io.streamnet.model.Prequential;
import io.streamnet.nn.Init;
import io.streamnet.nn.Network;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The binary model snapshot, as kept in the trainer's state store and published to the compacted
 * model topic. Big-endian; format version 1:
 * <pre>
 *  offset  size  field
 *       0     4  marker "SNMD"
 *       4     1  format version (1)
 *       5     4  inputs (784)          9  4  hidden H         13  4  outputs (10)
 *      17     8  learning rate (f64)  25  1  init (0 seed, 1 he)  26  8  seed
 *      34     8  model version = updates applied
 *      42     8  images trained
 *      50     8  last loss (f64, NaN before the first update)
 *      58   800  prequential confusion counts, 10×10 i64, true digit major
 *     858     4  accuracy window W   862  4  outcomes filled   866  4  next slot
 *     870  8·⌈W/64⌉  recent outcomes, one bit per slot
 *       …  8·(784H + H + 10H + 10)  W1 row by row, b1, W2 row by row, b2 (f64)
 * </pre>
 * A reader refuses any other marker or format version with a message saying what it found.
 */
public final class ModelCodec {
    public static final int FORMAT_VERSION = 1;
    private static final int MARKER = 0x534E4D44; // "SNMD"
    private static final int VERSION_OFFSET = 34;

    private ModelCodec() {
    }

    public static byte[] encode(Model model) {
        Hyperparameters h = model.hyperparameters();
        Prequential p = model.prequential();
        ByteBuffer out = ByteBuffer.allocate(size(h.hidden(), p.window()));
        out.putInt(MARKER).put((byte) FORMAT_VERSION);
        out.putInt(Network.INPUTS).putInt(h.hidden()).putInt(Network.OUTPUTS);
        out.putDouble(h.learningRate()).put((byte) h.init().ordinal()).putLong(h.seed());
        out.putLong(model.version()).putLong(model.imagesTrained()).putDouble(model.lastLoss());
        for (long c : p.confusionCounts()) {
            out.putLong(c);
        }
        out.putInt(p.window()).putInt(p.filled()).putInt(p.nextSlot());
        for (long bits : p.recentBits()) {
            out.putLong(bits);
        }
        model.network().forEachArray(a -> {
            out.asDoubleBuffer().put(a); // a bulk copy through a view, which leaves the buffer's position behind
            out.position(out.position() + Double.BYTES * a.length);
        });
        return out.array();
    }

    /** Reads a snapshot; any malformation is an {@link IllegalArgumentException} saying what is wrong. */
    public static Model decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            checkHeader(in);
            int inputs = in.getInt();
            int hidden = in.getInt();
            int outputs = in.getInt();
            if (inputs != Network.INPUTS || outputs != Network.OUTPUTS || hidden < 1) {
                throw new IllegalArgumentException("model snapshot is " + inputs + "-" + hidden + "-" + outputs
                        + ", expected 784-H-10");
            }
            Hyperparameters h = new Hyperparameters(hidden, in.getDouble(), initOf(in.get()), in.getLong());
            long version = in.getLong();
            long imagesTrained = in.getLong();
            double lastLoss = in.getDouble();
            Prequential prequential = readPrequential(in);
            if (bytes.length != size(hidden, prequential.window())) {
                throw new IllegalArgumentException("model snapshot has " + bytes.length + " bytes, expected "
                        + size(hidden, prequential.window()) + " for H=" + hidden);
            }
            Network network = Network.zeros(hidden);
            network.forEachArray(a -> {
                in.asDoubleBuffer().get(a);
                in.position(in.position() + Double.BYTES * a.length);
            });
            return Model.of(h, network, version, imagesTrained, lastLoss, prequential);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("model snapshot is truncated (" + bytes.length + " bytes)", e);
        }
    }

    /** The model version of a snapshot, read without decoding the parameters. */
    public static long version(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        checkHeader(in);
        return in.getLong(VERSION_OFFSET);
    }

    private static void checkHeader(ByteBuffer in) {
        if (in.remaining() < 5 || in.getInt() != MARKER) {
            throw new IllegalArgumentException("not a model snapshot (no SNMD marker)");
        }
        int format = in.get() & 0xFF;
        if (format != FORMAT_VERSION) {
            throw new IllegalArgumentException("model snapshot format version " + format
                    + " is not supported; this build reads version " + FORMAT_VERSION);
        }
    }

    private static Prequential readPrequential(ByteBuffer in) {
        long[] counts = new long[Prequential.DIGITS * Prequential.DIGITS];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.getLong();
        }
        int window = in.getInt();
        int filled = in.getInt();
        int next = in.getInt();
        if (window < 1 || window > 100_000_000) {
            throw new IllegalArgumentException("model snapshot has an accuracy window of " + window);
        }
        Prequential p = new Prequential(window);
        long[] bits = new long[p.recentBits().length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = in.getLong();
        }
        p.restore(counts, bits, filled, next);
        return p;
    }

    private static Init initOf(byte code) {
        Init[] all = Init.values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("model snapshot has an unknown initialisation code " + code);
        }
        return all[code];
    }

    /** The length of a snapshot of a 784-{@code hidden}-10 model with a prequential window of {@code window}. */
    public static int size(int hidden, int window) {
        int parameters = Network.INPUTS * hidden + hidden + Network.OUTPUTS * hidden + Network.OUTPUTS;
        return 870 + 8 * ((window + 63) / 64) + 8 * parameters;
    }
}
