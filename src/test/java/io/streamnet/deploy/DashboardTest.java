package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamnet.metrics.MetricNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard is well formed and reads only what the service exports. That every query returns numbers
 * is proven against a real Prometheus in {@code ObservabilityIT}.
 */
class DashboardTest {
    private final Dashboard dashboard = Dashboard.load();

    @Test
    void shouldQueryOnlyTheProvisionedPrometheusDatasource() {
        String uid = Repo.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0)
                .path("uid").asText();

        assertThat(dashboard.json().path("uid").asText()).isEqualTo("streamnet");
        assertThat(dashboard.panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).as(title(panel)).isEqualTo(uid);
            assertThat(panel.path("targets")).as(title(panel)).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.path("datasource").path("uid").asText()).isEqualTo(uid));
        });
        assertThat(dashboard.json().path("templating").path("list"))
                .allSatisfy(v -> assertThat(v.path("datasource").path("uid").asText()).isEqualTo(uid));
    }

    @Test
    void shouldGiveEveryPanelItsOwnIdAndItsOwnPlaceOnTheGrid() {
        List<JsonNode> all = new ArrayList<>();
        dashboard.json().path("panels").forEach(all::add);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : all) {
            assertThat(ids.add(p.path("id").asInt())).as("id of %s is unique", title(p)).isTrue();
            JsonNode g = p.path("gridPos");
            assertThat(g.path("w").asInt()).as(title(p)).isBetween(1, 24);
            assertThat(g.path("x").asInt() + g.path("w").asInt()).as(title(p)).isLessThanOrEqualTo(24);
            assertThat(g.path("h").asInt()).as(title(p)).isPositive();
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(overlap(all.get(i).path("gridPos"), all.get(j).path("gridPos")))
                        .as("%s overlaps %s", title(all.get(i)), title(all.get(j))).isFalse();
            }
        }
    }

    @Test
    void shouldFilterEverySelectorByTheApplicationAndInstanceVariables() {
        Pattern selector = Pattern.compile("\\{[^}]*}");
        assertThat(dashboard.queries()).allSatisfy(q -> assertThat(selector.matcher(q.expr()).results().toList())
                .as(q.toString()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.group()).contains("application=~\"$application\"")
                        .contains("instance=~\"$instance\"")));
        assertThat(dashboard.variables()).extracting(Dashboard.Variable::name).containsExactly("application", "instance");
        // the instance list follows the chosen application
        assertThat(dashboard.variables().get(1).selector()).contains("application=~\"$application\"");
    }

    @Test
    void shouldResolveVariablesFromAMeterThatExistsBeforeAnyImageArrives() {
        // streamnet_images_trained_total is registered at start (0 before the first model), so a fresh deployment lists
        assertThat(dashboard.variables()).allSatisfy(v ->
                assertThat(v.selector()).startsWith("streamnet_images_trained_total"));
        assertThat(dashboard.json().path("templating").path("list")).allSatisfy(v -> {
            assertThat(v.path("includeAll").asBoolean()).isTrue();
            assertThat(v.path("allValue").asText()).isEqualTo(".*");
        });
    }

    @Test
    void shouldReadOnlyMetricNamesTheServiceExports() {
        Set<String> exported = new HashSet<>(MetricNames.STREAMNET);
        exported.addAll(MetricNames.PLATFORM);

        assertThat(exported).containsAll(dashboard.metricNames());
    }

    @Test
    void shouldShowEveryNumberTheIssueAsksFor() {
        // accuracy (rolling, cumulative, per digit), confusion, loss, images trained and predicted, latency, dead
        // letters, model version and snapshot age, consumer lag, JVM memory
        assertThat(dashboard.metricNames()).contains("streamnet_accuracy_rolling_ratio",
                "streamnet_accuracy_cumulative_ratio", "streamnet_accuracy_digit_ratio", "streamnet_confusion_total",
                "streamnet_training_loss", "streamnet_images_trained_total", "streamnet_images_predicted_total",
                "streamnet_prediction_latency_seconds_bucket", "streamnet_dead_letters_total",
                "streamnet_model_updates_total", "streamnet_model_snapshot_age_seconds",
                "kafka_consumer_fetch_manager_records_lag", "jvm_memory_used_bytes");
        List<String> exprs = dashboard.queries().stream().map(Dashboard.Query::expr).toList();
        assertThat(exprs).anyMatch(e -> e.startsWith("histogram_quantile(0.5, ") && e.contains("prediction_latency"))
                .anyMatch(e -> e.startsWith("histogram_quantile(0.99, ") && e.contains("prediction_latency"))
                .anyMatch(e -> e.contains("rate(streamnet_images_trained_total"))
                .anyMatch(e -> e.contains("rate(streamnet_images_predicted_total"))
                .anyMatch(e -> e.startsWith("sum by (reason) (rate(streamnet_dead_letters_total"));
    }

    @Test
    void shouldReplaceEveryGrafanaVariableOrRefuse() {
        String expr = "rate(x{instance=~\"$instance\", a=~\"${application}\"}[$__rate_interval])";

        String replaced = Dashboard.substitute(expr, Map.of("instance", ".*", "application", "app",
                "__rate_interval", "1m"));

        assertThat(replaced).isEqualTo("rate(x{instance=~\".*\", a=~\"app\"}[1m])");
        assertThatThrownBy(() -> Dashboard.substitute("x[$__range]", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$__range");
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }

    private static String title(JsonNode panel) {
        return "panel '" + panel.path("title").asText() + "'";
    }
}
