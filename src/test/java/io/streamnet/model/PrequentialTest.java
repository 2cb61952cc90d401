package io.streamnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrequentialTest {

    @Test
    void shouldKeepOnlyTheLastWindowInTheRollingAccuracy() {
        // Given a window of 4 images
        Prequential p = new Prequential(4);
        // When 4 right guesses are followed by 3 wrong ones
        for (int i = 0; i < 4; i++) {
            p.record(7, 7);
        }
        for (int i = 0; i < 3; i++) {
            p.record(7, 1);
        }
        // Then the window holds 1 right of 4, the cumulative 4 of 7
        assertThat(p.rollingAccuracy()).isEqualTo(0.25);
        assertThat(p.cumulativeAccuracy()).isEqualTo(4.0 / 7);
        assertThat(p.confusion(7, 1)).isEqualTo(3);
        assertThat(p.digitAccuracy(7)).isEqualTo(4.0 / 7);
        assertThat(p.digitAccuracy(3)).isNaN();
    }

    @Test
    void shouldRestoreTheSameStateFromItsRawParts() {
        Prequential p = new Prequential(100);
        for (int i = 0; i < 250; i++) {
            p.record(i % 10, (i * 7) % 10);
        }
        Prequential copy = new Prequential(100);
        copy.restore(p.confusionCounts(), p.recentBits(), p.filled(), p.nextSlot());
        assertThat(copy).isEqualTo(p);
        assertThat(copy.rollingAccuracy()).isEqualTo(p.rollingAccuracy());
    }
}
