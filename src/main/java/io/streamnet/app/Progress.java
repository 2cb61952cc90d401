package io.streamnet.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a long job has come, with its average rate and, when the total is known, an ETA. On a terminal:
 * one line redrawn in place about five times a second,
 * {@code [##########----------]  50%  4,000/8,000 images  97,301/s  ETA 0:00}. Elsewhere (a log, a pipe, CI): a
 * plain line every few seconds, {@code 4,000/8,000 images (50%), 97,301/s, ETA 0:00}. Call {@link #update} as
 * often as convenient (it only reads the clock unless it is time to draw), {@link #finish} once at the end, then
 * print a summary.
 * Not thread-safe: one job thread drives it.
 */
public final class Progress {
    private static final int BAR_WIDTH = 20;
    private static final long TERMINAL_INTERVAL = Duration.ofMillis(200).toNanos();
    private static final long PLAIN_INTERVAL = Duration.ofSeconds(5).toNanos();

    private final PrintWriter out;
    private final String unit;
    private final long total;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long interval;
    private final long start;
    private long nextDraw;
    private int drawnWidth;

    Progress(PrintWriter out, String unit, long total, boolean terminal, LongSupplier nanoTime, long interval) {
        this.out = out;
        this.unit = unit;
        this.total = total;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.interval = interval;
        this.start = nanoTime.getAsLong();
        this.nextDraw = start + interval;
    }

    /**
     * @param out      where to draw (stderr, so stdout keeps only results)
     * @param unit     what is counted, plural: "images"
     * @param total    how many there will be, or a negative number when unknown (no bar, no ETA)
     * @param terminal whether {@code out} is a terminal (redraw in place) or not (plain periodic lines)
     */
    public static Progress start(PrintWriter out, String unit, long total, boolean terminal) {
        return new Progress(out, unit, total, terminal, System::nanoTime, terminal ? TERMINAL_INTERVAL : PLAIN_INTERVAL);
    }

    /** Whether this JVM talks to a terminal, as the default for {@code terminal}. */
    public static boolean onTerminal() {
        return System.console() != null;
    }

    /** Records that {@code done} are done so far; draws when the interval has passed. */
    public void update(long done) {
        long now = nanoTime.getAsLong();
        if (now - nextDraw >= 0) {
            nextDraw = now + interval;
            draw(done, now);
        }
    }

    /**
     * On a terminal, draws the final state and ends the redrawn line; elsewhere prints nothing, since the caller's
     * summary line follows.
     */
    public void finish(long done) {
        if (terminal) {
            draw(done, nanoTime.getAsLong());
            out.println();
            out.flush();
        }
    }

    private void draw(long done, long now) {
        String line = line(done, now - start);
        if (terminal) {
            int pad = Math.max(0, drawnWidth - line.length()); // blank out what a longer earlier line left
            out.print("\r" + line + " ".repeat(pad));
            drawnWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long done, long elapsedNanos) {
        double perSecond = elapsedNanos > 0 ? done * 1e9 / elapsedNanos : 0;
        String rate = String.format(Locale.ROOT, "%,.0f/s", perSecond);
        if (total < 0) {
            return String.format(Locale.ROOT, "%,d %s  %s  %s", done, unit, rate, clock(elapsedNanos / 1_000_000_000L));
        }
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        String eta = perSecond > 0 ? "ETA " + clock((long) Math.ceil((total - Math.min(done, total)) / perSecond)) : "ETA -";
        if (!terminal) {
            return String.format(Locale.ROOT, "%,d/%,d %s (%d%%), %s, %s", done, total, unit, percent, rate, eta);
        }
        int filled = percent * BAR_WIDTH / 100;
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d/%,d %s  %s  %s",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), percent, done, total, unit, rate, eta);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
