package io.streamnet.app.broker;

import io.streamnet.app.process.ChildProcess;
import io.streamnet.app.process.Launcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code streamnet broker} in its own JVM, for the demo and end-to-end tests: started and waited for until it prints
 * its ready line, stopped (SIGTERM) or killed (SIGKILL, as a crash) and restarted on the same data directory and
 * ports. The child watches this process and stops if it ends, so a broker never outlives the JVM that started it.
 *
 * <p>Not thread-safe: one owner starts, stops and restarts it.
 */
public final class BrokerProcess implements AutoCloseable {
    /** A cold start takes seconds; this leaves room for a busy machine, and outlasts the broker's own 120 s limit. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /**
     * A development broker: a bounded heap, and only the quick JIT (C1), which brings a cold start from about 9 s
     * to about 3 s on two cores; {@link #start(Launcher, Path, int, int)} takes other options.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
    /** {@code streamnet broker} prints this and {@code host:port} once clients can connect. */
    public static final String READY_PREFIX = "ready on ";

    private final Launcher launcher;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private ChildProcess child;

    private BrokerProcess(Launcher launcher, Path dataDir, int port, int controllerPort) {
        this.launcher = launcher;
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker on {@code localhost:port} keeping its data in {@code dataDir}, from this JVM's class path. */
    public static BrokerProcess start(Path dataDir, int port) throws InterruptedException {
        return start(Launcher.current().withJvmOptions(JVM_OPTIONS), dataDir, port, Ports.free());
    }

    /** Starts a broker with the given launcher (class path, JVM options) and ports; returns once it is ready. */
    public static BrokerProcess start(Launcher launcher, Path dataDir, int port, int controllerPort)
            throws InterruptedException {
        BrokerProcess broker = new BrokerProcess(launcher, dataDir, port, controllerPort);
        broker.launch();
        return broker;
    }

    private void launch() throws InterruptedException {
        List<String> args = List.of("broker",
                "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort),
                "--data-dir", dataDir.toString(),
                "--parent-pid", Long.toString(ProcessHandle.current().pid()));
        child = launcher.start("broker:" + port, args);
        try {
            child.awaitLine(line -> line.startsWith(READY_PREFIX), READY_TIMEOUT);
        } catch (RuntimeException | InterruptedException e) {
            child.kill();
            throw e;
        }
    }

    /** {@code localhost:port} for Kafka clients. */
    public String bootstrapServers() {
        return BrokerConfig.DEFAULT_HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return child.pid();
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    /** What the broker printed last (its ready line, warnings, errors). */
    public List<String> output() {
        return child.output();
    }

    /** Stops the broker in order (SIGTERM; SIGKILL after 30 s) and returns its exit code, 0 when it stopped cleanly. */
    public int stop() throws InterruptedException {
        return child.stop(STOP_GRACE);
    }

    /** Kills the broker (SIGKILL) as a crash would, and returns its exit code. */
    public int kill() throws InterruptedException {
        return child.kill();
    }

    /** See {@link ChildProcess#leaveStopToCaller()}: for an owner whose shutdown hook stops its clients first. */
    public void leaveStopToCaller() {
        child.leaveStopToCaller();
    }

    /** Stops the broker if it still runs, then starts it again on the same data directory and ports. */
    public void restart() throws InterruptedException {
        if (child.isAlive()) {
            stop();
        }
        launch();
    }

    @Override
    public void close() {
        child.close();
    }

    @Override
    public String toString() {
        return "broker on " + bootstrapServers() + " (" + dataDir + ")";
    }
}
