package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.app.process.ServiceProcess;
import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.model.Model;
import io.streamnet.serde.DeadLetter;
import io.streamnet.serde.ImageBinary;
import io.streamnet.serde.ImageJson;
import io.streamnet.serde.PoisonPills;
import io.streamnet.serde.PoisonPills.Poison;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad records of every reason among good ones, through a real broker: the bad end up in the DLQ, the good are learned. */
class DeadLetterIT {
    @TempDir
    Path dir;

    @Test
    void shouldDeadLetterExactlyTheBadRecordsAndLearnExactlyTheGoodOnes() throws Exception {
        List<Image> good = EndToEnd.sample(Sample.TRAIN, 640);
        List<Poison> poisons = PoisonPills.all(good.get(0));
        try (EndToEnd e2e = EndToEnd.start(dir)) {
            e2e.createTopic("images", 1);
            ServiceProcess service = e2e.serve("a", "--max-record-bytes", "20000");
            // Given good images, half JSON half binary, with every kind of poison pill among them, several times
            List<Poison> sent = new ArrayList<>();
            try (KafkaProducer<String, byte[]> producer = e2e.producer()) {
                for (int i = 0; i < good.size(); i++) {
                    Image image = good.get(i);
                    producer.send(new ProducerRecord<>("images", image.id(),
                            i % 2 == 0 ? ImageBinary.encode(image) : ImageJson.encode(image)));
                    if (i % 20 == 0) {
                        Poison poison = poisons.get(sent.size() % poisons.size());
                        producer.send(new ProducerRecord<>("images", poison.key(), poison.value()));
                        sent.add(poison);
                    }
                }
            }
            // Then the model learned exactly the good images, in order
            service.awaitImagesTrained(good.size(), Duration.ofMinutes(2));
            Model model = e2e.latestModel("model");
            assertThat(model.imagesTrained()).isEqualTo(good.size());
            assertThat(model).isEqualTo(CrashIT.uninterrupted(good));
            // And the dead letters hold exactly the poison pills (in input order by their source offsets), untouched,
            // each with its reason
            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>(e2e.readAll("images.dlq"));
            letters.sort(Comparator.comparingLong(l -> DeadLetter.from(l.headers()).orElseThrow().offset()));
            assertThat(letters).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                Poison poison = sent.get(i);
                ConsumerRecord<byte[], byte[]> letter = letters.get(i);
                assertThat(DeadLetter.from(letter.headers()).orElseThrow().reason()).isEqualTo(poison.reason());
                assertThat(letter.key()).isEqualTo(poison.key() == null ? null
                        : poison.key().getBytes(StandardCharsets.UTF_8));
                assertThat(letter.value()).isEqualTo(poison.value());
            }
        }
    }
}
