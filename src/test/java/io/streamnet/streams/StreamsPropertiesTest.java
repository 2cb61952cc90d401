package io.streamnet.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamnet.config.StreamnetConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
    @Test
    @SuppressWarnings("deprecation") // the setting goes away when Kafka 5.0 turns it on for good
    void shouldCarryTheGlobalHandlerSettingIntoTheMainConsumersConfig() {
        StreamsConfig streams = new StreamsConfig(StreamsProperties.of(StreamnetConfig.from(Map.of())));

        Map<String, Object> consumer = streams.getMainConsumerConfigs("group", "client", 0);

        // Kafka Streams rebuilds a StreamsConfig from these; without the entry it warns that the handler is off
        assertThat(consumer).containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    }

    @Test
    void shouldPassTheDefaultsAndRefuseAValueKafkaRefusesWithoutConnecting() {
        StreamsProperties.check(StreamnetConfig.defaults());

        assertThatThrownBy(() -> StreamsProperties.check(StreamnetConfig.from(Map.of("STREAMNET_KAFKA_ACKS", "banana"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value banana for configuration acks");
    }
}
