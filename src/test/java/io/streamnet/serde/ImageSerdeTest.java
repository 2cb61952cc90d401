package io.streamnet.serde;

import static io.streamnet.serde.Images.ramp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamnet.data.Image;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ImageSerdeTest {
    private final ImageSerde serde = new ImageSerde();

    @Test
    void shouldCarryTheIdLabelAndPixelsThroughAnInternalTopic() {
        for (Image image : new Image[] {ramp("train-1", 3), ramp("ask-é", Image.NO_LABEL)}) {
            // When serialized and deserialized
            byte[] bytes = serde.serializer().serialize("repartition", image);
            Image back = serde.deserializer().deserialize("repartition", bytes);

            // Then the very image comes back, from the binary layout plus the id
            assertThat(back).isEqualTo(image);
            assertThat(Arrays.copyOf(bytes, ImageBinary.LENGTH)).isEqualTo(ImageBinary.encode(image));
        }
    }

    @Test
    void shouldKeepNullAsNull() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldRefuseBytesItDidNotWrite() {
        byte[] withoutId = ImageBinary.encode(ramp("a", 1));
        byte[] json = ImageJson.encode(ramp("a", 1));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", withoutId)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", json)).isInstanceOf(SerializationException.class);
    }
}
