package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.app.process.ServiceProcess;
import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.model.Model;
import io.streamnet.serde.ImageBinary;
import io.streamnet.serde.PredictionJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on an input topic of four partitions: both predict, exactly one trains, and when the one that
 * trains is killed the other (holding a standby of the training state) takes over within 30 s, losing nothing.
 * Labelled images all go to partition 0, so the order the model sees is fixed and the result is checked bit for bit.
 */
class ScaleOutIT {
    private static final Duration FAILOVER = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void shouldPredictOnBothTrainOnOneAndFailOverTrainingWithoutLosingABatch() throws Exception {
        List<Image> train = EndToEnd.sample(Sample.TRAIN, 6_400);
        List<Image> questions = EndToEnd.sample(Sample.TEST, 800).stream().map(Image::unlabelled).toList();
        try (EndToEnd e2e = EndToEnd.start(dir)) {
            e2e.createTopic("images", 4);
            ServiceProcess a = e2e.serve("a", "--standby-replicas", "1");
            ServiceProcess b = e2e.serve("b", "--standby-replicas", "1");
            // Given half the training images learned and questions on every partition
            send(e2e, train.subList(0, 3_200), questions.subList(0, 400));
            a.awaitImagesTrained(3_200, Duration.ofMinutes(2));
            awaitPredictions(e2e, 400);
            // Then both instances answered questions and exactly one trains
            assertThat(a.metric("streamnet_images_predicted_total")).as("predicted by a").isPositive();
            assertThat(b.metric("streamnet_images_predicted_total")).as("predicted by b").isPositive();
            assertThat(a.metric("streamnet_trainer_active") + b.metric("streamnet_trainer_active")).isEqualTo(1.0);
            ServiceProcess trainer = a.metric("streamnet_trainer_active") == 1.0 ? a : b;
            ServiceProcess survivor = trainer == a ? b : a;
            // When the training instance is killed and the other half arrives
            long killedAt = System.nanoTime();
            trainer.kill();
            send(e2e, train.subList(3_200, 6_400), questions.subList(400, 800));
            // Then the survivor trains within 30 s and ends with every image learned exactly once
            awaitTraining(survivor, killedAt);
            survivor.awaitImagesTrained(6_400, Duration.ofMinutes(2));
            Model model = e2e.latestModel("model");
            assertThat(model.version()).isEqualTo(6_400 / 32);
            assertThat(model).isEqualTo(CrashIT.uninterrupted(train));
            awaitPredictions(e2e, 800);
        }
    }

    private static void send(EndToEnd e2e, List<Image> labelled, List<Image> questions) throws Exception {
        try (KafkaProducer<String, byte[]> producer = e2e.producer()) {
            for (Image image : labelled) {
                producer.send(new ProducerRecord<>("images", 0, image.id(), ImageBinary.encode(image)));
            }
            for (Image image : questions) {
                producer.send(new ProducerRecord<>("images", image.id(), ImageBinary.encode(image)));
            }
        }
    }

    private static void awaitTraining(ServiceProcess survivor, long killedAt) throws InterruptedException {
        while (survivor.metric("streamnet_trainer_active") != 1.0) {
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("failover time").isLessThan(FAILOVER);
            Thread.sleep(200);
        }
        System.out.printf("training moved to the survivor %.1f s after the kill%n",
                (System.nanoTime() - killedAt) / 1e9);
    }

    private static void awaitPredictions(EndToEnd e2e, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long distinct = 0;
        while (System.nanoTime() < deadline) {
            distinct = e2e.readAll("predictions").stream().map(ConsumerRecord::value)
                    .map(v -> PredictionJson.decode(v).id()).distinct().count();
            if (distinct >= count) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(distinct + " of " + count + " questions answered");
    }
}
