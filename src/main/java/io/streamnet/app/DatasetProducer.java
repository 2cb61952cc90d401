package io.streamnet.app;

import io.streamnet.data.Dataset;
import io.streamnet.data.Image;
import io.streamnet.data.ImageReader;
import io.streamnet.serde.ImageEncoding;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;

/**
 * Streams a dataset's images to a topic, key = image id, value = the chosen {@link ImageEncoding}: the logic of
 * {@code streamnet produce}, apart from its command line. Sends are asynchronous (the producer batches them);
 * a callback counts deliveries and failures, and the first failure stops sending new images, since a producer
 * retries internally until its delivery timeout, so one failure means the rest would fail too.
 *
 * <p>Each epoch reopens the file, skips {@code skip} images and sends up to {@code limit}: every epoch sends the
 * same images with the same ids (an id names an image; a second pass is simply more training input).
 */
final class DatasetProducer {

    /** What to send: per epoch, images {@code skip} to {@code skip + limit - 1} of the file. */
    record Plan(long skip, long limit, int epochs, boolean unlabelled, ImageEncoding encoding) {
        Plan {
            if (skip < 0 || limit < 0 || epochs < 1) {
                throw new IllegalArgumentException("need skip >= 0, limit >= 0, epochs >= 1");
            }
        }

        /** How many images the plan sends from a file of {@code size} images, if that size is known. */
        OptionalLong total(OptionalLong size) {
            if (size.isEmpty()) {
                return OptionalLong.empty();
            }
            long perEpoch = Math.min(limit, Math.max(0, size.getAsLong() - skip));
            return OptionalLong.of(perEpoch * epochs);
        }
    }

    /** The outcome: images acknowledged by the broker, images that failed, and the wall time spent sending. */
    record Result(long sent, long failed, long nanos, String firstError) {
        double perSecond() {
            return nanos > 0 ? sent * 1e9 / nanos : 0;
        }
    }

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String servers;
    private final Pacer pacer;
    private final LongFunction<Progress> progress;

    /**
     * @param servers  the bootstrap servers, only for messages
     * @param progress makes the progress display given the total to send (negative when unknown)
     */
    DatasetProducer(Producer<String, byte[]> producer, String topic, String servers, Pacer pacer,
                    LongFunction<Progress> progress) {
        this.producer = producer;
        this.topic = topic;
        this.servers = servers;
        this.pacer = pacer;
        this.progress = progress;
    }

    /**
     * Sends the plan's images and waits until every one is acknowledged or failed.
     *
     * @throws io.streamnet.data.DatasetException when a file is missing or corrupt (checked before connecting)
     * @throws CommandFailure                     when the topic's metadata does not arrive within max.block.ms
     */
    Result run(Dataset dataset, Plan plan) throws InterruptedException {
        ImageReader reader = dataset.open(); // a bad file fails here, before the wait for the broker
        Progress shown;
        try {
            awaitTopic();
            shown = progress.apply(plan.total(reader.size()).orElse(-1));
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        Deliveries deliveries = new Deliveries();
        long begin = System.nanoTime();
        try {
            for (int epoch = 0; epoch < plan.epochs() && deliveries.failed() == 0; epoch++) {
                try (ImageReader images = epoch == 0 ? reader : dataset.open()) {
                    sendEpoch(images, plan, deliveries, shown);
                }
            }
            producer.flush();
        } finally {
            shown.finish(deliveries.sent()); // also when a file turns out corrupt partway: end the line first
        }
        long nanos = System.nanoTime() - begin;
        return new Result(deliveries.sent(), deliveries.failed(), nanos, deliveries.firstError());
    }

    private void sendEpoch(ImageReader images, Plan plan, Deliveries deliveries, Progress shown)
            throws InterruptedException {
        for (long i = 0; i < plan.skip() && images.hasNext(); i++) {
            images.next();
        }
        for (long n = 0; n < plan.limit() && images.hasNext() && deliveries.failed() == 0; n++) {
            Image image = plan.unlabelled() ? images.next().unlabelled() : images.next();
            pacer.acquire();
            try {
                producer.send(new ProducerRecord<>(topic, image.id(), plan.encoding().encode(image)), deliveries);
            } catch (KafkaException e) { // most errors reach the callback; a closed or fenced producer throws
                deliveries.onCompletion(null, e);
            }
            shown.update(deliveries.sent());
        }
    }

    private void awaitTopic() {
        List<PartitionInfo> partitions;
        try {
            partitions = producer.partitionsFor(topic); // blocks at most max.block.ms
        } catch (KafkaException e) {
            throw new CommandFailure("no metadata for topic '" + topic + "' from Kafka at " + servers + " ("
                    + e.getMessage() + "): with no broker there, start one with 'streamnet broker' or point "
                    + "--bootstrap-servers at yours; with no such topic, start 'streamnet serve' (it creates its "
                    + "topics) or check --topic", e);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new CommandFailure("topic '" + topic + "' has no partitions at " + servers);
        }
    }

    /** Counts acknowledgements and failures; runs on the producer's I/O thread. */
    private static final class Deliveries implements Callback {
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                sent.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, exception.getClass().getSimpleName() + ": " + exception.getMessage());
            }
        }

        long sent() {
            return sent.get();
        }

        long failed() {
            return failed.get();
        }

        String firstError() {
            return firstError.get();
        }
    }
}
