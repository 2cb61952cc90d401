package io.streamnet.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real child JVMs from this test JVM's class path (under Surefire, its manifest-only booter jar). */
class ChildProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void shouldFindALineTheChildPrints() throws Exception {
        try (ChildProcess child = Launcher.current().start("version", List.of("--version"))) {
            String line = child.awaitLine(l -> l.startsWith("streamnet "), TIMEOUT);

            assertThat(line).startsWith("streamnet ");
            assertThat(child.awaitExit(TIMEOUT)).isZero(); // --version exits by itself
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

    @Test
    void shouldGiveAChildJvmATemporaryDirectoryOfItsOwnAndRemoveItOnceTheChildIsKilled(@TempDir Path state)
            throws Exception {
        Path scratch;
        // serve waits up to 15 s for a broker that is not there: long enough to look at it
        try (ChildProcess child = Launcher.current().start("waiting", List.of("serve", "--bootstrap-servers",
                "localhost:1", "--http-port", "0", "--state-dir", state.toString()))) {
            scratch = temporaryDirectoryOf(child);
            assertThat(scratch).isDirectory();
            assertThat(scratch.getFileName().toString()).startsWith("streamnet-child-");

            child.kill();
        }
        assertThat(scratch).doesNotExist();
    }

    /** The {@code java.io.tmpdir} on the command line of {@code child}, once it has one (after exec). */
    private static Path temporaryDirectoryOf(ChildProcess child) throws InterruptedException {
        String option = "-Djava.io.tmpdir=";
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            // the whole command line: with a long class path the JDK gives no separate arguments
            Optional<String> found = ProcessHandle.of(child.pid()).flatMap(h -> h.info().commandLine())
                    .flatMap(line -> Arrays.stream(line.split(" ")).filter(a -> a.startsWith(option)).findFirst());
            if (found.isPresent()) {
                return Path.of(found.get().substring(option.length()));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + option + " on the command line of " + child + "; its output: "
                + child.output());
    }
}
