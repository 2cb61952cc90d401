package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.app.process.ChildProcess;
import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.serde.RecordValidator;
import io.streamnet.serde.Validation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamnet produce}, the packaged command, against a real broker. */
class ProduceIT {
    @TempDir
    Path dir;

    @Test
    void shouldStreamTheSampleSoThatEveryRecordValidatesAsTheImageItCameFrom() throws Exception {
        try (EndToEnd e2e = EndToEnd.start(dir)) {
            e2e.createTopic("digits", 2);
            // When 600 images are produced as JSON after skipping 100, twice, and 50 unlabelled in binary
            run(e2e, "produce", "--bootstrap-servers", e2e.bootstrap(), "--topic", "digits", "--format", "json",
                    "--skip", "100", "--limit", "300", "--epochs", "2");
            run(e2e, "produce", "--bootstrap-servers", e2e.bootstrap(), "--topic", "digits", "--unlabelled",
                    "--sample", "test", "--limit", "50");
            // Then the topic holds exactly those records, each validating as the image of its id
            List<ConsumerRecord<byte[], byte[]>> records = e2e.readAll("digits");
            assertThat(records).hasSize(650);
            List<Image> train = EndToEnd.sample(Sample.TRAIN, 400).subList(100, 400);
            List<Image> test = EndToEnd.sample(Sample.TEST, 50);
            RecordValidator validator = new RecordValidator(65_536);
            List<Image> received = records.stream()
                    .map(r -> ((Validation.Accepted) validator.validate(r.key(), r.value())).image()).toList();
            assertThat(received).filteredOn(Image::isLabelled).hasSize(600).containsOnlyElementsOf(train);
            assertThat(received).filteredOn(i -> !i.isLabelled()).extracting(Image::id)
                    .containsExactlyInAnyOrderElementsOf(test.stream().map(Image::id).toList());
        }
    }

    @Test
    void shouldFailInOneLineWhenTheBrokerIsUnreachable() throws Exception {
        try (ChildProcess child = EndToEnd.jarLauncher().start("produce", List.of("produce",
                "--bootstrap-servers", "localhost:" + io.streamnet.app.broker.Ports.free(), "--limit", "10"))) {
            assertThat(child.awaitExit(Duration.ofMinutes(1))).isEqualTo(1);
            assertThat(child.output()).filteredOn(l -> l.startsWith("streamnet: ")).hasSize(1);
        }
    }

    private static void run(EndToEnd e2e, String... args) throws InterruptedException {
        try (ChildProcess child = e2e.launcher.start(args[0], List.of(args))) {
            int code = child.awaitExit(Duration.ofMinutes(2));
            assertThat(code).as("exit code; output:%n%s", String.join("\n", child.output())).isZero();
        }
    }
}
