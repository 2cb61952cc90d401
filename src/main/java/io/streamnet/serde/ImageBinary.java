package io.streamnet.serde;

import io.streamnet.data.Image;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The compact binary form of an input image, version 1: 789 bytes, the id in the record key (UTF-8).
 *
 * <pre>
 * offset  size  value
 *      0     1  0x00         marker; JSON text never starts with a zero byte
 *      1     2  0x53 0x4E    marker, "SN" in ASCII
 *      3     1  0x01         format version
 *      4     1  label        0-9, or 0xFF for an unlabelled image (a request for a prediction)
 *      5   784  pixels       unsigned bytes 0-255, row-major: 28 rows of 28 columns
 * </pre>
 *
 * A record that starts with 0x00 is read as binary; anything else is read as JSON.
 */
public final class ImageBinary {
    /** The three bytes every binary record starts with. */
    public static final byte[] MARKER = {0x00, 'S', 'N'};
    public static final byte VERSION = 1;
    /** The label byte of an unlabelled image. */
    public static final int NO_LABEL = 0xFF;
    static final int LABEL_OFFSET = 4;
    static final int PIXELS_OFFSET = 5;
    /** Length of a version-1 record. */
    public static final int LENGTH = PIXELS_OFFSET + Image.PIXELS;

    private ImageBinary() {
    }

    /** The 789-byte value of {@code image}; its id travels as the record key. */
    public static byte[] encode(Image image) {
        return encode(image, 0);
    }

    /** The value of {@code image} followed by {@code extra} spare bytes (for the internal form, which appends the id). */
    static byte[] encode(Image image, int extra) {
        byte[] out = new byte[LENGTH + extra];
        out[0] = MARKER[0];
        out[1] = MARKER[1];
        out[2] = MARKER[2];
        out[3] = VERSION;
        out[LABEL_OFFSET] = (byte) (image.isLabelled() ? image.label() : NO_LABEL);
        System.arraycopy(image.pixels(), 0, out, PIXELS_OFFSET, Image.PIXELS);
        return out;
    }

    static boolean startsWithMarker(byte[] value) {
        return value.length > 0 && value[0] == MARKER[0];
    }

    /** Validates and decodes a record whose value starts with 0x00; never throws. */
    static Validation decode(byte[] key, byte[] value) {
        if (value.length < PIXELS_OFFSET - 1 || value[1] != MARKER[1] || value[2] != MARKER[2]) {
            return Validation.rejected(RejectReason.MALFORMED,
                    "starts with byte 0x00 but not with the binary marker 00 53 4e and a version");
        }
        if (value[3] != VERSION) {
            return Validation.rejected(RejectReason.UNKNOWN_VERSION,
                    "binary format version " + (value[3] & 0xff) + ", this service reads version " + VERSION);
        }
        if (value.length != LENGTH) {
            return Validation.rejected(RejectReason.PIXEL_COUNT, "binary record with "
                    + Math.max(0, value.length - PIXELS_OFFSET) + " pixel bytes, expected " + Image.PIXELS);
        }
        int label = value[LABEL_OFFSET] & 0xff;
        if (label != NO_LABEL && label > 9) {
            return Validation.rejected(RejectReason.LABEL_VALUE,
                    "label byte " + label + ", expected 0-9 or 255 (none)");
        }
        if (key == null || key.length == 0) {
            return Validation.rejected(RejectReason.MISSING_ID, "binary record without a key (the key is the image id)");
        }
        String id = new String(key, StandardCharsets.UTF_8);
        byte[] pixels = Arrays.copyOfRange(value, PIXELS_OFFSET, LENGTH);
        return new Validation.Accepted(new Image(id, label == NO_LABEL ? Image.NO_LABEL : label, pixels));
    }
}
