package io.streamnet.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs real child JVMs from this test JVM's class path (under Surefire, its manifest-only booter jar). */
class ChildProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void shouldFindALineTheChildPrints() throws Exception {
        try (ChildProcess child = Launcher.current().start("version", List.of("--version"))) {
            String line = child.awaitLine(l -> l.startsWith("streamnet "), TIMEOUT);

            assertThat(line).startsWith("streamnet ");
            assertThat(child.stop(TIMEOUT)).isZero();
        }
    }

    @Test
    void shouldFailWithTheChildsOutputWhenItExitsBeforeTheLine() {
        try (ChildProcess child = Launcher.current().start("bad-usage", List.of("broker", "--port", "0"))) {
            assertThatThrownBy(() -> child.awaitLine(l -> l.startsWith("ready on"), TIMEOUT))
                    .isInstanceOf(ChildProcessException.class)
                    .hasMessageContaining("bad-usage exited (code 2)")
                    .hasMessageContaining("streamnet: port 0 is not in 1..65535");
        }
    }

    @Test
    void shouldKillAChildThatDoesNotStop() throws Exception {
        List<String> sleeper = List.of("sleep", "60");
        try (ChildProcess child = ChildProcess.start("sleeper", sleeper)) {
            assertThat(child.isAlive()).isTrue();

            int code = child.kill();

            assertThat(code).isEqualTo(137);
            assertThat(child.isAlive()).isFalse();
        }
    }
}
