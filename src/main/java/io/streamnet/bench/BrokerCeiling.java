package io.streamnet.bench;

import io.streamnet.app.process.ChildProcess;
import io.streamnet.app.process.Launcher;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker's own ceiling for records of one size, measured with Kafka's performance tools
 * (org.apache.kafka.tools.ProducerPerformance and ConsumerPerformance), each in its own JVM as Kafka runs them.
 */
final class BrokerCeiling {
    private static final Pattern PRODUCED = Pattern.compile("([0-9.]+) records/sec");
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);

    private BrokerCeiling() {
    }

    /** Records/s produced, acks=all with idempotence as Kafka's tool defaults, into {@code topic}. */
    static double produce(Launcher launcher, String bootstrap, String topic, long records, int recordBytes)
            throws InterruptedException {
        List<String> out = run(launcher, "org.apache.kafka.tools.ProducerPerformance", List.of(
                "--bootstrap-server", bootstrap, "--topic", topic, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordBytes), "--throughput", "-1",
                "--command-property", "linger.ms=10", "batch.size=524288", "compression.type=lz4"));
        for (int i = out.size() - 1; i >= 0; i--) {
            Matcher m = PRODUCED.matcher(out.get(i));
            if (out.get(i).contains(records + " records sent") && m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary:\n" + String.join("\n", out));
    }

    /** Records/s consumed from the start of {@code topic}. */
    static double consume(Launcher launcher, String bootstrap, String topic, long records) throws InterruptedException {
        List<String> out = run(launcher, "org.apache.kafka.tools.ConsumerPerformance", List.of(
                "--bootstrap-server", bootstrap, "--topic", topic, "--num-records", Long.toString(records),
                "--hide-header", "--timeout", "60000"));
        for (int i = out.size() - 1; i >= 0; i--) {
            String[] fields = out.get(i).split(",");
            if (fields.length >= 6 && fields[5].trim().matches("[0-9.]+")) {
                return Double.parseDouble(fields[5].trim()); // nMsg.sec
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no summary:\n" + String.join("\n", out));
    }

    private static List<String> run(Launcher launcher, String mainClass, List<String> args) throws InterruptedException {
        try (ChildProcess tool = launcher.start(mainClass.substring(mainClass.lastIndexOf('.') + 1), mainClass, args)) {
            int code = tool.awaitExit(TOOL_TIMEOUT);
            if (code != 0) {
                throw new IllegalStateException(mainClass + " exited " + code + ":\n" + String.join("\n", tool.output()));
            }
            return tool.output();
        }
    }
}
