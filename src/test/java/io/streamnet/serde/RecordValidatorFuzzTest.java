package io.streamnet.serde;

import static io.streamnet.serde.Images.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.streamnet.data.Image;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thousands of random, truncated and mutated records: validation never throws and always says why it rejects. */
class RecordValidatorFuzzTest {
    private static final long SEED = 20_240_517L;
    /** What a mutation writes: JSON's structural characters, number characters, and a zero byte. */
    private static final String JSON_CHARS = "{}[]\",:-.0123456789eEnulNa \u0000";
    private final RecordValidator validator = new RecordValidator(65_536);
    private final Random random = new Random(SEED);

    @Test
    void shouldRejectRandomBytesWithAReasonAndNeverThrow() {
        for (int i = 0; i < 5_000; i++) {
            // Given random bytes, a third of them starting like binary and a third like JSON
            byte[] value = new byte[random.nextInt(1_200)];
            random.nextBytes(value);
            if (value.length > 0 && i % 3 == 0) {
                value[0] = 0;
            } else if (value.length > 0 && i % 3 == 1) {
                value[0] = '{';
            }

            // When validated, then it is rejected with a reason
            assertRejected(value);
        }
    }

    @Test
    void shouldRejectEveryTruncationOfAGoodRecord() {
        for (ImageEncoding encoding : ImageEncoding.values()) {
            for (int n = 0; n < 2; n++) {
                Image image = Images.random(random, "id-" + n);
                byte[] whole = encoding.encode(image);
                for (int length = 0; length < whole.length; length++) {
                    assertRejected(Arrays.copyOf(whole, length), image.id());
                }
            }
        }
    }

    @Test
    void shouldDecodeMutatedBinaryExactlyAsTheLayoutSays() {
        for (int i = 0; i < 5_000; i++) {
            // Given a good binary record with one byte changed
            Image image = Images.random(random, "b" + i);
            byte[] value = ImageBinary.encode(image);
            int at = random.nextInt(value.length);
            byte was = value[at];
            value[at] = (byte) (was + 1 + random.nextInt(255));

            // When validated
            Validation result = validate(utf8(image.id()), value);

            // Then a changed marker, version or bad label byte is rejected, and a changed pixel is just another image
            if (at < ImageBinary.LABEL_OFFSET) {
                assertThat(result).isInstanceOf(Validation.Rejected.class);
            } else if (at == ImageBinary.LABEL_OFFSET) {
                int label = value[at] & 0xff;
                boolean valid = label <= 9 || label == ImageBinary.NO_LABEL;
                assertThat(result).isInstanceOf(valid ? Validation.Accepted.class : Validation.Rejected.class);
            } else {
                byte[] pixels = image.pixels().clone();
                pixels[at - ImageBinary.PIXELS_OFFSET] = value[at];
                assertThat(result).isEqualTo(new Validation.Accepted(new Image(image.id(), image.label(), pixels)));
            }
        }
    }

    @Test
    void shouldNeverThrowOnMutatedJsonAndAcceptOnlyWhatReEncodesToAnEqualImage() {
        for (int i = 0; i < 3_000; i++) {
            // Given a good JSON record with a few bytes changed, deleted or inserted
            Image image = Images.random(random, "j" + i);
            byte[] value = mutate(ImageJson.encode(image), 1 + random.nextInt(3));

            // When validated
            Validation result = validate(null, value);

            // Then it is rejected with a reason, or it is an image that survives its own round trip
            if (result instanceof Validation.Accepted accepted) {
                Image decoded = accepted.image();
                assertThat(validate(null, ImageJson.encode(decoded))).isEqualTo(new Validation.Accepted(decoded));
            } else {
                assertThat(((Validation.Rejected) result).message()).isNotBlank().doesNotContain("\n");
            }
        }
    }

    @Test
    void shouldPassEveryGoodRecordUnchanged() {
        for (int i = 0; i < 2_000; i++) {
            Image image = Images.random(random, "g" + i);
            ImageEncoding encoding = ImageEncoding.values()[i % 2];

            assertThat(validate(utf8(image.id()), encoding.encode(image))).isEqualTo(new Validation.Accepted(image));
        }
    }

    private byte[] mutate(byte[] value, int edits) {
        byte[] out = value;
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(3)) {
                case 0 -> out[at] = (byte) JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length()));
                case 1 -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }

    private Validation validate(byte[] key, byte[] value) {
        Validation[] result = new Validation[1];
        assertThatCode(() -> result[0] = validator.validate(key, value)).doesNotThrowAnyException();
        return result[0];
    }

    private void assertRejected(byte[] value) {
        assertRejected(value, "some-key");
    }

    private void assertRejected(byte[] value, String key) {
        assertThat(validate(utf8(key), value)).isInstanceOfSatisfying(Validation.Rejected.class,
                rejected -> assertThat(rejected.message()).isNotBlank().doesNotContain("\n"));
    }
}
