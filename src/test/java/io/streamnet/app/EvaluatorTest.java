package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamnet.data.Dataset;
import io.streamnet.data.Prediction;
import io.streamnet.data.Sample;
import io.streamnet.serde.PredictionJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final String TOPIC = "predictions";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final Evaluator evaluator = new Evaluator(Map.of("a", 1, "b", 2));

    /** A topic with an earlier run's predictions (wrong) and then a later run's (right) for the same two ids. */
    private void givenTwoRuns() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 4L));
        // one run per poll: the first poll alone already has a prediction for every id
        consumer.schedulePollTask(() -> {
            consumer.addRecord(prediction(0, "a", 7));
            consumer.addRecord(prediction(1, "b", 7));
        });
        consumer.schedulePollTask(() -> {
            consumer.addRecord(prediction(2, "a", 1));
            consumer.addRecord(prediction(3, "b", 2));
        });
    }

    @Test
    void shouldReadToTheEndOfTheTopicSoThatTheLatestPredictionOfEveryIdCounts() {
        givenTwoRuns();

        Evaluator.Evaluation result = evaluator.run(consumer, TOPIC, 0, Duration.ofSeconds(5), quietProgress());

        assertThat(result.accuracy()).isEqualTo(1.0);
        assertThat(result.predicted()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void shouldLeaveOutPredictionsOfImagesStampedBeforeSince() {
        givenTwoRuns();

        Evaluator.Evaluation result = evaluator.run(consumer, TOPIC, 2, Duration.ofSeconds(5), quietProgress());

        assertThat(result.accuracy()).isEqualTo(1.0);
        assertThat(result.duplicates()).isZero();
    }

    @Test
    void shouldNameTheTopicWhenItDoesNotExist() {
        assertThatThrownBy(() -> evaluator.run(consumer, "no-such-topic", 0, Duration.ofSeconds(1), quietProgress()))
                .isInstanceOf(CommandFailure.class)
                .hasMessage("there is no topic 'no-such-topic' to read predictions from; check --topic (the service's "
                        + "--predictions-topic)");
    }

    @Test
    void shouldSaySoPlainlyWhenNoIdWasPredicted() {
        Map<String, Integer> truth = new LinkedHashMap<>();
        truth.put("test-9", 1);
        truth.put("test-10", 2);
        Evaluator.Evaluation result = Evaluator.Evaluation.of(truth, Map.of(), 0, 0);

        // Then the examples come in the file's order
        assertThat(result.report()).isEqualTo("no predictions for any of the 2 ids, e.g. test-9, test-10 (image i of a file has "
                + "the id <prefix>i; --id-prefix sets the prefix)" + System.lineSeparator());
    }

    /** The prediction at {@code offset}, for an input record stamped {@code offset} (ms). */
    private static ConsumerRecord<String, byte[]> prediction(long offset, String id, int digit) {
        double[] probabilities = new double[Prediction.DIGITS];
        probabilities[digit] = 1.0;
        return new ConsumerRecord<>(TOPIC, 0, offset, id,
                PredictionJson.encode(new Prediction(id, digit, probabilities, 1, offset)));
    }

    private static Progress quietProgress() {
        return Progress.start(new PrintWriter(new StringWriter()), "predictions", 2, false);
    }

    @Test
    void shouldExpectTheImagesThatSkipAndLimitChooseAsProduceDoes() {
        assertThat(Evaluator.of(Dataset.sample(Sample.TEST), 100, 50).expected()).isEqualTo(50);
        assertThat(Evaluator.of(Dataset.sample(Sample.TEST), 1_990, 50).expected()).isEqualTo(10);
        assertThat(Evaluator.of(Dataset.sample(Sample.TEST)).expected()).isEqualTo(2_000);
    }
}
