package io.streamnet.serde;

import io.streamnet.data.Image;

/** The two input encodings a producer may choose; both are accepted on the same topic, key = image id. */
public enum ImageEncoding {
    /** {@link ImageJson}: readable, about 2-3 KB an image. */
    JSON {
        @Override
        public byte[] encode(Image image) {
            return ImageJson.encode(image);
        }
    },
    /** {@link ImageBinary}: 789 bytes an image, the id only in the key. */
    BINARY {
        @Override
        public byte[] encode(Image image) {
            return ImageBinary.encode(image);
        }
    };

    /** The record value for {@code image}; the record key must be {@code image.id()} (UTF-8). */
    public abstract byte[] encode(Image image);
}
