package io.streamnet.serde;

import static io.streamnet.serde.Images.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void shouldWriteReadableHeadersAndReadThemBack() {
        // Given a record rejected for its pixel count at images/2/1234
        Validation.Rejected rejected = new Validation.Rejected(RejectReason.PIXEL_COUNT, "783 pixels, expected 784");
        DeadLetter letter = DeadLetter.of(rejected, "images", 2, 1234L);

        // When it becomes headers
        Headers headers = letter.toHeaders();

        // Then each header is plain text, and reading them back gives the same dead letter
        assertThat(text(headers, DeadLetter.REASON)).isEqualTo("pixel-count");
        assertThat(text(headers, DeadLetter.MESSAGE)).isEqualTo("783 pixels, expected 784");
        assertThat(text(headers, DeadLetter.TOPIC)).isEqualTo("images");
        assertThat(text(headers, DeadLetter.PARTITION)).isEqualTo("2");
        assertThat(text(headers, DeadLetter.OFFSET)).isEqualTo("1234");
        assertThat(DeadLetter.from(headers)).contains(letter);
    }

    @Test
    void shouldKeepTheOriginalHeadersAndReplaceEarlierDeadLetterOnes() {
        // Given a record that carries its own header and was dead-lettered once before
        Headers headers = new RecordHeaders().add("trace-id", utf8("abc"));
        new DeadLetter(RejectReason.MALFORMED, "first", "images", 0, 1).addTo(headers);

        // When it is dead-lettered again
        new DeadLetter(RejectReason.NON_FINITE_STEP, "second", "images", 1, 9).addTo(headers);

        // Then its own header survives and only the latest reason is present
        assertThat(text(headers, "trace-id")).isEqualTo("abc");
        assertThat(headers.headers(DeadLetter.REASON)).hasSize(1);
        assertThat(DeadLetter.from(headers)).contains(
                new DeadLetter(RejectReason.NON_FINITE_STEP, "second", "images", 1, 9));
    }

    @Test
    void shouldReadNothingFromHeadersWithoutAKnownReason() {
        assertThat(DeadLetter.from(new RecordHeaders())).isEmpty();
        Headers odd = new DeadLetter(RejectReason.EMPTY, "m", "t", 0, 0).toHeaders();
        odd.remove(DeadLetter.REASON);
        odd.add(DeadLetter.REASON, utf8("no-such-reason"));
        assertThat(DeadLetter.from(odd)).isEmpty();
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
