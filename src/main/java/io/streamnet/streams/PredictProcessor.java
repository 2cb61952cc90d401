package io.streamnet.streams;

import io.streamnet.data.Image;
import io.streamnet.data.Prediction;
import io.streamnet.model.Model;
import io.streamnet.nn.Batch;
import io.streamnet.nn.Network;
import io.streamnet.nn.Workspace;
import io.streamnet.serde.ModelCodec;
import io.streamnet.serde.PredictionJson;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores unlabelled images with the newest model snapshot in the global store (every instance has
 * one, so predictions scale with the input partitions). Before any snapshot exists it uses version 0,
 * which every instance derives from the same hyperparameters and seed as the trainer.
 */
final class PredictProcessor extends ContextualProcessor<Bytes, Image, String, byte[]> {
    /** How often the global store is looked at for a newer snapshot; snapshots come at most once a second. */
    static final long REFRESH_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(PredictProcessor.class);

    private final Model initial;
    private final StreamObserver observer;
    private final Batch one = new Batch(1);
    private TimestampedKeyValueStore<String, byte[]> latest;
    private Workspace workspace;
    private Model model;
    private byte[] modelBytes;
    private long checkedAt; // epoch ms; 0 makes the first image look

    PredictProcessor(Model initial, StreamObserver observer) {
        this.initial = initial;
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        super.init(context);
        latest = context.getStateStore(StoreNames.LATEST_MODEL);
        model = initial;
        workspace = new Workspace(initial.hyperparameters().hidden(), 1);
    }

    @Override
    public void process(Record<Bytes, Image> record) {
        Image image = record.value();
        Network net = newestModel().network();
        one.clear();
        one.add(image.pixels(), Image.NO_LABEL);
        workspace.forward(net, one);
        double[] probabilities = new double[Network.OUTPUTS];
        for (int d = 0; d < probabilities.length; d++) {
            probabilities[d] = workspace.probability(0, d);
        }
        Prediction prediction = new Prediction(image.id(), workspace.prediction(0), probabilities, model.version(),
                record.timestamp());
        context().forward(new Record<>(image.id(), PredictionJson.encode(prediction), record.timestamp(),
                record.headers()));
        observer.predicted(context().currentSystemTimeMs() - record.timestamp());
    }

    private Model newestModel() {
        long now = context().currentSystemTimeMs();
        if (now - checkedAt >= REFRESH_MILLIS) {
            checkedAt = now;
            ValueAndTimestamp<byte[]> stored = latest.get(StoreNames.MODEL_KEY);
            if (stored != null && !Arrays.equals(stored.value(), modelBytes)) {
                modelBytes = stored.value();
                install(modelBytes);
            }
        }
        return model;
    }

    private void install(byte[] bytes) {
        try {
            Model decoded = ModelCodec.decode(bytes);
            if (decoded.hyperparameters().hidden() != workspace.hidden()) {
                workspace = new Workspace(decoded.hyperparameters().hidden(), 1);
            }
            model = decoded;
        } catch (IllegalArgumentException e) {
            // something other than the trainer wrote to the model topic: keep serving the model we have
            LOG.error("ignoring an unreadable snapshot on the model topic, still serving version {}: {}",
                    model.version(), e.getMessage());
        }
    }
}
