package io.streamnet.streams;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.serde.ModelCodec;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** The Kafka Streams properties of the service, from its settings; {@code STREAMNET_KAFKA_*} entries override any of them. */
public final class StreamsProperties {
    private StreamsProperties() {
    }

    public static Properties of(StreamnetConfig config) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(config.commitInterval().toMillis()));
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(config.streamThreads()));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, Integer.toString(config.standbyReplicas()));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(config.replicationFactor()));
        // every input record is read as bytes and validated in the topology, so this only guards internal topics
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // the global model table fails on an error as the stream threads do (Kafka's default from 5.0 on)
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Kafka Streams rebuilds its settings from the main consumer's, which carry only consumer-prefixed ones: without
        // this copy that rebuilt config warns at every start that the handler above is off
        p.put(StreamsConfig.consumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        // a dead instance hands its tasks (training among them) to another within seconds, not the 45 s default
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "10000");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "2000");
        // a fetch parked on a partition whose transaction is still open (read_committed) holds up every other
        // partition on that broker until it returns: keep the park short
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), "10");
        // the global consumer reads only the model topic (a snapshot a second at most): a short park there would
        // only spin, 7 % of the service's CPU in a profile of the training benchmark
        p.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), "100");
        // predictions leave promptly instead of waiting for Streams' default 100 ms linger
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // a backlog drains in large requests: with the 16 KiB default a request carried about twenty images, and
        // training and prediction ran about 40 % slower (bench e2e); under light load linger still sends at once
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), Integer.toString(512 * 1024));
        // a model snapshot is one record of 8 bytes a parameter: let it through the producer and the changelog
        int snapshot = ModelCodec.size(config.hiddenSize(), config.accuracyWindow());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Integer.toString(recordLimit(snapshot)));
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Integer.toString(recordLimit(snapshot)));
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                Integer.toString(recordLimit(snapshot)));
        p.putAll(config.kafkaOverrides());
        return p;
    }

    /**
     * Parses {@link #of} as Kafka Streams and its clients will, without connecting anywhere: a value Kafka refuses
     * (an unknown {@code acks}, say) throws its {@link org.apache.kafka.common.config.ConfigException} now, before
     * anything slow has started.
     */
    public static void check(StreamnetConfig config) {
        StreamsConfig streams = new StreamsConfig(of(config));
        new ProducerConfig(withBytes(streams.getProducerConfigs("check"), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        new ConsumerConfig(withBytes(streams.getMainConsumerConfigs("check", "check", 0),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        new ConsumerConfig(withBytes(streams.getGlobalConsumerConfigs("check"),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        new AdminClientConfig(streams.getAdminConfigs("check"));
    }

    /** {@code clientConfig} with the byte-array (de)serialiser Kafka Streams gives its clients in code. */
    private static Map<String, Object> withBytes(Map<String, Object> clientConfig, String key, String value,
                                                 Class<?> bytes) {
        Map<String, Object> complete = new HashMap<>(clientConfig);
        complete.put(key, bytes);
        complete.put(value, bytes);
        return complete;
    }

    /** Twice the snapshot, at least Kafka's 1 MiB default: the most a record on the model topic may take. */
    public static int recordLimit(int snapshotBytes) {
        return Math.max(1 << 20, 2 * snapshotBytes);
    }
}
