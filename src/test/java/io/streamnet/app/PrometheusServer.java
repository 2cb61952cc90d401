package io.streamnet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamnet.app.process.ChildProcess;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real Prometheus server (the {@code prometheus} binary of the Debian package {@code prometheus}) in a child
 * process, scraping one target every second, its storage in a given folder; queried through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {
    static final String JOB = "streamnet";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series of an instant query: its labels and its value. */
    record Sample(Map<String, String> labels, double value) {
    }

    private final ChildProcess process;
    private final URI uri;

    private PrometheusServer(ChildProcess process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts Prometheus on {@code 127.0.0.1:port}, scraping {@code target}'s /metrics every second; waits until ready. */
    static PrometheusServer start(Path dir, int port, String target) throws IOException, InterruptedException {
        Path binary = onPath("prometheus");
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "scrape_configs:",
                "  - job_name: " + JOB,
                "    metrics_path: " + HttpPaths.METRICS,
                "    static_configs:",
                "      - targets: [\"" + target + "\"]",
                ""));
        ChildProcess child = ChildProcess.start("prometheus:" + port, List.of(binary.toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"));
        PrometheusServer server = new PrometheusServer(child, URI.create("http://127.0.0.1:" + port));
        try {
            HttpProbe.untilOk(server.uri.resolve("/-/ready"), READY_TIMEOUT, child);
        } catch (RuntimeException | InterruptedException e) {
            child.kill();
            throw e;
        }
        return server;
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not on the PATH: install the Debian package `prometheus` "
                + "(apt-get install prometheus), as .ci/run does");
    }

    /** The series of the instant query {@code promql} at {@code time} (epoch seconds); fails on a query error. */
    List<Sample> query(String promql, double time) throws IOException, InterruptedException {
        JsonNode data = api("/api/v1/query?query=" + encode(promql) + "&time=" + String.format(Locale.ROOT, "%.3f", time),
                promql);
        if (!data.path("resultType").asText().equals("vector")) {
            throw new AssertionError("not an instant vector (" + data.path("resultType").asText() + "): " + promql);
        }
        List<Sample> out = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(new Sample(labels, number(series.path("value").get(1).asText())));
        }
        return out;
    }

    /** The series of {@code promql} now. */
    List<Sample> query(String promql) throws IOException, InterruptedException {
        return query(promql, System.currentTimeMillis() / 1000.0);
    }

    /** The values of {@code label} on the series {@code selector} matches: what Grafana's label_values() lists. */
    List<String> labelValues(String label, String selector) throws IOException, InterruptedException {
        JsonNode data = api("/api/v1/label/" + label + "/values?match%5B%5D=" + encode(selector), selector);
        List<String> out = new ArrayList<>();
        data.forEach(v -> out.add(v.asText()));
        return out;
    }

    private JsonNode api(String pathAndQuery, String what) throws IOException, InterruptedException {
        HttpProbe.Response response = HttpProbe.get(uri.resolve(pathAndQuery));
        JsonNode body = JSON.readTree(response.body());
        if (response.status() != 200 || !body.path("status").asText().equals("success")) {
            throw new AssertionError("Prometheus refused " + what + ": HTTP " + response.status() + " "
                    + body.path("error").asText(response.body()));
        }
        return body.path("data");
    }

    /** Prometheus writes non-finite values as NaN, +Inf and -Inf. */
    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** What Prometheus printed last (warnings, errors). */
    List<String> output() {
        return process.output();
    }

    @Override
    public void close() throws InterruptedException {
        process.stop(STOP_GRACE);
    }
}
