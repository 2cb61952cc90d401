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
 * One online training step on real images held in memory, single thread, the training sample's images in file
 * order, round and round; one operation is one step, so images/s = operations/s × batch. The seed's
 * initialisation, learning rate 0.1. Two forms:
 * <ul>
 *   <li>{@link #trainStep}: the batches were built before the measurement, as the numpy reference scales its whole
 *       matrix to [0, 1] before its clock starts and then times slices of it — the same work it times: forward,
 *       backward and the update of the network in place;</li>
 *   <li>{@link #fillAndTrainStep}: the next images are first put into the batch from their bytes (scaled to
 *       [0, 1], background skipped), as the service does for each batch it trains.</li>
 * </ul>
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
    private Batch[] prepared;
    private int nextBatch;
    private Workspace workspace;
    private GradientDescent optimiser;
    private Network network;

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
        prepared = new Batch[pixels.length / batch];
        for (int b = 0; b < prepared.length; b++) {
            prepared[b] = new Batch(batch);
            for (int j = 0; j < batch; j++) {
                prepared[b].add(pixels[b * batch + j], labels[b * batch + j]);
            }
        }
        workspace = new Workspace(hidden, batch);
        optimiser = new GradientDescent(LEARNING_RATE);
        network = Network.initialise(hidden, Init.SEED, new SplittableRandom(SEED));
    }

    /** One step on the next batch, built before the measurement; returns whether it was applied. */
    @Benchmark
    public boolean trainStep() {
        Batch next = prepared[nextBatch];
        nextBatch = nextBatch + 1 == prepared.length ? 0 : nextBatch + 1;
        return optimiser.step(network, next, workspace);
    }

    /** Fills the batch with the next images and takes one step; returns whether it was applied. */
    @Benchmark
    public boolean fillAndTrainStep() {
        images.clear();
        for (int j = 0; j < batch; j++) {
            images.add(pixels[nextImage], labels[nextImage]);
            nextImage = nextImage + 1 == pixels.length ? 0 : nextImage + 1;
        }
        return optimiser.step(network, images, workspace);
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
