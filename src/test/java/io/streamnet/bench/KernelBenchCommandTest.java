package io.streamnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.streamnet.app.Main;
import io.streamnet.data.Image;
import io.streamnet.data.ImageReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@code bench kernel} that run without JMH: its data, the numpy peer, its usage errors. */
class KernelBenchCommandTest {
    private static final Path PEER = Path.of("../shared/peers/seed_numpy.py");

    @TempDir
    Path dir;

    @Test
    void shouldCopyTheBundledSampleForBothSidesAndDeleteItAfterwards() {
        SampleFiles files = SampleFiles.extractBundled();
        try {
            assertThat(files.peerArguments()).hasSize(4).allMatch(Files::isRegularFile);
            try (ImageReader train = files.training().open()) {
                assertThat(train.size()).hasValue(8_000);
                Image first = train.next();
                assertThat(first.isLabelled()).isTrue();
            }
            assertThat(SampleFiles.in(files.directory()).peerArguments()).isEqualTo(files.peerArguments());
        } finally {
            files.close();
        }
        assertThat(files.directory()).doesNotExist();
    }

    @Test
    void shouldNameTheMissingFileOfADataDirectory() {
        assertThatThrownBy(() -> SampleFiles.in(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mnist-sample-train-images-idx3-ubyte.gz");
    }

    @Test
    void shouldSayInOneLineWhenPythonOrThePeerIsMissing() throws Exception {
        Path script = Files.writeString(dir.resolve("peer.py"), "print('samples_per_s=1 seconds=1')\n");
        NumpyPeer noPython = new NumpyPeer(dir.resolve("no-such-python").toString(), script, null, "float32", 1);
        assertThatThrownBy(noPython::check).isInstanceOf(NumpyPeer.Unavailable.class)
                .hasMessageStartingWith("cannot run").hasMessageContaining("no-such-python").hasMessageNotContaining("\n");
        NumpyPeer noScript = new NumpyPeer("python3", dir.resolve("missing.py"), null, "float32", 1);
        assertThatThrownBy(noScript::check).isInstanceOf(NumpyPeer.Unavailable.class)
                .hasMessageContaining("missing.py").hasMessageContaining("--peer");
    }

    @Test
    void shouldReadTheSpeedTheNumpyReferencePrints() throws Exception {
        assumeThat(PEER).as("the numpy reference beside the project").exists();
        SampleFiles files = SampleFiles.extractBundled();
        try {
            NumpyPeer numpy = new NumpyPeer("python3", PEER, files, "float32", 1);
            String version = null;
            try {
                version = numpy.check();
            } catch (NumpyPeer.Unavailable e) {
                assumeThat(e.getMessage()).as("python3 with numpy").isNull();
            }
            assertThat(version).matches("\\d+\\.\\d+.*");
            NumpyPeer.Figures figures = numpy.measure(256, 10, 0.05, 1);
            assertThat(figures.imagesPerSecond()).isGreaterThan(0);
            assertThat(figures.epochs()).isGreaterThanOrEqualTo(1);
        } finally {
            files.close();
        }
    }

    @Test
    void shouldTakeTheMiddleValueAsTheMedian() {
        assertThat(NumpyPeer.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(NumpyPeer.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void shouldRefuseABatchOfNoImagesAsAUsageError() {
        List<String> err = runCapturingStderr(() -> assertThat(Main.run("bench", "kernel", "--batch", "0")).isEqualTo(2));
        assertThat(err).anyMatch(line -> line.contains("--batch"));
    }

    @Test
    void shouldAskWhichBenchmarkWithoutASubcommand() {
        List<String> err = runCapturingStderr(() -> assertThat(Main.run("bench")).isEqualTo(2));
        assertThat(err).anyMatch(line -> line.contains("kernel"));
    }

    private static List<String> runCapturingStderr(Runnable run) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
