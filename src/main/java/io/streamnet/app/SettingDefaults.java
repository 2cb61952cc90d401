package io.streamnet.app;

import io.streamnet.config.Setting;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Defaults for options that mirror a {@link Setting}, so a flag and its environment variable agree: an option
 * whose {@code descriptionKey} is a Setting's name (e.g. {@code "BOOTSTRAP_SERVERS"}) defaults to
 * {@code $STREAMNET_<NAME>} when set, else to the Setting's own default. Help shows the result as
 * {@code ${DEFAULT-VALUE}}. Other options keep their annotated defaults.
 */
final class SettingDefaults implements IDefaultValueProvider {
    private final Map<String, String> env;

    /** Reads the process environment; picocli makes it from the {@code @Command} annotation. */
    SettingDefaults() {
        this(System.getenv());
    }

    SettingDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        for (Setting setting : Setting.values()) {
            if (setting.name().equals(arg.descriptionKey())) {
                String value = env.get(setting.env());
                return value == null || value.isBlank() ? setting.defaultValue() : value.trim();
            }
        }
        return null; // not a setting (picocli's own keys look like "mixinStandardHelpOptions.help")
    }
}
