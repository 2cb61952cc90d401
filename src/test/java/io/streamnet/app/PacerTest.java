package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerTest {
    /** A clock that only moves when the pacer sleeps, or when the test says time passed. */
    private long now = 1_000_000_000L;
    private int sleeps;

    private Pacer pacer(double perSecond) {
        return new Pacer(perSecond, () -> now, nanos -> {
            sleeps++;
            now += nanos;
        });
    }

    @Test
    void shouldTakeTenSecondsForAThousandItemsAt100PerSecond() throws InterruptedException {
        // Given a pacer at 100 items a second and a loop that costs no time
        Pacer pacer = pacer(100);
        long start = now;

        // When 1,001 items pass (the first is due at once)
        for (int i = 0; i <= 1_000; i++) {
            pacer.acquire();
        }

        // Then exactly ten seconds went by on the clock
        assertThat(now - start).isEqualTo(TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void shouldSleepRarelyAtHighRatesButKeepTheAverage() throws InterruptedException {
        // Given 100,000 items a second: 10 µs apart, far below a useful sleep
        Pacer pacer = pacer(100_000);
        long start = now;

        for (int i = 0; i <= 100_000; i++) {
            pacer.acquire();
        }

        // Then the second is kept while sleeping about once a millisecond, not once an item
        assertThat(now - start).isBetween(TimeUnit.MILLISECONDS.toNanos(999), TimeUnit.MILLISECONDS.toNanos(1_001));
        assertThat(sleeps).isBetween(900, 1_000);
    }

    @Test
    void shouldNeverSleepWithoutALimit() throws InterruptedException {
        Pacer pacer = pacer(0);

        for (int i = 0; i < 10_000; i++) {
            pacer.acquire();
        }

        assertThat(sleeps).isZero();
    }

    @Test
    void shouldNotBurstToCatchUpAfterFallingFarBehind() throws InterruptedException {
        // Given a pacer at 10 a second that was stalled for a minute after its first item
        Pacer pacer = pacer(10);
        pacer.acquire();
        now += TimeUnit.MINUTES.toNanos(1);

        // When 21 more items pass
        long resumed = now;
        for (int i = 0; i < 21; i++) {
            pacer.acquire();
        }

        // Then they take two seconds at the rate, instead of rushing out to make up the minute
        assertThat(now - resumed).isEqualTo(TimeUnit.SECONDS.toNanos(2));
    }
}
