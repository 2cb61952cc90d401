package io.streamnet.app;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Holds a loop to a rate: {@link #acquire()} before each item returns at once until the loop runs ahead of
 * {@code perSecond}, then sleeps just long enough. The schedule is absolute (item n is due at start + n / rate),
 * so sleeps shorter than a millisecond are skipped and made up later rather than lost; a loop that fell more than
 * a second behind starts a new schedule instead of bursting to catch up.
 */
public final class Pacer {
    /** Sleeps the given nanoseconds; tests pass one that only advances a fake clock. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    static final long MIN_SLEEP = TimeUnit.MILLISECONDS.toNanos(1);
    static final long MAX_BACKLOG = TimeUnit.SECONDS.toNanos(1);

    private final double nanosPerItem;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private boolean started;
    private long start;
    private long issued;

    /** @param perSecond items per second; 0 means no limit */
    Pacer(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0, got " + perSecond);
        }
        this.nanosPerItem = perSecond == 0 ? 0 : 1e9 / perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public static Pacer of(double perSecond) {
        return new Pacer(perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    public void acquire() throws InterruptedException {
        if (nanosPerItem == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (!started) {
            started = true;
            start = now;
        }
        long due = start + (long) (issued * nanosPerItem);
        if (now - due > MAX_BACKLOG) {
            start = now;
            issued = 0;
            due = now;
        }
        issued++;
        if (due - now >= MIN_SLEEP) {
            sleeper.sleep(due - now);
        }
    }
}
