package io.streamnet.serde;

import io.streamnet.data.Image;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link Image} for the service's internal topics (e.g. the repartition topic to the trainer), where the
 * key no longer is the id: the {@link ImageBinary} version-1 layout (789 bytes) followed by the id in UTF-8
 * (the rest of the value, at least one byte). Only this serde writes and reads it; input records are validated
 * by {@link RecordValidator} instead, and a corrupt internal record is a {@link SerializationException}.
 * Null stays null (tombstones).
 */
public final class ImageSerde implements Serde<Image> {

    @Override
    public Serializer<Image> serializer() {
        return (topic, image) -> image == null ? null : encode(image);
    }

    @Override
    public Deserializer<Image> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(Image image) {
        byte[] id = image.id().getBytes(StandardCharsets.UTF_8);
        byte[] out = ImageBinary.encode(image, id.length);
        System.arraycopy(id, 0, out, ImageBinary.LENGTH, id.length);
        return out;
    }

    static Image decode(byte[] bytes) {
        if (bytes.length <= ImageBinary.LENGTH || bytes[0] != ImageBinary.MARKER[0] || bytes[1] != ImageBinary.MARKER[1]
                || bytes[2] != ImageBinary.MARKER[2] || bytes[3] != ImageBinary.VERSION) {
            throw new SerializationException("not an internal image record (" + bytes.length + " bytes)");
        }
        int label = bytes[ImageBinary.LABEL_OFFSET] & 0xff;
        if (label > 9 && label != ImageBinary.NO_LABEL) {
            throw new SerializationException("internal image record with label byte " + label);
        }
        String id = new String(bytes, ImageBinary.LENGTH, bytes.length - ImageBinary.LENGTH, StandardCharsets.UTF_8);
        byte[] pixels = Arrays.copyOfRange(bytes, ImageBinary.PIXELS_OFFSET, ImageBinary.LENGTH);
        return new Image(id, label == ImageBinary.NO_LABEL ? Image.NO_LABEL : label, pixels);
    }
}
