package io.streamnet.streams;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Image;
import io.streamnet.model.Model;
import io.streamnet.serde.ImageSerde;
import io.streamnet.serde.RecordValidator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The service's topology, in the order records flow:
 * <pre>
 *  images ─► validate ─► bad ─────────────────────────────────────────────► images.dlq
 *                 ├─► labelled ─► one key, ONE partition ─► train ─► snapshots ─► model
 *                 │                                           └──► refused batches ─► images.dlq
 *                 └─► unlabelled ─► predict (newest model) ─────────────────────► predictions
 *  model ─► global store "latest-model" on every instance (read by predict)
 * </pre>
 */
public final class StreamnetTopology {
    private StreamnetTopology() {
    }

    public static Topology build(StreamnetConfig config, StreamObserver observer) {
        // the service's own properties, so that the builder does not judge the topology by Kafka's defaults
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsProperties.of(config))));
        ImageSerde images = new ImageSerde();

        // the newest model snapshot, on every instance
        builder.globalTable(config.modelTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Materialized.<String, byte[]>as(Stores.inMemoryKeyValueStore(StoreNames.LATEST_MODEL))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        // the trainer's pending batch and model, changelogged and cached until each commit
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.TRAINING_BATCH), Serdes.Long(), images).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.TRAINING_MODEL), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());

        // images → validate: raw bytes in, so no record can fail deserialization
        RecordValidator validator = new RecordValidator(config.maxRecordBytes());
        KStream<Bytes, Checked> checked = builder
                .stream(config.inputTopic(), Consumed.with(Serdes.Bytes(), Serdes.ByteArray()).withName("images"))
                .process(() -> new ValidateProcessor(validator, observer), Named.as("validate"));

        // bad → dead letters, original key and value, reason in headers
        checked.filter((key, c) -> c.isRejected(), Named.as("rejected"))
                .mapValues(Checked::rejectedValue, Named.as("original-value"))
                .to(config.deadLetterTopic(), Produced.with(Serdes.Bytes(), Serdes.ByteArray()).withName("dead-letters"));
        KStream<Bytes, Image> accepted = checked.filterNot((key, c) -> c.isRejected(), Named.as("accepted"))
                .mapValues(Checked::image, Named.as("image"));

        // labelled → one key → ONE partition: exactly one task trains the one model
        KStream<String, TrainerOutput> trained = accepted.filter((key, image) -> image.isLabelled(), Named.as("labelled"))
                .selectKey((key, image) -> StoreNames.TRAINER_KEY, Named.as("to-trainer"))
                .repartition(Repartitioned.with(Serdes.ByteArray(), images)
                        .withName(StoreNames.TRAINING_REPARTITION).withNumberOfPartitions(1))
                .process(() -> new TrainProcessor(config, observer), Named.as("train"),
                        StoreNames.TRAINING_BATCH, StoreNames.TRAINING_MODEL);
        // snapshots → the compacted model topic; images of refused batches → dead letters
        trained.filter((key, out) -> out.isSnapshot(), Named.as("snapshots"))
                .mapValues(TrainerOutput::value, Named.as("snapshot-bytes"))
                .to(config.modelTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("model"));
        trained.filterNot((key, out) -> out.isSnapshot(), Named.as("refused"))
                .mapValues(TrainerOutput::value, Named.as("refused-image"))
                .to(config.deadLetterTopic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("refused-dead-letters"));

        // unlabelled → predict with the newest model
        Model initial = initialModel(config);
        accepted.filterNot((key, image) -> image.isLabelled(), Named.as("unlabelled"))
                .process(() -> new PredictProcessor(initial, observer), Named.as("predict"))
                .to(config.predictionsTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("predictions"));

        return builder.build();
    }

    /** Version 0 of the configured model: what the trainer starts from and what predictions use before a snapshot. */
    public static Model initialModel(StreamnetConfig config) {
        return Model.initial(config.hyperparameters(), config.accuracyWindow());
    }
}
