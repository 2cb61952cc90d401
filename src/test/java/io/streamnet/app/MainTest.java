package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void shouldAcceptTheLogLevelsLogbackKnowsInAnyCaseAndAnUnsetVariable() {
        assertThat(Main.logLevelProblem(null)).isNull();
        assertThat(Main.logLevelProblem("debug")).isNull();
        assertThat(Main.logLevelProblem("WARN")).isNull();
        assertThat(Main.logLevelProblem("off")).isNull();
    }

    @Test
    void shouldNameTheLevelsForAWordLogbackWouldReadAsDebug() {
        assertThat(Main.logLevelProblem("verbose")).isEqualTo(
                "STREAMNET_LOG_LEVEL must be one of ALL, TRACE, DEBUG, INFO, WARN, ERROR, OFF, got 'verbose'");
    }
}
