package io.streamnet.deploy;

import io.streamnet.config.Setting;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the service reads from its environment: the {@link Setting} variables and the Kafka pass-through. */
final class ServiceEnv {
    static final Set<String> SETTINGS = Arrays.stream(Setting.values()).map(Setting::env)
            .collect(Collectors.toUnmodifiableSet());

    private ServiceEnv() {
    }

    /** True when the service reads {@code name}: a setting's variable, or STREAMNET_KAFKA_&lt;PROPERTY&gt;. */
    static boolean reads(String name) {
        return SETTINGS.contains(name)
                || name.startsWith(Setting.KAFKA_PREFIX) && name.length() > Setting.KAFKA_PREFIX.length();
    }

    /** The value the service will use for {@code setting} in this environment: the variable, else the default. */
    static String effective(Setting setting, Map<String, String> env) {
        return env.getOrDefault(setting.env(), setting.defaultValue());
    }
}
