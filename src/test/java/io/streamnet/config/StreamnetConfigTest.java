package io.streamnet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamnet.nn.Init;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamnetConfigTest {

    @Test
    void shouldTakeTheDefaultsFromTheSettingsTable() {
        StreamnetConfig config = StreamnetConfig.defaults();
        assertThat(config.batchSize()).isEqualTo(32);
        assertThat(config.hiddenSize()).isEqualTo(10);
        assertThat(config.learningRate()).isEqualTo(0.1);
        assertThat(config.init()).isEqualTo(Init.HE);
        assertThat(config.exactlyOnce()).isTrue();
        assertThat(config.batchMaxWait()).isZero();
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.kafkaOverrides()).isEmpty();
    }

    @Test
    void shouldReadEverySettingFromItsEnvironmentVariable() {
        StreamnetConfig config = StreamnetConfig.from(Map.of("STREAMNET_BATCH_SIZE", "64",
                "STREAMNET_LEARNING_RATE", "0.05", "STREAMNET_INIT", "seed", "STREAMNET_BATCH_MAX_WAIT", "750ms",
                "STREAMNET_PROCESSING_GUARANTEE", "at_least_once", "STREAMNET_MODEL_PUBLISH_INTERVAL", "2s"));
        assertThat(config.batchSize()).isEqualTo(64);
        assertThat(config.learningRate()).isEqualTo(0.05);
        assertThat(config.init()).isEqualTo(Init.SEED);
        assertThat(config.batchMaxWait()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.exactlyOnce()).isFalse();
        assertThat(config.modelPublishInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldPassKafkaPropertiesThroughByName() {
        StreamnetConfig config = StreamnetConfig.from(Map.of("STREAMNET_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "STREAMNET_KAFKA_SASL_JAAS_CONFIG", "secret", "OTHER_VARIABLE", "ignored"));
        assertThat(config.kafkaOverrides()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL", "sasl.jaas.config", "secret"));
        assertThat(config.toString()).doesNotContain("secret");
        assertThat(config.kafkaOverridesAsEnv()).containsEntry("STREAMNET_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "STREAMNET_BATCH_SIZE|0|STREAMNET_BATCH_SIZE (--batch-size) must be an integer >= 1, got '0'",
        "STREAMNET_LEARNING_RATE|-1|STREAMNET_LEARNING_RATE (--learning-rate) must be a finite number > 0, got '-1'",
        "STREAMNET_LEARNING_RATE|NaN|STREAMNET_LEARNING_RATE (--learning-rate) must be a finite number > 0, got 'NaN'",
        "STREAMNET_HIDDEN_SIZE|ten|STREAMNET_HIDDEN_SIZE (--hidden-size) must be an integer >= 1, got 'ten'",
        "STREAMNET_INIT|xavier|STREAMNET_INIT (--init) must be he or seed, got 'xavier'",
        "STREAMNET_BATCH_MAX_WAIT|5|STREAMNET_BATCH_MAX_WAIT (--batch-max-wait) must be a duration such as 0, 250ms, 2s or 1m, got '5'",
        "STREAMNET_HTTP_PORT|70000|STREAMNET_HTTP_PORT (--http-port) must be a port number 0-65535, got '70000'",
        "STREAMNET_PROCESSING_GUARANTEE|exactly_once|STREAMNET_PROCESSING_GUARANTEE (--processing-guarantee) must be exactly_once_v2 or at_least_once, got 'exactly_once'",
        "STREAMNET_BOOTSTRAP_SERVERS|'  '|STREAMNET_BOOTSTRAP_SERVERS (--bootstrap-servers) must be a non-empty text, got '  '",
        "STREAMNET_MAX_RECORD_BYTES|10|STREAMNET_MAX_RECORD_BYTES (--max-record-bytes) must be an integer >= 789, the size of the smallest image record, got '10'",
        "STREAMNET_KAFKA_BOOTSTRAP_SERVERS|localhost:9999|bootstrap.servers is a setting of its own: pass --bootstrap-servers (STREAMNET_BOOTSTRAP_SERVERS) instead of --kafka bootstrap.servers (STREAMNET_KAFKA_BOOTSTRAP_SERVERS)",
        "STREAMNET_KAFKA_|x|STREAMNET_KAFKA_ (--kafka) needs a property name, e.g. --kafka linger.ms=5"})
    void shouldNameTheSettingAndTheFixInOneLine(String variable, String value, String message) {
        assertThatThrownBy(() -> StreamnetConfig.from(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }
}
