package io.streamnet.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.model.Model;
import io.streamnet.serde.ImageSerde;
import io.streamnet.serde.ModelCodec;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The trainer alone: a restart means a new processor over the same stores — what Kafka Streams hands a
 * task after a crash, a rebalance or a clean restart, once the changelogs are restored.
 */
class TrainProcessorTest {
    private final StreamnetConfig config = StreamnetConfig.from(Map.of("STREAMNET_BATCH_SIZE", "4"));
    // the service's own Kafka Streams properties (Kafka's defaults would warn about the global handler)
    private final MockProcessorContext<String, TrainerOutput> context =
            new MockProcessorContext<>(StreamsProperties.of(config));
    private final KeyValueStore<Long, Image> batch = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreNames.TRAINING_BATCH), Serdes.Long(), new ImageSerde())
            .withLoggingDisabled().build();
    private final KeyValueStore<String, byte[]> model = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreNames.TRAINING_MODEL), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled().build();

    TrainProcessorTest() {
        context.setCurrentSystemTimeMs(0L);
        batch.init(context.getStateStoreContext(), batch);
        model.init(context.getStateStoreContext(), model);
        context.addStateStore(batch);
        context.addStateStore(model);
    }

    @Test
    void shouldResumeTheBufferAndTheWeightsWhenRestartedMidBatch() {
        List<Image> images = TopologyFixture.sample(Sample.TRAIN, 12);
        // Given a trainer stopped after one batch with two images waiting
        stoppedAfter(images, 6);
        assertThat(BatchBuffer.pending(model)).isEqualTo(2);
        // When a new trainer starts on the same stores and the rest arrives
        TrainProcessor second = started();
        feed(second, images, 6, 12);
        // Then nothing was lost or trained twice: the model equals an uninterrupted run
        assertTrainedAsUninterrupted(images, 4, 3);
    }

    @Test
    void shouldTrainWhatWaitsWhenRestartedWithASmallerBatch() {
        List<Image> images = TopologyFixture.sample(Sample.TRAIN, 4);
        // Given a trainer of batches of 4 stopped with three images waiting
        stoppedAfter(images, 3);
        // When it restarts with batches of 2 and one more image arrives
        TrainProcessor second = started(StreamnetConfig.from(Map.of("STREAMNET_BATCH_SIZE", "2")), StreamObserver.NONE);
        feed(second, images, 3, 4);
        // Then the four images made two batches of two, in their order, and none waits
        assertTrainedAsUninterrupted(images, 2, 2);
    }

    @Test
    void shouldCreateVersionZeroOnFirstStartAndPublishIt() {
        TrainProcessor trainer = started();
        assertThat(ModelCodec.decode(model.get(StoreNames.MODEL_KEY)))
                .isEqualTo(StreamnetTopology.initialModel(config));
        // the wall-clock punctuator publishes the first snapshot
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(1_000L);
        List<MockProcessorContext.CapturedForward<? extends String, ? extends TrainerOutput>> out = context.forwarded();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).record().value().isSnapshot()).isTrue();
        assertThat(ModelCodec.version(out.get(0).record().value().value())).isZero();
        trainer.close();
    }

    @Test
    void shouldReportTheRestoredBufferOnStartAndNoneOnceTheTaskLeaves() {
        // Given a trainer stopped with two images waiting for a batch
        stoppedAfter(TopologyFixture.sample(Sample.TRAIN, 6), 6);
        RecordingObserver observer = new RecordingObserver();

        // When the task starts again (a restart, or a rebalance that brings it here), before any new image
        TrainProcessor second = started(observer);

        // Then the pending gauge shows the restored images at once ...
        assertThat(observer.pending).isEqualTo(2);

        // ... and none once the task leaves this instance, so that no other instance's buffer is counted twice
        second.close();
        assertThat(observer.pending).isZero();
    }

    private TrainProcessor started() {
        return started(StreamObserver.NONE);
    }

    private TrainProcessor started(StreamObserver observer) {
        return started(config, observer);
    }

    private TrainProcessor started(StreamnetConfig settings, StreamObserver observer) {
        TrainProcessor processor = new TrainProcessor(settings, observer);
        processor.init(context);
        return processor;
    }

    /** A trainer of the default settings took the first {@code count} images, then its task closed. */
    private void stoppedAfter(List<Image> images, int count) {
        TrainProcessor processor = started();
        feed(processor, images, 0, count);
        processor.close();
    }

    private void feed(TrainProcessor processor, List<Image> images, int from, int to) {
        String topic = StoreNames.trainingTopic(config.applicationId());
        for (int i = from; i < to; i++) {
            context.setRecordMetadata(topic, 0, 100 + 2L * i); // offsets need not be contiguous (transaction markers)
            processor.process(new Record<>(StoreNames.TRAINER_KEY, images.get(i), 0L));
        }
    }

    /** The stored model took {@code versions} steps over all {@code images}, as one trainer of that batch size would. */
    private void assertTrainedAsUninterrupted(List<Image> images, int batchSize, int versions) {
        Model resumed = ModelCodec.decode(model.get(StoreNames.MODEL_KEY));
        assertThat(resumed.version()).isEqualTo(versions);
        assertThat(resumed.imagesTrained()).isEqualTo(images.size());
        assertThat(BatchBuffer.pending(model)).isZero();
        assertThat(resumed).isEqualTo(uninterrupted(images, batchSize));
    }

    private Model uninterrupted(List<Image> images, int batchSize) {
        io.streamnet.model.Trainer trainer = new io.streamnet.model.Trainer(StreamnetTopology.initialModel(config),
                batchSize);
        for (Image image : images) {
            trainer.batch().add(image.pixels(), image.label());
            if (trainer.batch().isFull()) {
                trainer.train();
            }
        }
        return trainer.model();
    }
}
