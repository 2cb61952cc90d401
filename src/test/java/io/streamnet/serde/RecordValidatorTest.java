package io.streamnet.serde;

import static io.streamnet.serde.Images.json;
import static io.streamnet.serde.Images.pixels;
import static io.streamnet.serde.Images.pixelsWith;
import static io.streamnet.serde.Images.ramp;
import static io.streamnet.serde.Images.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.data.Image;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordValidatorTest {
    private static final String ID = "\"id\":\"img-1\"";
    private static final String ZEROS = "\"pixels\":" + pixels(784, "0");

    private final RecordValidator validator = new RecordValidator(65_536);

    @Test
    void shouldRejectTextThatIsNotJsonAsMalformed() {
        assertRejected(validator.validate(null, utf8("7,0,0,0")), RejectReason.MALFORMED);
        assertRejected(validator.validate(null, utf8("{\"id\":\"a\",")), RejectReason.MALFORMED);
        assertRejected(validator.validate(null, utf8("[1,2,3]")), RejectReason.MALFORMED);
        assertRejected(validator.validate(null, json(ID, ZEROS + "} trailing")), RejectReason.MALFORMED);
    }

    @Test
    void shouldRejectAZeroByteStartThatIsNotTheBinaryMarkerAsMalformed() {
        assertRejected(validator.validate(utf8("k"), new byte[] {0, 'X', 'Y', 1, 0}), RejectReason.MALFORMED);
        assertRejected(validator.validate(utf8("k"), new byte[] {0, 'S'}), RejectReason.MALFORMED);
    }

    @Test
    void shouldRejectAnUnknownBinaryVersion() {
        byte[] value = ImageBinary.encode(ramp("a", 1));
        value[3] = 2;

        Validation result = validator.validate(utf8("a"), value);

        assertRejected(result, RejectReason.UNKNOWN_VERSION);
        assertThat(((Validation.Rejected) result).message()).contains("version 2");
    }

    @Test
    void shouldRejectANullOrEmptyValue() {
        assertRejected(validator.validate(utf8("a"), null), RejectReason.EMPTY);
        assertRejected(validator.validate(utf8("a"), new byte[0]), RejectReason.EMPTY);
    }

    @Test
    void shouldRejectJsonWithoutANonEmptyStringId() {
        assertRejected(validator.validate(utf8("key"), json(ZEROS)), RejectReason.MISSING_ID);
        assertRejected(validator.validate(null, json("\"id\":\"\"", ZEROS)), RejectReason.MISSING_ID);
        assertRejected(validator.validate(null, json("\"id\":null", ZEROS)), RejectReason.MISSING_ID);
        assertRejected(validator.validate(null, json("\"id\":12", ZEROS)), RejectReason.MISSING_ID);
    }

    @Test
    void shouldRejectBinaryWithoutAKey() {
        byte[] value = ImageBinary.encode(ramp("a", 1));

        assertRejected(validator.validate(null, value), RejectReason.MISSING_ID);
        assertRejected(validator.validate(new byte[0], value), RejectReason.MISSING_ID);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 783, 785})
    void shouldRejectJsonWithoutExactly784Pixels(int count) {
        Validation result = validator.validate(null, json(ID, "\"pixels\":" + pixels(count, "0")));

        assertRejected(result, RejectReason.PIXEL_COUNT);
        assertThat(((Validation.Rejected) result).message()).isEqualTo(count + " pixels, expected 784");
    }

    @Test
    void shouldRejectJsonWhosePixelsAreMissingOrNotAnArray() {
        assertRejected(validator.validate(null, json(ID)), RejectReason.PIXEL_COUNT);
        assertRejected(validator.validate(null, json(ID, "\"pixels\":null")), RejectReason.PIXEL_COUNT);
        assertRejected(validator.validate(null, json(ID, "\"pixels\":\"0,0\"")), RejectReason.PIXEL_COUNT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 788, 790})
    void shouldRejectBinaryOfTheWrongLength(int length) {
        byte[] value = Arrays.copyOf(ImageBinary.encode(ramp("a", 1)), length);

        assertRejected(validator.validate(utf8("a"), value), length < 4 ? RejectReason.MALFORMED : RejectReason.PIXEL_COUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "-1", "256", "1.5", "255.0", "1e2", "\"7\"", "null", "true", "[1]", "{}",
        "-Infinity", "99999999999999999999"})
    void shouldRejectAPixelThatIsNotAnIntegerFrom0To255(String pixel) {
        Validation result = validator.validate(null, json(ID, "\"pixels\":" + pixelsWith(100, pixel)));

        assertRejected(result, RejectReason.PIXEL_VALUE);
        assertThat(((Validation.Rejected) result).message()).startsWith("pixel 100 is ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "10", "7.0", "\"7\"", "NaN", "true", "[7]"})
    void shouldRejectAJsonLabelThatIsNotAnIntegerFrom0To9(String label) {
        assertRejected(validator.validate(null, json(ID, "\"label\":" + label, ZEROS)), RejectReason.LABEL_VALUE);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 128, 254})
    void shouldRejectABinaryLabelByteThatIsNeitherADigitNorNone(int labelByte) {
        byte[] value = ImageBinary.encode(ramp("a", 1));
        value[4] = (byte) labelByte;

        assertRejected(validator.validate(utf8("a"), value), RejectReason.LABEL_VALUE);
    }

    @Test
    void shouldRejectARecordLargerThanTheMaximumCountingKeyAndValue() {
        // Given a validator that allows exactly one binary record with a one-byte key
        RecordValidator tight = new RecordValidator(ImageBinary.LENGTH + 1);
        byte[] value = ImageBinary.encode(ramp("a", 1));

        // Then a one-byte key fits and a two-byte key does not
        assertThat(tight.validate(utf8("a"), value)).isInstanceOf(Validation.Accepted.class);
        assertRejected(tight.validate(utf8("ab"), value), RejectReason.TOO_LARGE);
    }

    @Test
    void shouldTakeTheJsonIdOverAKeyThatDiffers() {
        Validation result = validator.validate(utf8("other-key"), json(ID, "\"label\":3", ZEROS));

        assertThat(result).isInstanceOf(Validation.Accepted.class);
        assertThat(((Validation.Accepted) result).image().id()).isEqualTo("img-1");
    }

    @Test
    void shouldAcceptJsonFieldsInAnyOrderWithWhitespaceUnknownFieldsAndANullLabel() {
        byte[] value = utf8("  {\n \"pixels\" : " + pixels(784, "255") + ",\"source\":{\"camera\":[1,2]},"
                + " \"label\": null, \"id\": \"z\" }\n");

        Validation result = validator.validate(null, value);

        assertThat(result).isInstanceOf(Validation.Accepted.class);
        Image image = ((Validation.Accepted) result).image();
        assertThat(image.isLabelled()).isFalse();
        assertThat(image.pixels()).containsOnly((byte) 255);
    }

    private static void assertRejected(Validation result, RejectReason reason) {
        assertThat(result).isInstanceOfSatisfying(Validation.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.message()).isNotBlank().doesNotContain("\n");
        });
    }
}
