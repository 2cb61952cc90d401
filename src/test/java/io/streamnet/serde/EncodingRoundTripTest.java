package io.streamnet.serde;

import static io.streamnet.serde.Images.ramp;
import static io.streamnet.serde.Images.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.data.Image;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncodingRoundTripTest {
    private final RecordValidator validator = new RecordValidator(65_536);

    @ParameterizedTest
    @EnumSource(ImageEncoding.class)
    void shouldDecodeALabelledImageToTheSameImage(ImageEncoding encoding) {
        // Given a labelled image with pixels across 0-255
        Image image = ramp("train-42", 7);

        // When it is encoded and validated with its id as key
        Validation result = validator.validate(utf8(image.id()), encoding.encode(image));

        // Then the same image comes back
        assertThat(result).isEqualTo(new Validation.Accepted(image));
    }

    @ParameterizedTest
    @EnumSource(ImageEncoding.class)
    void shouldKeepAnUnlabelledImageUnlabelled(ImageEncoding encoding) {
        Image image = ramp("ask-1", Image.NO_LABEL);

        Validation result = validator.validate(utf8(image.id()), encoding.encode(image));

        assertThat(result).isEqualTo(new Validation.Accepted(image));
    }

    @ParameterizedTest
    @EnumSource(ImageEncoding.class)
    void shouldKeepAnIdWithQuotesBackslashesControlAndNonAsciiCharacters(ImageEncoding encoding) {
        Image image = ramp("a\"b\\c\n\u0001 é 数字 🙂", 0);

        Validation result = validator.validate(utf8(image.id()), encoding.encode(image));

        assertThat(result).isEqualTo(new Validation.Accepted(image));
    }

    @ParameterizedTest
    @EnumSource(ImageEncoding.class)
    void shouldDecodeEveryLabel(ImageEncoding encoding) {
        for (int label = 0; label <= 9; label++) {
            Image image = ramp("d" + label, label);

            assertThat(validator.validate(utf8(image.id()), encoding.encode(image)))
                    .isEqualTo(new Validation.Accepted(image));
        }
    }

    @Test
    void shouldWriteTheDocumentedBinaryLayout() {
        // Given an unlabelled image
        Image image = ramp("x", Image.NO_LABEL);

        // When it is encoded as binary
        byte[] value = ImageBinary.encode(image);

        // Then the bytes are 00 'S' 'N' version 1, label 0xFF, then the 784 pixels
        assertThat(value).hasSize(789);
        assertThat(Arrays.copyOf(value, 5)).containsExactly(0x00, 0x53, 0x4E, 0x01, 0xFF);
        assertThat(Arrays.copyOfRange(value, 5, 789)).isEqualTo(image.pixels());
    }

    @Test
    void shouldWriteCompactJsonWithoutALabelForAnUnlabelledImage() {
        byte[] pixels = new byte[Image.PIXELS];
        pixels[1] = (byte) 255;

        String json = new String(ImageJson.encode(new Image("q", Image.NO_LABEL, pixels)),
                StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"id\":\"q\",\"pixels\":[0,255,0,").endsWith(",0]}").doesNotContain("label");
    }
}
