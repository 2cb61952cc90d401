package io.streamnet.serde;

import java.util.Locale;

/**
 * Decides whether an input record is an image, as a pure function: {@link #validate} never throws and keeps no
 * state, so one instance may be shared by every thread. Checks, in order: the value is present; key and value
 * together are at most the configured maximum; then a value starting with 0x00 is read as {@link ImageBinary},
 * anything else as {@link ImageJson}. Each failure maps to one {@link RejectReason}.
 */
public final class RecordValidator {
    private final int maxRecordBytes;

    /** @param maxRecordBytes the largest accepted key + value size in bytes (STREAMNET_MAX_RECORD_BYTES) */
    public RecordValidator(int maxRecordBytes) {
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be >= 1, got " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * @param key   the record key, UTF-8; the id of a binary record, ignored for JSON; may be null
     * @param value the record value, JSON or binary; may be null
     * @return the decoded image, or the reason it is rejected and a one-line message
     */
    public Validation validate(byte[] key, byte[] value) {
        if (value == null || value.length == 0) {
            return Validation.rejected(RejectReason.EMPTY, value == null ? "null value" : "empty value");
        }
        long size = (long) value.length + (key == null ? 0 : key.length);
        if (size > maxRecordBytes) {
            return Validation.rejected(RejectReason.TOO_LARGE, String.format(Locale.ROOT,
                    "%,d bytes, more than the maximum of %,d", size, maxRecordBytes));
        }
        return ImageBinary.startsWithMarker(value) ? ImageBinary.decode(key, value) : ImageJson.decode(value);
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }
}
