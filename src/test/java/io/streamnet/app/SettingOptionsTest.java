package io.streamnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The service's settings on the command line: flags beat the environment, bad values are one line. */
class SettingOptionsTest {
    private final StringWriter err = new StringWriter();

    /** Runs the command line with standard error kept in {@link #err}; returns the exit code. */
    private int execute(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldStopServeWithOneLineNamingABadSetting() {
        // Given serve with a batch size of 0 (checked before anything connects), when it runs
        int code = execute("serve", "--batch-size", "0");
        // Then it exits 2 with one line naming the setting and its flag
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "streamnet: STREAMNET_BATCH_SIZE (--batch-size) must be an integer >= 1, got '0'");
    }

    @Test
    void shouldLetAFlagOverrideTheEnvironmentAndPassKafkaPropertiesThrough() {
        CommandLine cli = Main.commandLine();
        CommandLine serve = cli.getSubcommands().get("serve");
        cli.parseArgs("serve", "--hidden-size", "32", "--kafka", "security.protocol=SASL_SSL");
        var config = SettingOptions.config(serve.getCommandSpec(),
                java.util.Map.of("STREAMNET_HIDDEN_SIZE", "16", "STREAMNET_BATCH_SIZE", "8"));
        assertThat(config.hiddenSize()).isEqualTo(32);
        assertThat(config.batchSize()).isEqualTo(8);
        assertThat(config.kafkaOverrides()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void shouldRejectAnUnknownFlagInOneLine() {
        assertThat(execute("serve", "--batch-sise", "8")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString().startsWith("streamnet: Unknown option");
    }

    @Test
    void shouldNameTheFormOfAKafkaPropertyWhenOneIsMalformed() {
        assertThat(execute("serve", "--kafka", "linger.ms")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("streamnet: Value for option '--kafka' (NAME=VALUE) should "
                + "be in KEY=VALUE format but was linger.ms (see 'streamnet serve --help')");
    }
}
