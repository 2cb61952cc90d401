package io.streamnet.bench;

import io.streamnet.data.Prediction;
import io.streamnet.serde.PredictionJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads predictions as a client would (read_committed) and records, for each, the time from its input record's
 * timestamp to its arrival here.
 */
final class LatencyProbe implements Runnable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private long[] latencies = new long[1 << 16];
    private long[] arrivals = new long[1 << 16];
    private int count;

    LatencyProbe(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before any prediction exists
    }

    @Override
    public void run() {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    Prediction p = PredictionJson.decode(record.value());
                    long now = System.currentTimeMillis();
                    record(now, now - p.inputTimestamp());
                }
            }
        }
    }

    private synchronized void record(long arrival, long millis) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
            arrivals = Arrays.copyOf(arrivals, count * 2);
        }
        arrivals[count] = arrival;
        latencies[count++] = millis;
    }

    void stop() {
        running.set(false);
    }

    /**
     * For the predictions received {@code from} (inclusive) to {@code to} (exclusive), in order of arrival: how many,
     * and p50, p99 and max in milliseconds (−1 when there are none).
     */
    synchronized long[] summary(int from, int to) {
        return percentiles(Arrays.copyOfRange(latencies, Math.min(from, count), Math.min(to, count)));
    }

    /** {@link #summary} of each second of arrivals, counted from the first prediction's. */
    synchronized List<long[]> bySecond() {
        List<long[]> seconds = new ArrayList<>();
        int start = 0;
        while (start < count) {
            long end = arrivals[0] + (seconds.size() + 1) * 1000L;
            int next = start;
            while (next < count && arrivals[next] < end) {
                next++;
            }
            seconds.add(summary(start, next));
            start = next;
        }
        return seconds;
    }

    private static long[] percentiles(long[] sorted) {
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new long[] {0, -1, -1, -1};
        }
        return new long[] {sorted.length, sorted[(int) (sorted.length * 0.50)], sorted[(int) Math.min(sorted.length - 1,
                Math.ceil(sorted.length * 0.99) - 1)], sorted[sorted.length - 1]};
    }
}
