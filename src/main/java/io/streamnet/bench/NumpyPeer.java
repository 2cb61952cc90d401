package io.streamnet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numpy reference ({@code seed_numpy.py}) run as a child process on the same IDX files, online mode: it times
 * its own training loop (data already in memory) and prints {@code samples_per_s}. Its BLAS is held to the given
 * number of threads, so that, like the Java side, it measures what one core does.
 */
final class NumpyPeer {
    /** A child that runs longer than this is stuck. */
    private static final long TIMEOUT_MINUTES = 10;
    private static final Pattern RATE = Pattern.compile("samples_per_s=([0-9.]+)");
    private static final Pattern SECONDS = Pattern.compile("seconds=([0-9.]+)");

    /** Why the reference cannot run (python3 or numpy missing, the script not found): one line for the user. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** The median of {@code runs} timed runs of {@code epochs} passes each, in images/s. */
    record Figures(double imagesPerSecond, int epochs, int runs) {
    }

    private final String python;
    private final Path script;
    private final SampleFiles data;
    private final String dtype;
    private final int threads;

    NumpyPeer(String python, Path script, SampleFiles data, String dtype, int threads) {
        this.python = python;
        this.script = script;
        this.data = data;
        this.dtype = dtype;
        this.threads = threads;
    }

    /** Checks that the script exists and python imports numpy; returns numpy's version. */
    String check() throws Unavailable {
        if (!Files.isRegularFile(script)) {
            throw new Unavailable("the numpy reference " + script + " does not exist (see --peer)");
        }
        String out = run(List.of(python, "-c", "import numpy; print(numpy.__version__)"), "checking numpy");
        return out.strip();
    }

    /**
     * Times the peer at one batch and hidden size: a one-epoch run gives its speed, from which the epochs of a run
     * lasting about {@code seconds} follow; then {@code runs} such runs, and their median.
     */
    Figures measure(int batch, int hidden, double seconds, int runs) throws Unavailable {
        String calibration = runPeer(batch, hidden, 1);
        // the peer prints seconds to 0.01: a pass shown as 0.00 took at most 0.005 s
        double onePass = Math.max(number(SECONDS, calibration), 0.005);
        // epochs = ⌈seconds / (seconds of one pass)⌉, at least one
        int epochs = (int) Math.max(1, Math.ceil(seconds / onePass));
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            rates[r] = number(RATE, runPeer(batch, hidden, epochs));
        }
        return new Figures(median(rates), epochs, runs);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private String runPeer(int batch, int hidden, int epochs) throws Unavailable {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        data.peerArguments().forEach(p -> command.add(p.toString()));
        command.addAll(List.of("--mode", "online", "--batch", String.valueOf(batch), "--hidden", String.valueOf(hidden),
                "--epochs", String.valueOf(epochs), "--init", "seed", "--alpha", String.valueOf(
                        TrainStepBenchmark.LEARNING_RATE), "--dtype", dtype));
        return run(command, "the numpy reference");
    }

    private String run(List<String> command, String what) throws Unavailable {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        for (String var : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            env.put(var, String.valueOf(threads));
        }
        try {
            Process p = builder.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new Unavailable(what + " ran longer than " + TIMEOUT_MINUTES + " minutes");
            }
            if (p.exitValue() != 0) {
                throw new Unavailable(what + " failed (exit " + p.exitValue() + "): " + lastLine(out));
            }
            return out;
        } catch (IOException e) {
            throw new Unavailable("cannot run " + python + " for " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(what + " was interrupted");
        }
    }

    private static double number(Pattern pattern, String output) throws Unavailable {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new Unavailable("the numpy reference printed no " + pattern.pattern().replace("=([0-9.]+)", "")
                    + ": " + lastLine(output));
        }
        return Double.parseDouble(m.group(1));
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "(no output)" : lines[lines.length - 1];
    }
}
