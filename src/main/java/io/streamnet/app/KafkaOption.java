package io.streamnet.app;

import io.streamnet.config.StreamnetConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --kafka NAME=VALUE}, repeatable: a Kafka property, as its STREAMNET_KAFKA_* variable would give it. */
final class KafkaOption {
    @Option(names = "--kafka", paramLabel = "NAME=VALUE",
            description = "any Kafka property of the clients this command runs, e.g. security.protocol=SASL_SSL "
                    + "(env STREAMNET_KAFKA_SECURITY_PROTOCOL); repeatable")
    Map<String, String> properties = new LinkedHashMap<>();

    /** {@code env} with each property given here written over it as its STREAMNET_KAFKA_* variable. */
    Map<String, String> over(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(env);
        properties.forEach((name, value) -> merged.put(StreamnetConfig.kafkaEnv(name), value));
        return merged;
    }
}
