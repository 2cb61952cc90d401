package io.streamnet.serde;

import java.util.Optional;

/**
 * Why a record went to the dead-letter topic: a fixed set, so it is safe as a metric tag. Each {@link #code()} is
 * stable, lowercase, and is what the {@link DeadLetter#REASON} header carries.
 */
public enum RejectReason {
    /** Neither JSON (an object) nor a record starting with the binary marker. */
    MALFORMED("malformed", "neither a JSON object nor a Streamnet binary record"),
    /** The binary marker with a format version this service does not read. */
    UNKNOWN_VERSION("unknown-version", "a binary record of an unknown format version"),
    /** A null or zero-length value. */
    EMPTY("empty", "no value"),
    /** JSON without a non-empty string {@code id}; binary without a key. */
    MISSING_ID("missing-id", "no image id"),
    /** Not exactly 784 pixels. */
    PIXEL_COUNT("pixel-count", "not exactly 784 pixels"),
    /** A pixel that is not an integer 0-255 (NaN, negative, 256, 1.5, a string, null). */
    PIXEL_VALUE("pixel-value", "a pixel that is not an integer 0-255"),
    /** A label that is neither an integer 0-9 nor absent (null, or 0xFF in binary). */
    LABEL_VALUE("label-value", "a label that is not an integer 0-9"),
    /** Key and value together larger than STREAMNET_MAX_RECORD_BYTES. */
    TOO_LARGE("too-large", "larger than the configured maximum"),
    /** A valid labelled image whose training step would have made the weights or the loss non-finite. */
    NON_FINITE_STEP("non-finite-step", "its training step would make the weights or the loss non-finite");

    private final String code;
    private final String description;

    RejectReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The stable lowercase code, e.g. {@code pixel-count}: a metric tag value and the DLQ reason header. */
    public String code() {
        return code;
    }

    /** What the reason means, for documentation and help. */
    public String description() {
        return description;
    }

    /** The reason with this code, if any. */
    public static Optional<RejectReason> fromCode(String code) {
        for (RejectReason r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
