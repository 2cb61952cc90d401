package io.streamnet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Dataset;
import io.streamnet.data.Image;
import io.streamnet.data.ImageReader;
import io.streamnet.data.Sample;
import io.streamnet.serde.ImageBinary;
import io.streamnet.streams.StreamnetTopology;
import io.streamnet.streams.StreamsProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebalance closes the tasks of an instance and creates new ones with new processors; the meters must stay the
 * same ones, registered once, and keep counting.
 */
class MetricsAcrossRebalanceTest {
    @TempDir
    Path state;

    @Test
    void shouldKeepTheSameMetersAndCountOnWhenTasksAreClosedAndCreatedAgain() {
        // Given the service's meters, bound once, observing the topology
        MeterRegistry registry = new SimpleMeterRegistry();
        StreamnetMetrics metrics = new StreamnetMetrics(Optional::empty);
        metrics.bindTo(registry);
        StreamnetConfig config = StreamnetConfig.from(Map.of("STREAMNET_STATE_DIR", state.toString(),
                "STREAMNET_BATCH_SIZE", "32"));
        Set<Meter.Id> bound = ids(registry);

        // When the tasks run, close, and are created again twice over (what rebalances do), each time with
        // 40 labelled images, 3 unlabelled ones and a malformed record
        for (int generation = 0; generation < 3; generation++) {
            try (TopologyTestDriver driver = new TopologyTestDriver(StreamnetTopology.build(config, metrics),
                    StreamsProperties.of(config))) {
                TestInputTopic<String, byte[]> images = driver.createInputTopic(config.inputTopic(),
                        new StringSerializer(), new ByteArraySerializer());
                sendSample(images, 40, 3);
                images.pipeInput("bad-" + generation, "not an image".getBytes(StandardCharsets.UTF_8));
                assertThat(registry.get("streamnet.batch.pending").gauge().value()).isEqualTo(8);
            }
            // the tasks left: this instance holds no batch buffer any more
            assertThat(registry.get("streamnet.batch.pending").gauge().value()).isZero();
        }

        // Then no meter was added or replaced, and the per-instance counters went on counting
        assertThat(ids(registry)).isEqualTo(bound);
        assertThat(registry.get("streamnet.images.predicted").counter().count()).isEqualTo(9);
        assertThat(registry.get("streamnet.dead.letters").tag("reason", "malformed").counter().count()).isEqualTo(3);
        assertThat(registry.get("streamnet.train.step").timer().count()).isEqualTo(3);
    }

    /** The first {@code labelled} training images with labels, then {@code unlabelled} test images without. */
    private static void sendSample(TestInputTopic<String, byte[]> topic, int labelled, int unlabelled) {
        send(topic, Sample.TRAIN, labelled, false);
        send(topic, Sample.TEST, unlabelled, true);
    }

    private static void send(TestInputTopic<String, byte[]> topic, Sample sample, int count, boolean unlabelled) {
        try (ImageReader reader = Dataset.sample(sample).open()) {
            for (int i = 0; i < count && reader.hasNext(); i++) {
                Image image = unlabelled ? reader.next().unlabelled() : reader.next();
                topic.pipeInput(image.id(), ImageBinary.encode(image));
            }
        }
    }

    private static Set<Meter.Id> ids(MeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
    }
}
