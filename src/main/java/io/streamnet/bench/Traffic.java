package io.streamnet.bench;

import io.streamnet.app.Pacer;
import io.streamnet.data.Dataset;
import io.streamnet.data.ImageReader;
import io.streamnet.data.Sample;
import io.streamnet.serde.ImageBinary;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Images for the benchmark: the bundled training sample, encoded once in the compact binary form, sent in a loop. */
final class Traffic {
    private final List<byte[]> labelled = new ArrayList<>();
    private final List<byte[]> unlabelled = new ArrayList<>();
    private final String bootstrap;

    Traffic(String bootstrap) {
        this.bootstrap = bootstrap;
        try (ImageReader reader = Dataset.sample(Sample.TRAIN).open()) {
            reader.forEachRemaining(image -> {
                labelled.add(ImageBinary.encode(image));
                unlabelled.add(ImageBinary.encode(image.unlabelled()));
            });
        }
    }

    /**
     * Sends {@code count} images (ids {@code prefix0}, {@code prefix1}, ...) as fast as the producer goes.
     *
     * @return how many the broker acknowledged: the count a run waits for (an image never delivered is never
     *         trained or predicted, and waiting for it would only end in the run's time limit)
     */
    long fill(String topic, long count, boolean withLabels, String prefix) {
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = producer(null)) {
            send(producer, topic, count, withLabels, prefix, (metadata, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, e);
                }
            });
            producer.flush();
        }
        if (failed.get() == count) {
            throw new IllegalStateException("no image reached " + topic + ": " + firstError.get());
        }
        if (failed.get() > 0) {
            System.err.printf("%,d of %,d images were not delivered to %s (%s); the run counts the others%n",
                    failed.get(), count, topic, firstError.get());
        }
        return count - failed.get();
    }

    /**
     * Sends {@code count} images like {@link #fill}, all in one transaction: a service reading exactly-once sees
     * none of them until the commit, then all at once, so a warm service meets a backlog without first having to
     * stop. A failed send fails the commit, and with it the run.
     *
     * @return {@link System#nanoTime()} just before the commit
     */
    long fillInOneTransaction(String topic, long count, boolean withLabels, String prefix) {
        try (KafkaProducer<String, byte[]> producer = producer("streamnet-bench-" + topic)) {
            producer.initTransactions();
            producer.beginTransaction();
            send(producer, topic, count, withLabels, prefix, null);
            producer.flush();
            long beforeCommit = System.nanoTime();
            producer.commitTransaction();
            return beforeCommit;
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, String topic, long count, boolean withLabels,
            String prefix, Callback callback) {
        List<byte[]> images = withLabels ? labelled : unlabelled;
        for (long i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, prefix + i, images.get((int) (i % images.size()))), callback);
        }
    }

    /** Sends unlabelled images at {@code perSecond} for {@code seconds}; each record is stamped when sent. */
    void pace(String topic, int perSecond, int seconds, String prefix) throws InterruptedException {
        Pacer pacer = Pacer.of(perSecond);
        try (KafkaProducer<String, byte[]> producer = producer(null)) {
            for (long i = 0; i < (long) perSecond * seconds; i++) {
                pacer.acquire();
                producer.send(new ProducerRecord<>(topic, prefix + i, unlabelled.get((int) (i % unlabelled.size()))));
            }
            producer.flush();
        }
    }

    /** A producer, transactional when {@code transactionalId} is not null. */
    private KafkaProducer<String, byte[]> producer(String transactionalId) {
        Properties p = new Properties();
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            // a million images take several seconds on a busy machine; the broker allows up to 15 minutes
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Integer.toString(5 * 60_000));
        }
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
