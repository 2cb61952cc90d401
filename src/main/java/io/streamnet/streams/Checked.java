package io.streamnet.streams;

import io.streamnet.data.Image;

/** An input record after validation: the decoded image, or the original value of a rejected record. */
record Checked(Image image, byte[] rejectedValue) {
    static Checked accepted(Image image) {
        return new Checked(image, null);
    }

    static Checked rejected(byte[] originalValue) {
        return new Checked(null, originalValue);
    }

    boolean isRejected() {
        return image == null;
    }
}
