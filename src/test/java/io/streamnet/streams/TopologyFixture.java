package io.streamnet.streams;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.data.SampleImages;
import io.streamnet.model.Model;
import io.streamnet.serde.ImageBinary;
import io.streamnet.serde.ModelCodec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The whole topology under a {@link TopologyTestDriver}, with its topics at hand. */
final class TopologyFixture implements AutoCloseable {
    final StreamnetConfig config;
    final RecordingObserver observer = new RecordingObserver();
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> images;
    final TestOutputTopic<String, byte[]> predictions;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    final TestOutputTopic<String, byte[]> models;
    private final TestInputTopic<String, byte[]> modelsIn;

    /** Settings are STREAMNET_* names without the prefix, e.g. "BATCH_SIZE", "4"; the state lives in {@code stateDir}. */
    TopologyFixture(Path stateDir, String... settings) {
        Map<String, String> env = new HashMap<>();
        env.put("STREAMNET_STATE_DIR", stateDir.toString());
        for (int i = 0; i < settings.length; i += 2) {
            env.put("STREAMNET_" + settings[i], settings[i + 1]);
        }
        config = StreamnetConfig.from(env);
        Properties props = StreamsProperties.of(config);
        driver = new TopologyTestDriver(StreamnetTopology.build(config, observer), props);
        images = driver.createInputTopic(config.inputTopic(), new StringSerializer(), new ByteArraySerializer());
        predictions = driver.createOutputTopic(config.predictionsTopic(), new StringDeserializer(),
                new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(config.deadLetterTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        models = driver.createOutputTopic(config.modelTopic(), new StringDeserializer(), new ByteArrayDeserializer());
        modelsIn = driver.createInputTopic(config.modelTopic(), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Delivers a published snapshot to the global store, as the broker would (the test driver does not feed
     * a topology's output back into its global tables), then lets the predictor's refresh interval pass.
     */
    void deliver(byte[] snapshot) {
        modelsIn.pipeInput(StoreNames.MODEL_KEY, snapshot);
        driver.advanceWallClockTime(java.time.Duration.ofMillis(PredictProcessor.REFRESH_MILLIS));
    }

    void send(Image image) {
        images.pipeInput(image.id(), ImageBinary.encode(image));
    }

    void sendAll(List<Image> all) {
        all.forEach(this::send);
    }

    /** The model in the trainer's state store. */
    Model trainedModel() {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(StoreNames.TRAINING_MODEL);
        return ModelCodec.decode(store.get(StoreNames.MODEL_KEY));
    }

    long pendingImages() {
        return BatchBuffer.pending(driver.getKeyValueStore(StoreNames.TRAINING_MODEL));
    }

    @Override
    public void close() {
        driver.close();
    }

    /** The first {@code count} images of a bundled sample. */
    static List<Image> sample(Sample which, int count) {
        return SampleImages.first(which, count);
    }
}
