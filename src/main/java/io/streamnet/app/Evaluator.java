package io.streamnet.app;

import io.streamnet.data.Dataset;
import io.streamnet.data.Image;
import io.streamnet.data.ImageReader;
import io.streamnet.data.Prediction;
import io.streamnet.serde.PredictionJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Joins the predictions topic with the ground truth of a dataset by image id: reads the topic from the
 * beginning, at least to the end it had when reading began, and on until every expected id has a prediction or
 * the time is up; the latest prediction of an id counts.
 */
final class Evaluator {
    private final Map<String, Integer> truth;

    Evaluator(Map<String, Integer> truth) {
        this.truth = truth;
    }

    /** The labels of a labelled dataset, by id. */
    static Evaluator of(Dataset dataset) {
        return of(dataset, 0, Long.MAX_VALUE);
    }

    /** The labels of images {@code skip} to {@code skip + limit - 1} of a labelled dataset, by id. */
    static Evaluator of(Dataset dataset, long skip, long limit) {
        Map<String, Integer> truth = new LinkedHashMap<>(); // in file order, for the examples of missing ids
        try (ImageReader images = dataset.open()) {
            for (long i = 0; i < skip && images.hasNext(); i++) {
                images.next();
            }
            for (long n = 0; n < limit && images.hasNext(); n++) {
                Image image = images.next();
                if (!image.isLabelled()) {
                    throw new CommandFailure(dataset.name() + " has no labels to evaluate against");
                }
                truth.put(image.id(), image.label());
            }
        }
        return new Evaluator(truth);
    }

    int expected() {
        return truth.size();
    }

    /**
     * How long {@link #run} waits for the topic's metadata: no longer than the service waits for a broker, so that
     * an unreachable one is reported as soon, not at the end of the whole timeout.
     */
    static Duration reach(Duration timeout) {
        return Duration.ofSeconds(Math.min(timeout.toSeconds(), Topics.REACH_SECONDS));
    }

    /**
     * Reads predictions with {@code consumer} (assigned here to every partition of {@code topic}, from the start),
     * keeping those for input records stamped at or after {@code since} (epoch ms): at least up to the end the topic
     * had when reading began, so that the latest prediction of every id counts, then on until every expected id has
     * one or the time is up.
     */
    Evaluation run(Consumer<String, byte[]> consumer, String topic, long since, Duration timeout, Progress progress) {
        List<PartitionInfo> found = consumer.partitionsFor(topic, reach(timeout));
        if (found == null || found.isEmpty()) {
            throw new CommandFailure("there is no topic '" + topic + "' to read predictions from; check --topic "
                    + "(the service's --predictions-topic)");
        }
        List<TopicPartition> partitions = found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
        Map<String, Prediction> latest = new HashMap<>();
        long duplicates = 0;
        long unreadable = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((latest.size() < truth.size() || !reached(consumer, end)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Prediction p;
                try {
                    p = PredictionJson.decode(record.value());
                } catch (SerializationException | IllegalArgumentException e) {
                    unreadable++;
                    continue;
                }
                if (p.inputTimestamp() >= since && truth.containsKey(p.id()) && latest.put(p.id(), p) != null) {
                    duplicates++;
                }
            }
            progress.update(latest.size());
        }
        progress.finish(latest.size());
        return Evaluation.of(truth, latest, duplicates, unreadable);
    }

    /**
     * True once the consumer's position has passed {@code end} in every partition (those reached are dropped from
     * it). A read_committed consumer's position can stop short of an end offset only while a transaction is open.
     */
    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        return end.isEmpty();
    }

    /** What came out: accuracy over the predicted ids, the confusion matrix, and what is missing or doubled. */
    record Evaluation(int expected, int predicted, int correct, long[][] confusion, List<String> missing,
                      long duplicates, long unreadable) {
        static Evaluation of(Map<String, Integer> truth, Map<String, Prediction> predictions, long duplicates,
                             long unreadable) {
            long[][] confusion = new long[10][10];
            int correct = 0;
            for (Prediction p : predictions.values()) {
                int label = truth.get(p.id());
                confusion[label][p.digit()]++;
                correct += label == p.digit() ? 1 : 0;
            }
            List<String> missing = truth.keySet().stream().filter(id -> !predictions.containsKey(id)).toList();
            return new Evaluation(truth.size(), predictions.size(), correct, confusion, missing, duplicates, unreadable);
        }

        double accuracy() {
            return predicted == 0 ? Double.NaN : (double) correct / predicted;
        }

        String report() {
            if (predicted == 0) {
                return String.format(java.util.Locale.ROOT, "no predictions for any of the %,d ids, e.g. %s (image i of "
                        + "a file has the id <prefix>i; --id-prefix sets the prefix)%n", expected, missingExamples());
            }
            StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "accuracy %.4f (%,d of %,d predicted right; %,d of %,d ids predicted)%n", accuracy(), correct,
                    predicted, predicted, expected));
            out.append("confusion matrix (rows: true digit, columns: predicted digit)\n     ");
            for (int d = 0; d < 10; d++) {
                out.append(String.format("%6d", d));
            }
            for (int t = 0; t < 10; t++) {
                out.append(String.format("%n%5d", t));
                for (int d = 0; d < 10; d++) {
                    out.append(String.format("%6d", confusion[t][d]));
                }
            }
            out.append('\n');
            if (!missing.isEmpty()) {
                out.append(String.format("%,d ids have no prediction, e.g. %s%n", missing.size(), missingExamples()));
            }
            if (duplicates > 0) {
                out.append(String.format("%,d predictions repeated an id already predicted (the last one counts)%n",
                        duplicates));
            }
            return out.toString();
        }

        private String missingExamples() {
            return String.join(", ", missing.subList(0, Math.min(10, missing.size())));
        }
    }
}
