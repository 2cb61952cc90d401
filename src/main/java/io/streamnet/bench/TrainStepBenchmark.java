package io.streamnet.bench;

import io.streamnet.data.Dataset;
import io.streamnet.data.Image;
import io.streamnet.data.ImageReader;
import io.streamnet.data.Sample;
import io.streamnet.nn.Batch;
import io.streamnet.nn.GradientDescent;
import io.streamnet.nn.Init;
import io.streamnet.nn.Network;
import io.streamnet.nn.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One online training step on real images held in memory, single thread: the next {@code batch} images of the
 * training sample (in file order, round and round) are put into the batch (bytes scaled to [0, 1]), then one
 * gradient-descent step runs (forward, backward, update into the spare network) and the networks swap. One
 * operation is one step, so images/s = operations/s × batch. The seed's initialisation, learning rate 0.1: the
 * same work the numpy reference times.
 *
 * <p>The training images are read from the directory in the system property {@value #DATA_PROPERTY} when set
 * (the IDX files of the sample), else from the sample bundled in the jar.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrainStepBenchmark {
    /** System property naming the directory of the sample's IDX files. */
    public static final String DATA_PROPERTY = "streamnet.bench.data";
    static final double LEARNING_RATE = 0.1;
    static final long SEED = 1;

    @Param({"1", "32", "256"})
    public int batch;

    @Param({"10", "128"})
    public int hidden;

    private byte[][] pixels;
    private int[] labels;
    private int nextImage;
    private Batch images;
    private Workspace workspace;
    private GradientDescent optimiser;
    private Network current;
    private Network spare;

    @Setup
    public void setUp() {
        List<Image> all = read();
        pixels = new byte[all.size()][];
        labels = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            pixels[i] = all.get(i).pixels();
            labels[i] = all.get(i).label();
        }
        images = new Batch(batch);
        workspace = new Workspace(hidden, batch);
        optimiser = new GradientDescent(LEARNING_RATE);
        current = Network.initialise(hidden, Init.SEED, new SplittableRandom(SEED));
        spare = Network.zeros(hidden);
    }

    /** Fills the batch with the next images and takes one step; returns whether it was applied. */
    @Benchmark
    public boolean trainStep() {
        images.clear();
        for (int j = 0; j < batch; j++) {
            images.add(pixels[nextImage], labels[nextImage]);
            nextImage = nextImage + 1 == pixels.length ? 0 : nextImage + 1;
        }
        boolean applied = optimiser.step(current, images, workspace, spare);
        if (applied) {
            Network t = current;
            current = spare;
            spare = t;
        }
        return applied;
    }

    private static List<Image> read() {
        String dir = System.getProperty(DATA_PROPERTY, "");
        Dataset train = dir.isEmpty() ? Dataset.sample(Sample.TRAIN) : SampleFiles.in(Path.of(dir)).training();
        List<Image> all = new ArrayList<>();
        try (ImageReader reader = train.open()) {
            reader.forEachRemaining(all::add);
        }
        return all;
    }
}
