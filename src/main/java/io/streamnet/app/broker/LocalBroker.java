package io.streamnet.app.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) running in this JVM, from Kafka's own classes.
 * {@link #start} formats the data directory on first use, starts the server and returns once a client can
 * connect; {@link #close} shuts it down. The data directory keeps topics and the cluster id across restarts.
 */
public final class LocalBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBroker.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final BrokerConfig config;
    private final DataDirLock lock;
    private final KafkaRaftServer server;
    private final String clusterId;
    private boolean closed;

    private LocalBroker(BrokerConfig config, DataDirLock lock, KafkaRaftServer server, String clusterId) {
        this.config = config;
        this.lock = lock;
        this.server = server;
        this.clusterId = clusterId;
    }

    /**
     * Formats the data directory if it is new, starts the broker, and waits until an admin client sees it in the
     * cluster. Throws {@link DataDirInUseException} if another broker runs on the data directory, and (leaving
     * nothing running) if it fails to start or is not ready within {@code timeout}.
     */
    public static LocalBroker start(BrokerConfig config, Duration timeout) {
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        LocalBroker broker;
        try {
            String clusterId = prepareStorage(config);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config.serverProperties(), false), Time.SYSTEM);
            broker = new LocalBroker(config, lock, server, clusterId);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return broker.startServer(timeout);
    }

    private LocalBroker startServer(Duration timeout) {
        try {
            server.startup();
            awaitReady(config.bootstrapServers(), timeout);
            return this;
        } catch (RuntimeException | InterruptedException | TimeoutException e) {
            close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("broker on " + config.bootstrapServers() + " did not start: " + e.getMessage(), e);
        }
    }

    private static String prepareStorage(BrokerConfig config) {
        if (BrokerStorage.isFormatted(config.dataDir())) {
            String id = BrokerStorage.clusterId(config.dataDir());
            LOG.info("Using broker data in {} (cluster {})", config.dataDir(), id);
            return id;
        }
        String id = BrokerStorage.format(config);
        LOG.info("Formatted new broker data in {} (cluster {})", config.dataDir(), id);
        return id;
    }

    /** Asks the broker for the cluster until it lists a live broker: the moment clients can really use it. */
    private static void awaitReady(String bootstrap, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> props = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "streamnet-broker-ready",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) POLL.multipliedBy(5).toMillis());
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!liveBrokers(admin).isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("no live broker after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static Collection<Node> liveBrokers(Admin admin) throws InterruptedException {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) POLL.multipliedBy(5).toMillis());
        try {
            return admin.describeCluster(options).nodes().get(POLL.multipliedBy(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    /** {@code host:port} for Kafka clients. */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** The cluster id, chosen when the data directory was formatted. */
    public String clusterId() {
        return clusterId;
    }

    public BrokerConfig config() {
        return config;
    }

    /** Shuts the broker down and waits for it; safe to call more than once, from any thread (a shutdown hook, say). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                server.shutdown();
                server.awaitShutdown();
            } finally {
                lock.close();
            }
        }
    }
}
