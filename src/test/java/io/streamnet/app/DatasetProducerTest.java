package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamnet.data.Dataset;
import io.streamnet.data.DatasetException;
import io.streamnet.data.Image;
import io.streamnet.data.ImageReader;
import io.streamnet.data.Sample;
import io.streamnet.serde.ImageEncoding;
import io.streamnet.serde.RecordValidator;
import io.streamnet.serde.Validation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class DatasetProducerTest {
    private static final String TOPIC = "images";
    private final StringWriter shown = new StringWriter();

    private DatasetProducer.Result run(MockProducer<String, byte[]> producer, Dataset dataset,
                                       DatasetProducer.Plan plan) throws InterruptedException {
        DatasetProducer sender = new DatasetProducer(producer, TOPIC, "localhost:9092", Pacer.of(0),
                total -> new Progress(new PrintWriter(shown), "images", total, false, System::nanoTime, 0));
        return sender.run(dataset, plan);
    }

    private static DatasetProducer.Plan plan(long skip, long limit, int epochs) {
        return new DatasetProducer.Plan(skip, limit, epochs, false, ImageEncoding.BINARY);
    }

    @Test
    void shouldSendEveryImageOfTheSampleKeyedByIdAsBinary() throws InterruptedException {
        // Given the 2,000-image test sample and a producer that acknowledges everything
        MockProducer<String, byte[]> producer = MockProducers.acking(TOPIC);

        // When all of it is produced
        DatasetProducer.Result result = run(producer, Dataset.sample(Sample.TEST), plan(0, Long.MAX_VALUE, 1));

        // Then 2,000 records went to the topic, key = id, each value validating back to the file's image
        assertThat(result.sent()).isEqualTo(2_000);
        assertThat(result.failed()).isZero();
        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSize(2_000).allMatch(r -> r.topic().equals(TOPIC));
        try (ImageReader reader = Dataset.sample(Sample.TEST).open()) {
            for (ProducerRecord<String, byte[]> record : sent) {
                Image expected = reader.next();
                assertThat(record.key()).isEqualTo(expected.id());
                assertThat(validate(record)).isEqualTo(new Validation.Accepted(expected));
            }
        }
        assertThat(shown.toString().lines().reduce((first, last) -> last)).hasValueSatisfying(
                line -> assertThat(line).startsWith("2,000/2,000 images (100%)"));
    }

    @Test
    void shouldSkipThenLimitInEveryEpochAndRepeatTheSameIds() throws InterruptedException {
        MockProducer<String, byte[]> producer = MockProducers.acking(TOPIC);

        DatasetProducer.Result result = run(producer, Dataset.sample(Sample.TEST), plan(10, 3, 2));

        assertThat(result.sent()).isEqualTo(6);
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactly("test-10", "test-11", "test-12", "test-10", "test-11", "test-12");
    }

    @Test
    void shouldSendNothingWhenSkippingPastTheEnd() throws InterruptedException {
        MockProducer<String, byte[]> producer = MockProducers.acking(TOPIC);

        DatasetProducer.Result result = run(producer, Dataset.sample(Sample.TEST), plan(5_000, Long.MAX_VALUE, 3));

        assertThat(result.sent()).isZero();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldStripLabelsAndEncodeAsJsonWhenAsked() throws InterruptedException {
        MockProducer<String, byte[]> producer = MockProducers.acking(TOPIC);
        DatasetProducer.Plan plan = new DatasetProducer.Plan(0, 5, 1, true, ImageEncoding.JSON);

        run(producer, Dataset.sample(Sample.TRAIN).withIdPrefix("u-"), plan);

        assertThat(producer.history()).hasSize(5).allSatisfy(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{\"id\":\"u-");
            Validation validation = validate(record);
            assertThat(validation).isInstanceOf(Validation.Accepted.class);
            assertThat(((Validation.Accepted) validation).image().isLabelled()).isFalse();
        });
    }

    @Test
    void shouldCountFailuresAndStopSendingAfterTheFirst() throws InterruptedException {
        // Given a producer whose deliveries fail from the 100th record on, as when the broker goes away
        MockProducer<String, byte[]> producer = MockProducers.failingFrom(TOPIC, 100, new TimeoutException("expired"));

        // When the whole training sample is produced
        DatasetProducer.Result result = run(producer, Dataset.sample(Sample.TRAIN), plan(0, Long.MAX_VALUE, 1));

        // Then 100 were delivered, one failed, nothing more was attempted, and the error is kept for the summary
        assertThat(result.sent()).isEqualTo(100);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(producer.history()).hasSize(101);
        assertThat(result.firstError()).isEqualTo("TimeoutException: expired");
    }

    @Test
    void shouldFailWithOneLineWhenTheTopicMetadataNeverArrives() {
        MockProducer<String, byte[]> producer = MockProducers.acking(TOPIC);
        producer.partitionsForException = new TimeoutException("Topic images not present in metadata after 10000 ms.");

        assertThatThrownBy(() -> run(producer, Dataset.sample(Sample.TEST), plan(0, 1, 1)))
                .isInstanceOf(CommandFailure.class)
                .hasMessage("no metadata for topic 'images' from Kafka at localhost:9092 (Topic images not present in"
                        + " metadata after 10000 ms.): with no broker there, start one with 'streamnet broker' or point"
                        + " --bootstrap-servers at yours; with no such topic, start 'streamnet serve' (it creates its"
                        + " topics) or check --topic");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldReportAMissingFileBeforeAskingTheBroker() {
        MockProducer<String, byte[]> producer = MockProducers.acking(TOPIC);
        producer.partitionsForException = new IllegalStateException("the broker must not be asked");

        assertThatThrownBy(() -> run(producer, Dataset.idx(Path.of("missing-images.gz"), null), plan(0, 1, 1)))
                .isInstanceOf(DatasetException.class).hasMessage("missing-images.gz: no such file");
    }

    @Test
    void shouldKnowTheTotalFromTheHeaderSkipLimitAndEpochs() {
        assertThat(plan(100, 50, 3).total(OptionalLong.of(120))).hasValue(60);
        assertThat(plan(0, Long.MAX_VALUE, 2).total(OptionalLong.of(8_000))).hasValue(16_000);
        assertThat(plan(0, 10, 1).total(OptionalLong.empty())).isEmpty();
    }

    private static Validation validate(ProducerRecord<String, byte[]> record) {
        return new RecordValidator(65_536).validate(record.key().getBytes(StandardCharsets.UTF_8), record.value());
    }
}
