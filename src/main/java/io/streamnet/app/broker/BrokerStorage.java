package io.streamnet.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** A broker's data directory: formatted once with a new cluster id, which {@code meta.properties} then keeps. */
final class BrokerStorage {
    private static final String META = "meta.properties";

    private BrokerStorage() {
    }

    static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(META));
    }

    /** The cluster id the directory was formatted with. */
    static String clusterId(Path dataDir) {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve(META))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataDir.resolve(META), e);
        }
        return meta.getProperty("cluster.id");
    }

    /**
     * Formats {@code config.dataDir()} as Kafka's {@code kafka-storage.sh format -t <id> -c <properties>} does,
     * with a new random cluster id, and returns that id.
     */
    static String format(BrokerConfig config) {
        String clusterId = Uuid.randomUuid().toString();
        Path properties = null;
        try {
            Files.createDirectories(config.dataDir());
            properties = Files.createTempFile("streamnet-broker", ".properties");
            write(config.serverProperties(), properties);
            String[] args = {"format", "-t", clusterId, "-c", properties.toString()};
            String failure = runStorageTool(args);
            if (failure != null) {
                throw new IllegalStateException("cannot format " + config.dataDir() + ": " + failure);
            }
            return clusterId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format " + config.dataDir(), e);
        } finally {
            deleteQuietly(properties);
        }
    }

    /** Runs the tool; returns null on success, else what it said. */
    private static String runStorageTool(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            return StorageTool.execute(args, print) == 0 ? null : out.toString(StandardCharsets.UTF_8).strip();
        } catch (RuntimeException e) {
            // the tool reports most problems (say, a directory formatted for another node) by throwing
            return e.getMessage();
        }
    }

    private static void write(Properties properties, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "streamnet broker");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file holds no secret and does no harm
        }
    }
}
