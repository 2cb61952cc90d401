package io.streamnet.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs both forms of {@link TrainStepBenchmark} for one batch size and hidden size under JMH, in a forked JVM, with
 * JMH's GC profiler, and reads off images/s and bytes allocated per step of each.
 */
final class JavaTrainStep {
    /** The GC profiler's figure: bytes allocated per benchmark operation (here, per training step). */
    static final String ALLOC_PER_OP = "gc.alloc.rate.norm";

    /**
     * How long JMH measures: forks × (warm-up iterations, then measured iterations), each iteration this long.
     * Throughput is the median over the measured iterations of all forks.
     */
    record Timing(int forks, int warmups, TimeValue warmupTime, int iterations, TimeValue iterationTime) {
        static Timing full(int forks) {
            return new Timing(forks, 5, TimeValue.seconds(1), 8, TimeValue.seconds(1));
        }

        static Timing quick(int forks) {
            return new Timing(forks, 3, TimeValue.milliseconds(500), 4, TimeValue.milliseconds(500));
        }
    }

    /** What one form measured: median images/s and bytes allocated per step. */
    record Figures(double imagesPerSecond, double allocBytesPerStep) {
    }

    /** The step on batches built beforehand (the work numpy times), and with the batch filled from bytes first. */
    record Forms(Figures train, Figures fillAndTrain) {
    }

    private final Timing timing;
    private final Path data;
    private final PrintStream log;

    /**
     * @param data directory of the sample's IDX files, read by the benchmark
     * @param log  where JMH writes its own report
     */
    JavaTrainStep(Timing timing, Path data, PrintStream log) {
        this.timing = timing;
        this.data = data;
        this.log = log;
    }

    Forms measure(int batch, int hidden) throws RunnerException {
        String benchmark = TrainStepBenchmark.class.getName();
        Options options = new OptionsBuilder()
                .include(benchmark + ".(trainStep|fillAndTrainStep)$")
                .param("batch", String.valueOf(batch))
                .param("hidden", String.valueOf(hidden))
                .forks(timing.forks())
                .threads(1)
                .warmupIterations(timing.warmups())
                .warmupTime(timing.warmupTime())
                .measurementIterations(timing.iterations())
                .measurementTime(timing.iterationTime())
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-D" + TrainStepBenchmark.DATA_PROPERTY + "=" + data.toAbsolutePath())
                .shouldFailOnError(true)
                .build();
        Map<String, Figures> byMethod = new HashMap<>();
        for (RunResult result : new Runner(options, OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL))
                .run()) {
            // images/s = steps/s × images per step, median over the measured iterations
            double stepsPerSecond = result.getPrimaryResult().getStatistics().getPercentile(50);
            String method = result.getParams().getBenchmark().substring(benchmark.length() + 1);
            byMethod.put(method, new Figures(stepsPerSecond * batch, allocationPerStep(result.getSecondaryResults())));
        }
        if (!byMethod.containsKey("trainStep") || !byMethod.containsKey("fillAndTrainStep")) {
            throw new RunnerException("JMH returned results for " + byMethod.keySet()
                    + ", not for trainStep and fillAndTrainStep");
        }
        return new Forms(byMethod.get("trainStep"), byMethod.get("fillAndTrainStep"));
    }

    private static double allocationPerStep(Map<String, Result> secondary) {
        for (Map.Entry<String, Result> e : secondary.entrySet()) {
            // JMH labels it "gc.alloc.rate.norm" (older versions prefix a middle dot)
            if (e.getKey().endsWith(ALLOC_PER_OP)) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
