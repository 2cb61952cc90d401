package io.streamnet.app;

import io.streamnet.config.Setting;
import io.streamnet.config.StreamnetConfig;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Gives a command one flag per {@link Setting} ({@code --batch-size} for {@code STREAMNET_BATCH_SIZE}) and
 * {@code --kafka NAME=VALUE} for any Kafka property; a flag on the command line beats the environment.
 */
final class SettingOptions {
    private static final String KAFKA_MIXIN = "kafka";

    private SettingOptions() {
    }

    /** Marks a command that takes the service's settings as flags. */
    interface Configurable {
    }

    static void addTo(CommandSpec spec) {
        for (Setting s : Setting.values()) {
            spec.addOption(OptionSpec.builder(s.flag()).paramLabel(s.label())
                    .type(String.class).description(s.description() + " (env " + s.env() + ", default "
                            + (s.defaultValue().isEmpty() ? "none" : s.defaultValue()) + ")")
                    .build());
        }
        spec.addMixin(KAFKA_MIXIN, CommandSpec.forAnnotatedObject(new KafkaOption()));
    }

    /** The settings: {@code env}, overridden by the flags given on this command line. */
    static StreamnetConfig config(CommandSpec spec, Map<String, String> env) {
        return StreamnetConfig.from(settings(spec, env));
    }

    /** {@code env} with the flags given on this command line written over it, as environment variables. */
    static Map<String, String> settings(CommandSpec spec, Map<String, String> env) {
        Map<String, String> merged = ((KafkaOption) spec.mixins().get(KAFKA_MIXIN).userObject()).over(env);
        ParseResult parsed = spec.commandLine().getParseResult();
        for (Setting s : Setting.values()) {
            if (parsed.hasMatchedOption(s.flag())) {
                merged.put(s.env(), parsed.matchedOptionValue(s.flag(), ""));
            }
        }
        return merged;
    }
}
