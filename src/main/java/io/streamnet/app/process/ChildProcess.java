package io.streamnet.app.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process whose output (stdout and stderr, merged) is read as it comes, so the child never blocks on a full
 * pipe; the last lines are kept for waiting on a line and for error messages. A JVM shutdown hook kills the child if
 * this JVM exits without stopping it. A directory given to the child for its own use is removed once it has ended.
 */
public final class ChildProcess implements AutoCloseable {
    private static final int KEPT_LINES = 400;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Thread reader;
    private final Thread killOnExit;
    /** The child's own directory, removed once it has ended; null when it has none. */
    private final TempDirectory scratch;
    private final Deque<String> lines = new ArrayDeque<>();
    private boolean ended;

    private ChildProcess(String name, Process process, TempDirectory scratch) {
        this.name = name;
        this.process = process;
        this.scratch = scratch;
        this.reader = new Thread(this::readOutput, name + "-output");
        this.killOnExit = new Thread(() -> {
            try {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            removeScratch();
        }, name + "-kill-on-exit");
    }

    /** Starts {@code command}; {@code name} labels it in thread names and messages. */
    public static ChildProcess start(String name, List<String> command) {
        return start(name, command, null);
    }

    /** Starts {@code command}, which uses {@code scratch}; the directory is removed once the child has ended. */
    public static ChildProcess start(String name, List<String> command, TempDirectory scratch) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            if (scratch != null) {
                scratch.close();
            }
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        ChildProcess child = new ChildProcess(name, process, scratch);
        child.reader.setDaemon(true);
        child.reader.start();
        Runtime.getRuntime().addShutdownHook(child.killOnExit);
        return child;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                add(line);
            }
        } catch (IOException e) {
            add("(" + name + " output unreadable: " + e.getMessage() + ")");
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private synchronized void add(String line) {
        if (lines.size() == KEPT_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
        notifyAll();
    }

    /**
     * Waits until the child prints a line that {@code wanted} accepts and returns it. Fails with the child's last
     * output if it exits first or {@code timeout} passes; the child is left as it is.
     */
    public synchronized String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                String why = ended ? "exited (code " + exitCodeAfterEnd() + ")" : "printed nothing expected in " + timeout.toSeconds() + " s";
                throw new ChildProcessException(name + " " + why + "; its last output:\n" + String.join("\n", lines));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private int exitCodeAfterEnd() throws InterruptedException {
        return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** The last lines the child printed (up to 400), oldest first. */
    public synchronized List<String> output() {
        return new ArrayList<>(lines);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to exit by itself and returns its exit code; fails with its last output after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ChildProcessException(name + " still runs after " + timeout.toSeconds() + " s; its last output:\n"
                    + String.join("\n", output()));
        }
        return finish();
    }

    /** Asks the child to stop (SIGTERM), waits up to {@code grace}, then kills it; returns its exit code. */
    public int stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        return finish();
    }

    /**
     * Leaves stopping the child to the caller's own shutdown hook, which can stop what depends on the child first;
     * otherwise the child is killed as soon as this JVM begins to exit.
     */
    public void leaveStopToCaller() {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    /** Kills the child at once (SIGKILL), as a crash would; returns its exit code (137). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return finish();
    }

    private int finish() throws InterruptedException {
        int code = process.waitFor();
        reader.join(TimeUnit.SECONDS.toMillis(5));
        removeScratch();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // this JVM is already shutting down; the hook finds the child gone
        }
        return code;
    }

    private void removeScratch() {
        if (scratch != null) {
            scratch.close();
        }
    }

    /** Stops the child if it still runs (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        try {
            stop(STOP_GRACE);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
