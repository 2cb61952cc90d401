package io.streamnet.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectReasonTest {

    @Test
    void shouldHaveTheDocumentedStableCodes() {
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::code)).containsExactly(
                "malformed", "unknown-version", "empty", "missing-id", "pixel-count", "pixel-value", "label-value",
                "too-large", "non-finite-step");
    }

    @Test
    void shouldFindEachReasonByItsCodeAndNothingByAnUnknownOne() {
        for (RejectReason reason : RejectReason.values()) {
            assertThat(RejectReason.fromCode(reason.code())).contains(reason);
        }
        assertThat(RejectReason.fromCode("MALFORMED")).isEmpty();
        assertThat(RejectReason.fromCode(null)).isEmpty();
    }
}
