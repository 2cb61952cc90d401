package io.streamnet.serde;

import io.streamnet.data.Image;
import java.util.Objects;

/** The outcome of validating one input record: an accepted image or a rejection with its reason. */
public sealed interface Validation permits Validation.Accepted, Validation.Rejected {

    /** A valid record, decoded. */
    record Accepted(Image image) implements Validation {
        public Accepted {
            Objects.requireNonNull(image, "image");
        }
    }

    /** An invalid record: the reason (a fixed set) and a one-line message for people, e.g. "pixel 12 is 300". */
    record Rejected(RejectReason reason, String message) implements Validation {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    static Validation rejected(RejectReason reason, String message) {
        return new Rejected(reason, message);
    }
}
