package io.streamnet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code streamnet bench kernel}: single-thread training throughput of the network, Java (JMH, forked JVM, GC
 * profiler) against the numpy reference on the same images, for each batch size and hidden size asked for. Figures
 * go to standard output as {@code name=value} lines, progress to standard error.
 */
@Command(name = "kernel",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Training throughput (images/s, one thread, data in memory) of one gradient step: Java under JMH, and in"
                + " the same run the numpy reference on the same IDX files; prints name=value lines and the ratios"
                + " Java/numpy.",
            "Java: forward, backward and update, seed initialisation, learning rate 0.1, on batches built beforehand"
                + " (java.train: the work numpy times, its matrix scaled before its clock starts) and filled from"
                + " bytes in each step (java.fill_and_train); median of the measured JMH iterations; bytes"
                + " allocated per step from JMH's GC profiler.",
            "numpy: seed_numpy.py --mode online, BLAS held to --numpy-threads; median of several runs, each long"
                + " enough not to be dominated by timer noise."})
final class KernelBenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--batch", split = ",", paramLabel = "B", defaultValue = "1,32,256",
            description = "batch sizes (default: ${DEFAULT-VALUE})")
    private List<Integer> batches;

    @Option(names = "--hidden", split = ",", paramLabel = "H", defaultValue = "10,128",
            description = "hidden sizes (default: ${DEFAULT-VALUE})")
    private List<Integer> hiddens;

    @Option(names = "--quick", description = "fewer and shorter iterations and numpy runs: a rough figure in a minute")
    private boolean quick;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "1",
            description = "JVMs forked per Java measurement (default: ${DEFAULT-VALUE})")
    private int forks;

    @Option(names = "--data", paramLabel = "DIR",
            description = "directory of the sample's four IDX files (default: the sample bundled in the jar, copied"
                    + " to a temporary directory)")
    private Path data;

    @Option(names = "--peer", paramLabel = "FILE", defaultValue = "../shared/peers/seed_numpy.py",
            description = "the numpy reference script (default: ${DEFAULT-VALUE})")
    private Path peer;

    @Option(names = "--python", paramLabel = "CMD", defaultValue = "python3",
            description = "the Python that runs it (default: ${DEFAULT-VALUE})")
    private String python;

    @Option(names = "--numpy-dtype", paramLabel = "float32|float64", defaultValue = "float32",
            description = "the reference's --dtype (default: ${DEFAULT-VALUE}, the script's own default)")
    private NumpyDtype numpyDtype;

    /** The reference's floating-point types; picocli refuses any other value. */
    private enum NumpyDtype { float32, float64 }

    @Option(names = "--numpy-threads", paramLabel = "N", defaultValue = "1",
            description = "BLAS threads of the reference (default: ${DEFAULT-VALUE}, like the Java side)")
    private int numpyThreads;

    @Option(names = "--no-numpy", description = "measure Java only")
    private boolean noNumpy;

    @Option(names = "--jmh-log", paramLabel = "FILE",
            description = "where JMH writes its own report (default: streamnet-bench-kernel-jmh.log in the temporary"
                    + " directory)")
    private Path jmhLog;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path log = jmhLog != null ? jmhLog : Path.of(System.getProperty("java.io.tmpdir"),
                "streamnet-bench-kernel-jmh.log");
        SampleFiles files = data != null ? givenFiles() : SampleFiles.extractBundled();
        try (PrintStream jmh = new PrintStream(log.toFile(), StandardCharsets.UTF_8)) {
            JavaTrainStep java = new JavaTrainStep(quick ? JavaTrainStep.Timing.quick(forks)
                    : JavaTrainStep.Timing.full(forks), files.directory(), jmh);
            NumpyPeer numpy = noNumpy ? null : new NumpyPeer(python, peer, files, numpyDtype.name(), numpyThreads);
            return run(java, numpy, log, out, err);
        } catch (IOException e) {
            err.println("streamnet: cannot write the JMH report to " + log + ": " + e.getMessage());
            return 1;
        } finally {
            files.close();
        }
    }

    private int run(JavaTrainStep java, NumpyPeer numpy, Path log, PrintWriter out, PrintWriter err) {
        BenchCommand.figure(out, "bench.java.version", System.getProperty("java.version"));
        BenchCommand.figure(out, "bench.cpus", Runtime.getRuntime().availableProcessors());
        String missing = numpy == null ? null : checkNumpy(numpy, out, err);
        BenchCommand.figure(out, "bench.loadavg.start", loadAverage());
        for (int hidden : hiddens) {
            for (int batch : batches) {
                String key = "b" + batch + ".h" + hidden;
                err.printf(Locale.ROOT, "bench kernel: batch %d, H %d: Java under JMH (report in %s)%n", batch, hidden,
                        log);
                err.flush();
                JavaTrainStep.Forms j;
                try {
                    j = java.measure(batch, hidden);
                } catch (RunnerException e) {
                    err.println("streamnet: the Java benchmark failed: " + e.getMessage() + " (see " + log + ")");
                    return 1;
                }
                javaFigures(out, "java.train." + key, j.train());
                javaFigures(out, "java.fill_and_train." + key, j.fillAndTrain());
                if (numpy != null && missing == null) {
                    missing = compare(numpy, batch, hidden, key, j, out, err);
                }
            }
        }
        BenchCommand.figure(out, "bench.loadavg.end", loadAverage());
        if (missing != null) {
            err.println("streamnet: no numpy figures: " + missing);
            return 1;
        }
        return 0;
    }

    /** Runs the reference for one shape and prints its figure and the ratio; returns why it could not, or null. */
    private String compare(NumpyPeer numpy, int batch, int hidden, String key, JavaTrainStep.Forms j,
                           PrintWriter out, PrintWriter err) {
        err.printf(Locale.ROOT, "bench kernel: batch %d, H %d: numpy reference%n", batch, hidden);
        err.flush();
        try {
            NumpyPeer.Figures n = numpy.measure(batch, hidden, quick ? 0.3 : 1.0, quick ? 3 : 5);
            BenchCommand.figure(out, "numpy.train." + key + ".images_per_s", Math.round(n.imagesPerSecond()));
            BenchCommand.figure(out, "numpy.train." + key + ".epochs_per_run", n.epochs());
            // ratio = Java images/s ÷ numpy images/s: the same work, and with Java filling its batches from bytes
            BenchCommand.figure(out, "ratio." + key, String.format(Locale.ROOT, "%.2f",
                    j.train().imagesPerSecond() / n.imagesPerSecond()));
            BenchCommand.figure(out, "ratio.fill_and_train." + key, String.format(Locale.ROOT, "%.2f",
                    j.fillAndTrain().imagesPerSecond() / n.imagesPerSecond()));
            return null;
        } catch (NumpyPeer.Unavailable e) {
            err.println("streamnet: " + e.getMessage() + " (the Java figures follow without numpy's)");
            return e.getMessage();
        }
    }

    private static void javaFigures(PrintWriter out, String prefix, JavaTrainStep.Figures figures) {
        BenchCommand.figure(out, prefix + ".images_per_s", Math.round(figures.imagesPerSecond()));
        BenchCommand.figure(out, prefix + ".alloc_bytes_per_step", String.format(Locale.ROOT, "%.3f",
                figures.allocBytesPerStep()));
    }

    private String checkNumpy(NumpyPeer numpy, PrintWriter out, PrintWriter err) {
        try {
            BenchCommand.figure(out, "bench.numpy.version", numpy.check());
            BenchCommand.figure(out, "bench.numpy.dtype", numpyDtype);
            BenchCommand.figure(out, "bench.numpy.blas_threads", numpyThreads);
            return null;
        } catch (NumpyPeer.Unavailable e) {
            err.println("streamnet: " + e.getMessage() + " (the Java figures follow without numpy's)");
            err.flush();
            return e.getMessage();
        }
    }

    private void validate() {
        if (batches.stream().anyMatch(b -> b < 1) || hiddens.stream().anyMatch(h -> h < 1)) {
            throw new ParameterException(spec.commandLine(), "--batch and --hidden take sizes of 1 and more, got "
                    + batches + " and " + hiddens);
        }
        if (forks < 1 || numpyThreads < 1) {
            throw new ParameterException(spec.commandLine(), "--forks and --numpy-threads must be >= 1");
        }
    }

    private SampleFiles givenFiles() {
        try {
            return SampleFiles.in(data);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--data: " + e.getMessage());
        }
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
}
