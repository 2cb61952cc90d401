package io.streamnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How often a throughput run scrapes the service: rarely while far from the end, often near it. */
class E2eBenchCommandTest {
    private static final long ONE_SECOND = 1_000_000_000L;

    @Test
    void shouldWaitASecondBeforeAnythingIsCounted() {
        assertThat(E2eBenchCommand.nextScrapeMillis(0, 1_000_000, 3 * ONE_SECOND)).isEqualTo(1_000);
    }

    @Test
    void shouldWaitHalfTheTimeLeftAtTheRateSoFar() {
        // 100,000 done in 1 s, 60,000 left: 600 ms left, so the next scrape in 300 ms
        assertThat(E2eBenchCommand.nextScrapeMillis(100_000, 60_000, ONE_SECOND)).isEqualTo(300);
    }

    @Test
    void shouldHoldTheWaitBetweenFiftyMillisecondsAndOneSecond() {
        assertThat(E2eBenchCommand.nextScrapeMillis(100_000, 900_000, ONE_SECOND)).isEqualTo(1_000);
        assertThat(E2eBenchCommand.nextScrapeMillis(100_000, 10, ONE_SECOND)).isEqualTo(50);
    }
}
