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
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (long i = 0; i < count; i++) {
                int j = (int) (i % labelled.size());
                producer.send(new ProducerRecord<>(topic, prefix + i, (withLabels ? labelled : unlabelled).get(j)),
                        (metadata, e) -> {
                            if (e != null) {
                                failed.incrementAndGet();
                                firstError.compareAndSet(null, e);
                            }
                        });
            }
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

    /** Sends unlabelled images at {@code perSecond} for {@code seconds}; each record is stamped when sent. */
    void pace(String topic, int perSecond, int seconds, String prefix) throws InterruptedException {
        Pacer pacer = Pacer.of(perSecond);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (long i = 0; i < (long) perSecond * seconds; i++) {
                pacer.acquire();
                producer.send(new ProducerRecord<>(topic, prefix + i, unlabelled.get((int) (i % unlabelled.size()))));
            }
            producer.flush();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
