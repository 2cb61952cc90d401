package io.streamnet.app;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --kafka NAME=VALUE} for the client commands (produce, evaluate): a Kafka client property, as STREAMNET_KAFKA_*. */
final class KafkaOption {
    @Option(names = SettingOptions.KAFKA, paramLabel = "NAME=VALUE",
            description = "any Kafka client property, e.g. security.protocol=SASL_SSL "
                    + "(env STREAMNET_KAFKA_SECURITY_PROTOCOL); repeatable")
    Map<String, String> properties = new LinkedHashMap<>();

    /** {@code env} with each property given here written over it as its STREAMNET_KAFKA_* variable. */
    Map<String, String> over(Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(env);
        SettingOptions.putKafka(merged, properties);
        return merged;
    }
}
