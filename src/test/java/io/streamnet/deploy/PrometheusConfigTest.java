package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** prometheus/prometheus.yml is a configuration Prometheus accepts, checked by Prometheus's own promtool. */
class PrometheusConfigTest {
    static final String FILE = "prometheus/prometheus.yml";

    @Test
    void shouldPassPromtoolCheckConfig() {
        // Given promtool (Debian package `prometheus`, which .ci/run installs): missing means a broken setup, not a skip
        Path promtool = Tool.onPath("promtool").orElseThrow(() -> new AssertionError(
                "promtool is not on the PATH: install the Debian package `prometheus` (apt-get install prometheus)"));

        // When it checks the file
        Tool.Result result = Tool.run(List.of(promtool.toString(), "check", "config", FILE));

        // Then it finds nothing wrong
        assertThat(result.exitCode()).as("promtool check config " + FILE + " said:\n" + result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }
}
