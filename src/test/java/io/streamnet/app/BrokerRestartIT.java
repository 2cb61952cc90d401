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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker goes down and comes back mid-stream; the service recovers on its own and loses nothing. */
class BrokerRestartIT {
    @TempDir
    Path dir;

    @Test
    void shouldRecoverFromABrokerRestartWithoutLosingAnImage() throws Exception {
        List<Image> images = EndToEnd.sample(Sample.TRAIN, 6_400);
        List<Image> questions = EndToEnd.sample(Sample.TEST, 200).stream().map(Image::unlabelled).toList();
        try (EndToEnd e2e = EndToEnd.start(dir)) {
            e2e.createTopic("images", 1);
            ServiceProcess service = e2e.serve("a");
            // Given half the images learned
            e2e.send("images", images.subList(0, 3_200), ImageBinary::encode);
            service.awaitImagesTrained(3_200, Duration.ofMinutes(2));
            // When the broker is stopped and started again, and the other half follows
            e2e.broker.restart();
            e2e.send("images", images.subList(3_200, 6_400), ImageBinary::encode);
            // Then the same service process learns them all, exactly once, and still answers
            service.awaitImagesTrained(6_400, Duration.ofMinutes(3));
            Model model = e2e.latestModel("model");
            assertThat(model.imagesTrained()).isEqualTo(6_400);
            assertThat(model).isEqualTo(CrashIT.uninterrupted(images));
            e2e.send("images", questions, ImageBinary::encode);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            List<String> answered = List.of();
            while (answered.size() < questions.size() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                answered = e2e.readAll("predictions").stream().map(ConsumerRecord::value)
                        .map(v -> PredictionJson.decode(v).id()).toList();
            }
            assertThat(answered).containsExactlyInAnyOrderElementsOf(questions.stream().map(Image::id).toList());
        }
    }
}
