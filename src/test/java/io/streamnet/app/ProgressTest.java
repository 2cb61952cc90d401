package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final StringWriter written = new StringWriter();
    private long now;

    private Progress progress(long total, boolean terminal) {
        return new Progress(new PrintWriter(written), "images", total, terminal, () -> now, 5 * SECOND);
    }

    @Test
    void shouldPrintAPlainLineWithRateAndEtaOnlyEachInterval() {
        // Given a job of 8,000 images away from a terminal
        Progress progress = progress(8_000, false);

        // When 1,000 are done after 1 s (too soon to draw) and 5,000 after 5 s
        now = SECOND;
        progress.update(1_000);
        now = 5 * SECOND;
        progress.update(5_000);

        // Then one line was printed: 5,000 in 5 s is 1,000/s, so 3 s remain
        assertThat(written.toString()).isEqualTo("5,000/8,000 images (62%), 1,000/s, ETA 0:03" + System.lineSeparator());
    }

    @Test
    void shouldRedrawABarInPlaceOnATerminalAndEndTheLineWhenFinished() {
        Progress progress = progress(200, true);

        now = 5 * SECOND;
        progress.update(100);
        now = 10 * SECOND;
        progress.finish(200);

        assertThat(written.toString()).isEqualTo(
                "\r[##########----------]  50%  100/200 images  20/s  ETA 0:05"
                        + "\r[####################] 100%  200/200 images  20/s  ETA 0:00" + System.lineSeparator());
    }

    @Test
    void shouldShowCountRateAndElapsedTimeWhenTheTotalIsUnknown() {
        Progress progress = progress(-1, false);

        now = 65 * SECOND;
        progress.update(1_300);

        assertThat(written.toString()).isEqualTo("1,300 images  20/s  1:05" + System.lineSeparator());
    }

    @Test
    void shouldLeaveTheLastWordToTheSummaryAwayFromATerminal() {
        Progress progress = progress(10, false);

        now = SECOND;
        progress.finish(10);

        assertThat(written.toString()).isEmpty();
    }

    @Test
    void shouldFormatLongDurationsWithHours() {
        assertThat(Progress.clock(59)).isEqualTo("0:59");
        assertThat(Progress.clock(3_600 + 62)).isEqualTo("1:01:02");
    }
}
