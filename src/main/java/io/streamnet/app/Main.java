package io.streamnet.app;

import io.streamnet.bench.BenchCommand;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point: {@code streamnet <command>}. The only place that calls {@code System.exit}. */
@Command(name = "streamnet",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Learns handwritten digits online from a Kafka topic and serves predictions.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, ServeCommand.class, ProduceCommand.class,
            EvaluateCommand.class, BrokerCommand.class, BenchCommand.class})
public final class Main {

    /** The levels logback knows; it reads any other word as DEBUG. */
    private static final List<String> LOG_LEVELS = List.of("ALL", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    public static void main(String[] args) {
        String problem = logLevelProblem(System.getenv("STREAMNET_LOG_LEVEL"));
        if (problem != null) {
            System.err.println("streamnet: " + problem);
            System.exit(Errors.USAGE);
        }
        System.exit(run(args));
    }

    /** Why {@code level} (STREAMNET_LOG_LEVEL, null when unset) would not work as a log level, or null. */
    static String logLevelProblem(String level) {
        if (level == null || LOG_LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
            return null;
        }
        return "STREAMNET_LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS) + ", got '" + level + "'";
    }

    /** Runs one command line and returns its exit code; bad usage is one line on stderr, never a stack trace. */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().values().stream()
                .filter(sub -> sub.getCommand() instanceof SettingOptions.Configurable)
                .forEach(sub -> SettingOptions.addTo(sub.getCommandSpec()));
        return cli.setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Errors::usage)
                .setExecutionExceptionHandler(Errors::execution);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"streamnet " + (v == null ? "(development build)" : v)};
        }
    }
}
