package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamnet.app.HttpPaths;
import io.streamnet.config.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml is valid, creates the topics first, and wires Prometheus and Grafana to the service. */
class ComposeFileTest {
    private final Compose compose = new Compose();
    private final JsonNode streamnet = compose.service("streamnet");
    private final Map<String, String> streamnetEnv = Compose.environment(streamnet);

    @Test
    void shouldBeAcceptedByDockerComposeConfig() {
        // Given docker-compose (or the docker compose plugin), where installed; `config` needs no Docker engine
        Optional<List<String>> cli = composeCommand();
        assumeThat(cli).as("neither docker-compose nor `docker compose` is installed: docker-compose.yml not validated")
                .isPresent();

        // When it validates the file
        List<String> command = new ArrayList<>(cli.get());
        command.addAll(List.of("-f", Compose.FILE, "config", "-q"));
        Tool.Result result = Tool.run(command);

        // Then it accepts it
        assertThat(result.exitCode()).as(String.join(" ", command) + " said: " + result.output()).isZero();
    }

    @Test
    void shouldCreateEveryTopicWithItsPartitionsBeforeTheServiceStarts() {
        // Given the broker does not create topics by itself
        assertThat(Compose.environment(compose.service("kafka"))).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

        // Then the topics service creates each of the service's topics, with its partitions ...
        String script = String.join("\n", Compose.command(compose.service("topics")));
        String partitions = setting(Setting.TOPIC_PARTITIONS);
        for (Setting topic : List.of(Setting.INPUT_TOPIC, Setting.PREDICTIONS_TOPIC, Setting.DEAD_LETTER_TOPIC)) {
            assertThat(script).as("topics script creates %s", setting(topic))
                    .containsPattern(creates(setting(topic), partitions, ""));
        }
        // ... the model topic compacted, on one partition
        assertThat(script).containsPattern(creates(setting(Setting.MODEL_TOPIC), "1", ".*--config cleanup\\.policy=compact"));

        // ... before Streamnet starts
        assertThat(Compose.dependsOn(streamnet)).containsEntry("topics", "service_completed_successfully");
    }

    @Test
    void shouldLetTheSingleBrokerRunTransactionsForExactlyOnce() {
        assertThat(setting(Setting.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
        assertThat(Compose.environment(compose.service("kafka")))
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
    }

    @Test
    void shouldDependOnlyOnDefinedServicesAndHealthchecksThatExist() {
        compose.services().forEach((name, service) -> Compose.dependsOn(service).forEach((dependency, condition) -> {
            assertThat(compose.services()).as("services %s depends on", name).containsKey(dependency);
            if (condition.equals("service_healthy")) {
                assertThat(compose.service(dependency).has("healthcheck"))
                        .as("%s waits for %s to be healthy, so %s needs a healthcheck", name, dependency, dependency).isTrue();
            }
        }));
    }

    @Test
    void shouldCallTheReadinessPathOnTheHttpPortInTheHealthcheck() {
        String test = String.join(" ", Compose.strings(streamnet.path("healthcheck").path("test")));
        assertThat(test).contains(HttpPaths.READY).contains("/" + setting(Setting.HTTP_PORT));
    }

    @Test
    void shouldPublishTheServiceHttpPort() {
        List<String> ports = new ArrayList<>();
        streamnet.path("ports").forEach(p -> ports.add(p.asText()));
        assertThat(ports).anyMatch(p -> p.endsWith(":" + setting(Setting.HTTP_PORT)));
    }

    @Test
    void shouldMountOnlyFilesThatExistInTheRepository() {
        compose.services().forEach((name, service) -> Compose.bindMounts(service).keySet().forEach(host ->
                assertThat(Repo.path(host)).as("bind mount of compose service " + name).exists()));
    }

    @Test
    void shouldScrapeTheServiceMetricsFromPrometheus() {
        // Given the scrape job of prometheus/prometheus.yml, mounted where the Prometheus image reads it
        assertThat(Compose.bindMounts(compose.service("prometheus")))
                .containsEntry("./prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml");
        JsonNode job = scrapeJob("streamnet");

        // Then it scrapes the compose service on its HTTP port, at the metrics path
        assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo(HttpPaths.METRICS);
        List<String> targets = new ArrayList<>();
        job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        assertThat(targets).containsExactly("streamnet:" + setting(Setting.HTTP_PORT));
    }

    @Test
    void shouldProvisionGrafanaWithThePrometheusOfComposeAndTheMountedDashboards() {
        Map<String, String> mounts = Compose.bindMounts(compose.service("grafana"));
        assertThat(mounts)
                .containsEntry("./grafana/provisioning/datasources", "/etc/grafana/provisioning/datasources")
                .containsEntry("./grafana/provisioning/dashboards", "/etc/grafana/provisioning/dashboards");

        // the datasource is the compose Prometheus, under the uid dashboards refer to
        JsonNode datasource = Repo.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0);
        URI url = URI.create(datasource.path("url").asText());
        assertThat(compose.services()).containsKey(url.getHost());
        assertThat(compose.service(url.getHost()).path("image").asText()).startsWith("prom/prometheus:");
        assertThat(url.getPort()).isEqualTo(9090);
        assertThat(datasource.path("uid").asText()).isEqualTo("prometheus");

        // the dashboard provider reads the folder grafana/dashboards/ is mounted at
        JsonNode provider = Repo.yaml("grafana/provisioning/dashboards/streamnet.yml").path("providers").get(0);
        assertThat(provider.path("options").path("path").asText()).isEqualTo(mounts.get("./grafana/dashboards"));
    }

    @Test
    void shouldFindTheDatasetFilesTheProducersNameInTheImage() {
        // Given the image carries data/ at /app/data/
        assertThat(Dockerfile.read().finalStage())
                .anyMatch(i -> i.keyword().equals("COPY") && i.arguments().equals("data/ /app/data/"));

        compose.streamnetServices(Dockerfile.read().imageName()).forEach((name, service) -> {
            List<String> args = Compose.command(service);
            for (int i = 0; i + 1 < args.size(); i++) {
                if (List.of("--images", "--labels", "--csv").contains(args.get(i))) {
                    // Then each dataset file named is one of data/
                    String file = args.get(i + 1);
                    assertThat(file).as("dataset of " + name).startsWith("/app/data/");
                    assertThat(Repo.path("data/" + file.substring("/app/data/".length()))).as("dataset of " + name).exists();
                }
            }
        });
    }

    private String setting(Setting s) {
        return ServiceEnv.effective(s, streamnetEnv);
    }

    private static Pattern creates(String topic, String partitions, String more) {
        return Pattern.compile("create --topic " + Pattern.quote(topic) + " --partitions " + partitions + more + "\\s*$",
                Pattern.MULTILINE);
    }

    private static JsonNode scrapeJob(String name) {
        for (JsonNode job : Repo.yaml("prometheus/prometheus.yml").path("scrape_configs")) {
            if (job.path("job_name").asText().equals(name)) {
                return job;
            }
        }
        throw new AssertionError("prometheus/prometheus.yml has no scrape job " + name);
    }

    private static Optional<List<String>> composeCommand() {
        Optional<Path> standalone = Tool.onPath("docker-compose");
        if (standalone.isPresent()) {
            return Optional.of(List.of(standalone.get().toString()));
        }
        Optional<Path> docker = Tool.onPath("docker");
        if (docker.isPresent() && Tool.run(List.of(docker.get().toString(), "compose", "version")).exitCode() == 0) {
            return Optional.of(List.of(docker.get().toString(), "compose"));
        }
        return Optional.empty();
    }
}
