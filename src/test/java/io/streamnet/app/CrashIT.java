package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.app.process.ServiceProcess;
import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.model.Model;
import io.streamnet.model.Trainer;
import io.streamnet.serde.ImageBinary;
import io.streamnet.streams.StreamnetTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under crashes: the service is killed with SIGKILL at random moments while labelled images stream
 * in, and restarted on its state directory each time. The input topic has one partition, so the order the model
 * sees is the order the images were sent, and the result can be compared bit for bit with training directly.
 */
class CrashIT {
    private static final int IMAGES = 8_000;
    private static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void shouldTrainEveryImageExactlyOnceAcrossThreeKills() throws Exception {
        List<Image> images = EndToEnd.sample(Sample.TRAIN, IMAGES);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (EndToEnd e2e = EndToEnd.start(dir)) {
            e2e.createTopic("images", 1);
            ServiceProcess service = e2e.serve("a");
            // Given images streaming in at about 120 a second, for about a minute
            CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> stream(e2e, images));
            // When the service is killed three times at random moments while they stream, and restarted each time
            for (int kill = 0; kill < KILLS; kill++) {
                Thread.sleep(1_500 + random.nextInt(3_000));
                assertThat(streaming).as("still streaming at kill %d", kill + 1).isNotDone();
                service.kill();
                service = e2e.serve("a");
            }
            streaming.get();
            service.awaitImagesTrained(IMAGES, Duration.ofMinutes(3));
            // Then every image was learned once, in order: version, count and every weight as if never interrupted
            Model model = e2e.latestModel("model");
            assertThat(model.version()).as("updates (kill seed %d)", seed).isEqualTo(IMAGES / 32);
            assertThat(model.imagesTrained()).isEqualTo(IMAGES);
            assertThat(model).as("model after %d kills (seed %d)", KILLS, seed).isEqualTo(uninterrupted(images));
        }
    }

    private static void stream(EndToEnd e2e, List<Image> images) {
        try (KafkaProducer<String, byte[]> producer = e2e.producer()) {
            for (int i = 0; i < images.size(); i++) {
                Image image = images.get(i);
                producer.send(new ProducerRecord<>("images", image.id(), ImageBinary.encode(image))).get();
                if (i % 30 == 29) {
                    Thread.sleep(250);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("streaming the images failed", e);
        }
    }

    /** The same images through the same network, in one process, with the service's default settings. */
    static Model uninterrupted(List<Image> images) {
        StreamnetConfig config = StreamnetConfig.defaults();
        Trainer trainer = new Trainer(StreamnetTopology.initialModel(config), config.batchSize());
        for (Image image : images) {
            trainer.batch().add(image.pixels(), image.label());
            if (trainer.batch().isFull()) {
                trainer.train();
            }
        }
        return trainer.model();
    }
}
