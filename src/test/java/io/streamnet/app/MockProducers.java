package io.streamnet.app;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** MockProducers that know a topic, so the producer's metadata check passes as against a real broker. */
final class MockProducers {

    private MockProducers() {
    }

    /** Acknowledges every record at once. */
    static MockProducer<String, byte[]> acking(String topic) {
        return new MockProducer<>(cluster(topic), true, null, new StringSerializer(), new ByteArraySerializer());
    }

    /** Acknowledges records, except the {@code failAt}-th (0-based) and later ones, which fail with {@code error}. */
    static MockProducer<String, byte[]> failingFrom(String topic, int failAt, RuntimeException error) {
        return new MockProducer<>(cluster(topic), false, null, new StringSerializer(), new ByteArraySerializer()) {
            private int sent;

            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                Future<RecordMetadata> future = super.send(record, callback);
                if (sent++ >= failAt) {
                    errorNext(error);
                } else {
                    completeNext();
                }
                return future;
            }
        };
    }

    static Cluster cluster(String topic) {
        Node node = new Node(0, "localhost", 9092);
        PartitionInfo partition = new PartitionInfo(topic, 0, node, new Node[] {node}, new Node[] {node});
        return new Cluster("test", List.of(node), List.of(partition), Set.of(), Set.of());
    }
}
