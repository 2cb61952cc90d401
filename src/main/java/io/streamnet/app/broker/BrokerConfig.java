package io.streamnet.app.broker;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a single-node development broker listens and keeps its data, and the Kafka server properties that follow.
 *
 * <p>One process is both broker and controller (KRaft, node id 1). Clients use {@code host:port}; the controller
 * listener is only for the node itself. Every internal topic has one replica, so transactions (exactly-once)
 * work on this one node.
 *
 * @param host advertised to clients, and the address both listeners bind to
 * @param port the PLAINTEXT client port
 * @param controllerPort the KRaft controller port
 * @param dataDir the log directory (metadata log, topic partitions, {@code meta.properties})
 */
public record BrokerConfig(String host, int port, int controllerPort, Path dataDir) {
    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 9092;
    /** Relative to the working directory, so each checkout has its own broker data; {@code .gitignore} lists it. */
    public static final String DEFAULT_DATA_DIR = ".streamnet/broker";
    static final int NODE_ID = 1;

    public BrokerConfig {
        requirePort("port", port);
        requirePort("controller port", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("port and controller port are both " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The controller port by convention: the one after the client port (9092 and 9093, as in Kafka's own examples). */
    public static int defaultControllerPort(int port) {
        return port + 1;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** The server properties of this broker: {@code kafka.Kafka server.properties} would run the same broker. */
    public Properties serverProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // a static one-voter quorum: the controller endpoint comes from here on every start, not from the metadata log
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toString());
        singleNodeTopics(p);
        // the service creates its topics itself, with the partition counts it is configured for
        p.setProperty("auto.create.topics.enable", "false");
        // a group's first member starts at once instead of waiting 3 s for others
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** One replica everywhere, and one partition for the internal topics (Kafka's 50 only slow a first start). */
    private static void singleNodeTopics(Properties p) {
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
    }

    private static void requirePort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " " + port + " is not in 1..65535");
        }
    }
}
