package io.streamnet.streams;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Image;
import io.streamnet.model.Model;
import io.streamnet.model.Trainer;
import io.streamnet.serde.DeadLetter;
import io.streamnet.serde.ImageBinary;
import io.streamnet.serde.ModelCodec;
import io.streamnet.serde.RejectReason;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the one model, test-then-train, a mini-batch at a time.
 * <p><b>Correct only as the single task that sees every labelled image:</b> the topology re-keys
 * them all to one key and repartitions them to ONE partition, because a state store belongs to one
 * task and there is one model.
 * <p>Both the pending images and the model live in state stores, written before the input offset
 * commits (exactly-once: together), so a crash, restart or rebalance neither loses nor repeats an
 * image. Snapshots go to the model topic on a wall-clock schedule, at most one per interval.
 */
final class TrainProcessor extends ContextualProcessor<byte[], Image, String, TrainerOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainProcessor.class);

    private final StreamnetConfig config;
    private final StreamObserver observer;
    private KeyValueStore<String, byte[]> trainerStore;
    private Trainer trainer;
    private BatchBuffer buffer;
    private long firstPendingAt;
    private long publishedVersion = -1;
    private byte[] modelBytes;

    TrainProcessor(StreamnetConfig config, StreamObserver observer) {
        this.config = config;
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, TrainerOutput> context) {
        super.init(context);
        trainerStore = context.getStateStore(StoreNames.TRAINING_MODEL);
        trainer = new Trainer(loadModel(), config.batchSize());
        KeyValueStore<Long, Image> slots = context.getStateStore(StoreNames.TRAINING_BATCH);
        buffer = BatchBuffer.restore(slots, trainerStore, config.batchSize());
        firstPendingAt = context.currentSystemTimeMs();
        if (buffer.size() > 0) {
            LOG.info("trainer resumes with {} images waiting for a batch", buffer.size());
        }
        observer.pending(buffer.size()); // what a restart or a rebalance handed this instance
        observer.training(true);
        Duration publish = config.modelPublishInterval();
        context.schedule(publish, PunctuationType.WALL_CLOCK_TIME, this::publish);
        Duration wait = config.batchMaxWait();
        if (!wait.isZero()) {
            context.schedule(wait.dividedBy(4).compareTo(Duration.ofMillis(10)) > 0 ? wait.dividedBy(4)
                    : Duration.ofMillis(10), PunctuationType.WALL_CLOCK_TIME, this::flushIfWaitedTooLong);
        }
    }

    @Override
    public void process(Record<byte[], Image> record) {
        if (buffer.size() == 0) {
            firstPendingAt = context().currentSystemTimeMs();
        }
        // the image's offset in the single-partition repartition topic: unique, ordered, and the same on a replay
        buffer.add(context().recordMetadata().orElseThrow().offset(), record.value());
        while (buffer.size() >= config.batchSize()) {
            trainPending(record.timestamp());
        }
        observer.pending(buffer.size());
    }

    /** Trains the oldest pending images (a full batch, or all of them when fewer) and removes them from the buffer. */
    private void trainPending(long timestamp) {
        int m = Math.min(buffer.size(), config.batchSize());
        for (int j = 0; j < m; j++) {
            Image image = buffer.image(j);
            trainer.batch().add(image.pixels(), image.label());
        }
        long start = System.nanoTime();
        Trainer.Step step = trainer.train();
        observer.trained(step, System.nanoTime() - start);
        if (step.applied()) {
            modelBytes = ModelCodec.encode(trainer.model());
            trainerStore.put(StoreNames.MODEL_KEY, modelBytes);
        } else {
            refuse(m, step, timestamp);
        }
        buffer.removeFirst(m);
        firstPendingAt = context().currentSystemTimeMs();
    }

    private void refuse(int m, Trainer.Step step, long timestamp) {
        String message = "training step refused: it would make the weights or the loss non-finite (loss " + step.loss()
                + "); the model stays at version " + trainer.model().version();
        LOG.warn("{} images: {}", m, message);
        String topic = StoreNames.trainingTopic(context().applicationId());
        for (int j = 0; j < m; j++) {
            Image image = buffer.image(j);
            DeadLetter letter = new DeadLetter(RejectReason.NON_FINITE_STEP, message, topic, 0, buffer.offset(j));
            context().forward(new Record<>(image.id(), TrainerOutput.deadLetter(ImageBinary.encode(image)),
                    timestamp, letter.toHeaders()));
            observer.rejected(RejectReason.NON_FINITE_STEP);
        }
    }

    private void publish(long now) {
        if (trainer.model().version() != publishedVersion) {
            publishedVersion = trainer.model().version();
            context().forward(new Record<>(StoreNames.MODEL_KEY, TrainerOutput.snapshot(modelBytes), now,
                    new RecordHeaders()));
        }
    }

    /** The task left this instance (rebalance, shutdown): its batch buffer is no longer pending here. */
    @Override
    public void close() {
        observer.pending(0); // the buffer leaves with the task
        observer.training(false);
    }

    private void flushIfWaitedTooLong(long now) {
        if (buffer.size() > 0 && now - firstPendingAt >= config.batchMaxWait().toMillis()) {
            trainPending(now);
            observer.pending(buffer.size());
        }
    }

    private Model loadModel() {
        byte[] stored = trainerStore.get(StoreNames.MODEL_KEY);
        if (stored == null) {
            Model initial = StreamnetTopology.initialModel(config);
            modelBytes = ModelCodec.encode(initial);
            trainerStore.put(StoreNames.MODEL_KEY, modelBytes);
            LOG.info("trainer starts a new model: {}", initial);
            return initial;
        }
        modelBytes = stored;
        Model model = ModelCodec.decode(stored);
        if (!model.hyperparameters().equals(config.hyperparameters())) {
            LOG.warn("the stored model was made with {}; configured {} apply only after an application reset",
                    model.hyperparameters(), config.hyperparameters());
        }
        LOG.info("trainer resumes {}", model);
        return model;
    }

}
