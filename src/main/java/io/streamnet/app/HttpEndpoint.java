package io.streamnet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamnet.model.Model;
import io.streamnet.model.Prequential;
import io.streamnet.streams.LatestModel;
import io.streamnet.streams.PublishedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The service's HTTP side: {@code /metrics} (Prometheus text), {@code /health/live}, {@code /health/ready}
 * (200 only while Kafka Streams is RUNNING) and {@code /model} (the newest model, as JSON).
 */
final class HttpEndpoint implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> READ_METHODS = List.of("GET", "HEAD");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "streamnet-http");
        t.setDaemon(true);
        return t;
    });

    HttpEndpoint(int port, PrometheusMeterRegistry registry, Supplier<KafkaStreams.State> state, LatestModel latest) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (BindException e) {
            throw portInUse(port);
        } catch (IOException e) {
            throw new CommandFailure("cannot serve HTTP on port " + port + ": " + e.getMessage(), e);
        }
        route(HttpPaths.METRICS, () -> new Page(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        route(HttpPaths.LIVE, () -> {
            KafkaStreams.State s = state.get();
            boolean alive = s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR;
            return new Page(alive ? 200 : 503, "text/plain", s + "\n");
        });
        route(HttpPaths.READY, () -> {
            KafkaStreams.State s = state.get();
            return new Page(s == KafkaStreams.State.RUNNING ? 200 : 503, "text/plain", s + "\n");
        });
        route(HttpPaths.MODEL, () -> {
            Optional<PublishedModel> model = latest.get();
            return new Page(model.isPresent() ? 200 : 503, "application/json",
                    JSON.writeValueAsString(model.map(HttpEndpoint::summary)
                            .orElse(Map.of("error", "no model snapshot has arrived yet"))) + "\n");
        });
        // every other path: the server matches contexts by prefix, "/" takes what the others do not
        server.createContext("/", ex -> send(ex, notFound()));
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Fails as the endpoint would if {@code port} is taken, so that a command can say so before it starts anything slow. */
    static void requireFree(int port) {
        if (port == 0) {
            return; // any free port
        }
        try {
            new ServerSocket(port).close();
        } catch (BindException e) {
            throw portInUse(port);
        } catch (IOException e) {
            // any other trouble shows, with its own message, when the endpoint binds
        }
    }

    private static CommandFailure portInUse(int port) {
        return new CommandFailure("port " + port + " is in use; set STREAMNET_HTTP_PORT (--http-port) to a free one");
    }

    /** What {@code /model} shows: version, images, hyperparameters, prequential accuracy, loss, snapshot age. */
    static Map<String, Object> summary(PublishedModel published) {
        Model m = published.model();
        Prequential p = m.prequential();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", m.version());
        out.put("imagesTrained", m.imagesTrained());
        Map<String, Object> hyperparameters = new LinkedHashMap<>(); // in the same order on every call
        hyperparameters.put("hidden", m.hyperparameters().hidden());
        hyperparameters.put("learningRate", m.hyperparameters().learningRate());
        hyperparameters.put("init", m.hyperparameters().init().name().toLowerCase(java.util.Locale.ROOT));
        hyperparameters.put("seed", m.hyperparameters().seed());
        out.put("hyperparameters", hyperparameters);
        Map<String, Object> accuracy = new LinkedHashMap<>();
        accuracy.put("rolling", finite(p.rollingAccuracy()));
        accuracy.put("window", p.window());
        accuracy.put("cumulative", finite(p.cumulativeAccuracy()));
        accuracy.put("scored", p.seen());
        out.put("prequentialAccuracy", accuracy);
        out.put("lastLoss", finite(m.lastLoss()));
        out.put("publishedAt", Instant.ofEpochMilli(published.publishedAtMillis()).toString());
        out.put("snapshotAgeSeconds", (System.currentTimeMillis() - published.publishedAtMillis()) / 1000.0);
        return out;
    }

    /** JSON has no NaN: before the first batch an accuracy or loss is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** What a path answers: status, content type and body. */
    private record Page(int status, String type, String body) {
    }

    @FunctionalInterface
    private interface PageSource {
        Page get() throws IOException;
    }

    /**
     * Serves {@code path} itself (GET or HEAD) from {@code source}; a longer path under it is not found, and another
     * method is not allowed.
     */
    private void route(String path, PageSource source) {
        server.createContext(path, ex -> {
            if (!ex.getRequestURI().getPath().equals(path)) {
                send(ex, notFound());
            } else if (!READ_METHODS.contains(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", String.join(", ", READ_METHODS));
                send(ex, new Page(405, "text/plain", ex.getRequestMethod() + " is not allowed on " + path
                        + "; use GET\n"));
            } else {
                send(ex, source.get());
            }
        });
    }

    private static Page notFound() {
        return new Page(404, "text/plain", "not found; the paths served are " + String.join(", ", HttpPaths.ALL)
                + "\n");
    }

    private static void send(HttpExchange ex, Page page) throws IOException {
        byte[] bytes = page.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", page.type());
        if (ex.getRequestMethod().equals("HEAD")) {
            // headers only: -1 says no body follows
            ex.sendResponseHeaders(page.status(), -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(page.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
