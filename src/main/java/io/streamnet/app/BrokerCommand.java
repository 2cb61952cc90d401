package io.streamnet.app;

import io.streamnet.app.broker.BrokerConfig;
import io.streamnet.app.broker.BrokerProcess;
import io.streamnet.app.broker.DataDirInUseException;
import io.streamnet.app.broker.LocalBroker;
import io.streamnet.app.broker.Ports;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code streamnet broker}: a development Kafka broker in the foreground until Ctrl-C or SIGTERM. */
@Command(name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a single-node Kafka broker (KRaft, broker and controller in one) in the foreground, until Ctrl-C.",
            "Storage is formatted on first start and kept in the data directory; transactions work on this one node.",
            "Prints 'ready on HOST:PORT' once clients can connect."})
final class BrokerCommand implements Callable<Integer> {
    /** Kafka's own start takes seconds; this is for a machine that is busy with other work. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + BrokerConfig.DEFAULT_PORT,
            description = "client (PLAINTEXT) port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--controller-port", paramLabel = "PORT",
            description = "KRaft controller port, used by the broker itself (default: PORT + 1)")
    private Integer controllerPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = BrokerConfig.DEFAULT_DATA_DIR,
            description = "where topics and the cluster id are kept (default: ${DEFAULT-VALUE}, in the working directory)")
    private Path dataDir;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = BrokerConfig.DEFAULT_HOST,
            description = "host name clients are told to use, and the address the broker listens on (default: ${DEFAULT-VALUE})")
    private String host;

    /** Set by {@code BrokerProcess}, so a broker it started never outlives it. */
    @Option(names = "--parent-pid", hidden = true)
    private Long parentPid;

    @Override
    public Integer call() throws InterruptedException {
        int controller = controllerPort == null ? BrokerConfig.defaultControllerPort(port) : controllerPort;
        BrokerConfig config = config(controller);
        if (!Ports.canResolve(host)) {
            throw new CommandFailure("cannot resolve host " + host + "; pass --host to choose another");
        }
        requireFree(port, "--port");
        requireFree(controller, "--controller-port");
        StopSignal stop = StopSignal.install();
        if (parentPid != null) {
            stop.withParent(parentPid);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LocalBroker broker = start(config)) {
            // if the JVM exits some other way (SIGHUP, say), the broker still shuts down in order
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "streamnet-broker-shutdown"));
            out.println(BrokerProcess.READY_PREFIX + broker.bootstrapServers());
            out.flush();
            stop.await();
            out.println("stopping broker on " + broker.bootstrapServers());
            out.flush();
        }
        return 0;
    }

    private static LocalBroker start(BrokerConfig config) {
        try {
            return LocalBroker.start(config, READY_TIMEOUT);
        } catch (DataDirInUseException e) {
            throw new CommandFailure(e.getMessage() + "; pass --data-dir to choose another");
        } catch (UncheckedIOException e) {
            // the data directory cannot be created or written: not a directory, no permission, a read-only disk
            throw CommandFailure.unusableDirectory("data directory", config.dataDir(), e.getCause(), "--data-dir");
        }
    }

    private BrokerConfig config(int controller) {
        try {
            return new BrokerConfig(host, port, controller, dataDir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Checked before Kafka starts, so a taken port is one clear line rather than a failed broker start. */
    private void requireFree(int p, String flag) {
        if (!Ports.isFree(host, p)) {
            throw new CommandFailure("port " + p + " is in use; pass " + flag + " to choose another");
        }
    }
}
