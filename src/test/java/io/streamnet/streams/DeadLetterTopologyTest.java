package io.streamnet.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.data.Image;
import io.streamnet.data.Sample;
import io.streamnet.model.Model;
import io.streamnet.serde.DeadLetter;
import io.streamnet.serde.ImageBinary;
import io.streamnet.serde.ImageJson;
import io.streamnet.serde.PoisonPills;
import io.streamnet.serde.PoisonPills.Poison;
import io.streamnet.serde.PredictionJson;
import io.streamnet.serde.RejectReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poison pills of every reason between good records: the bad go to the dead letters, the good are all processed. */
class DeadLetterTopologyTest {
    @TempDir
    Path state;

    @Test
    void shouldRouteEveryPoisonPillToTheDeadLetterTopicAndProcessTheGoodRecordsAround() {
        List<Image> labelled = TopologyFixture.sample(Sample.TRAIN, 16);
        List<Image> questions = TopologyFixture.sample(Sample.TEST, 4).stream().map(Image::unlabelled).toList();
        List<Poison> poisons = PoisonPills.all(labelled.get(0));
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "8", "MAX_RECORD_BYTES", "20000")) {
            // Given good labelled images (binary and JSON), unlabelled ones, and a poison pill after every other record
            Map<Long, Poison> poisonAtOffset = new TreeMap<>();
            long offset = 0;
            int p = 0;
            for (int i = 0; i < labelled.size(); i++) {
                Image good = labelled.get(i);
                topology.images.pipeInput(good.id(), i % 2 == 0 ? ImageBinary.encode(good) : ImageJson.encode(good));
                offset++;
                if (i < questions.size()) {
                    topology.send(questions.get(i));
                    offset++;
                }
                if (p < poisons.size()) {
                    Poison poison = poisons.get(p++);
                    topology.images.pipeInput(poison.key(), poison.value());
                    poisonAtOffset.put(offset++, poison);
                }
            }
            // Then the dead letters hold exactly the poison pills, untouched, with their reasons and coordinates
            List<TestRecord<byte[], byte[]>> letters = topology.deadLetters.readRecordsToList();
            assertThat(letters).hasSize(poisons.size());
            List<Long> offsets = new ArrayList<>(poisonAtOffset.keySet());
            for (int i = 0; i < letters.size(); i++) {
                Poison expected = poisonAtOffset.get(offsets.get(i));
                TestRecord<byte[], byte[]> letter = letters.get(i);
                DeadLetter why = DeadLetter.from(letter.headers()).orElseThrow();
                assertThat(why.reason()).as("reason of %s", expected.reason()).isEqualTo(expected.reason());
                assertThat(why.topic()).isEqualTo(topology.config.inputTopic());
                assertThat(why.offset()).isEqualTo(offsets.get(i));
                assertThat(letter.key()).isEqualTo(expected.key() == null ? null
                        : expected.key().getBytes(StandardCharsets.UTF_8));
                assertThat(letter.value()).isEqualTo(expected.value());
                assertThat(topology.observer.rejectedCount(expected.reason())).isEqualTo(1);
            }
            // And the model trained on exactly the good labelled images; every question got one prediction
            Model stored = topology.trainedModel();
            assertThat(stored.imagesTrained()).isEqualTo(16);
            assertThat(stored).isEqualTo(StreamnetTopologyTest.trainDirectly(topology, labelled));
            assertThat(topology.predictions.readValuesToList()).extracting(v -> PredictionJson.decode(v).id())
                    .containsExactlyElementsOf(questions.stream().map(Image::id).toList());
        }
    }

    @Test
    void shouldDeadLetterTheImagesOfAStepThatWouldMakeTheWeightsNonFinite() {
        List<Image> images = TopologyFixture.sample(Sample.TRAIN, 32);
        try (TopologyFixture topology = new TopologyFixture(state, "BATCH_SIZE", "4", "LEARNING_RATE", "1e300")) {
            // When a learning rate of 1e300 blows the weights up within a few steps
            topology.sendAll(images);
            // Then every refused batch went to the dead letters whole, and the stored model is finite
            List<TestRecord<byte[], byte[]>> letters = topology.deadLetters.readRecordsToList();
            Model stored = topology.trainedModel();
            assertThat(letters).isNotEmpty();
            assertThat(letters.size() % 4).isZero();
            assertThat(stored.imagesTrained() + letters.size()).isEqualTo(32);
            assertThat(stored.network().isFinite()).isTrue();
            for (TestRecord<byte[], byte[]> letter : letters) {
                assertThat(DeadLetter.from(letter.headers()).orElseThrow().reason())
                        .isEqualTo(RejectReason.NON_FINITE_STEP);
                assertThat(letter.value()).hasSize(ImageBinary.LENGTH);
            }
            assertThat(topology.observer.rejectedCount(RejectReason.NON_FINITE_STEP)).isEqualTo(letters.size());
        }
    }

}
