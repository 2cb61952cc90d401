package io.streamnet.app;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The sample journey of {@link SampleEndToEndIT} on Apache Kafka's official image. Runs where a Docker engine
 * answers; elsewhere JUnit reports it skipped ("disabledWithoutDocker").
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerEndToEndIT {
    /** The image docker-compose.yml runs as well. */
    static final String KAFKA_IMAGE = "apache/kafka:4.4.0";

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE)
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");

    @TempDir
    Path dir;

    @Test
    void shouldLearnTheSampleAndPredictEveryHeldOutImageExactlyOnceOnTheOfficialImage() throws Exception {
        try (EndToEnd e2e = EndToEnd.on(dir, KAFKA.getBootstrapServers())) {
            SampleEndToEndIT.learnThenPredict(e2e);
        }
    }
}
