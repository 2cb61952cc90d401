package io.streamnet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamnet.app.process.ChildProcess;
import io.streamnet.app.process.Launcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code streamnet serve} in its own JVM, from the packaged jar, with its HTTP side at hand. */
final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess child;
    private final int httpPort;

    private ServiceProcess(ChildProcess child, int httpPort) {
        this.child = child;
        this.httpPort = httpPort;
    }

    /** Starts {@code serve} with {@code flags} (settings as flags) and waits until it is ready. */
    static ServiceProcess start(Launcher launcher, int httpPort, List<String> flags) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("serve", "--http-port", Integer.toString(httpPort)));
        args.addAll(flags);
        ServiceProcess service = new ServiceProcess(launcher.start("serve:" + httpPort, args), httpPort);
        service.awaitReady(Duration.ofMinutes(2));
        return service;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status(HttpPaths.READY) != 200) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("service not ready after " + timeout + "; its output:\n"
                        + String.join("\n", child.output()));
            }
            Thread.sleep(200);
        }
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    int status(String path) {
        try {
            return HTTP.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code /model}, once a snapshot has arrived. */
    Optional<JsonNode> model() {
        try {
            HttpResponse<String> response = HTTP.send(get(HttpPaths.MODEL), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The value of the first sample of a metric in {@code /metrics}, or NaN when absent or unreachable. */
    double metric(String name) {
        try {
            String body = HTTP.send(get(HttpPaths.METRICS), HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                    .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Waits until the published model has learned {@code images}. */
    void awaitImagesTrained(long images, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = model().map(m -> m.get("imagesTrained").asLong()).orElse(-1L);
            if (seen >= images) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the model learned " + seen + " of " + images + " images within " + timeout
                + "; service output:\n" + String.join("\n", child.output()));
    }

    int httpPort() {
        return httpPort;
    }

    List<String> output() {
        return child.output();
    }

    /** SIGKILL: no shutdown hook, no clean close, exactly like a crash. */
    void kill() throws InterruptedException {
        child.kill();
    }

    @Override
    public void close() {
        child.close();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
    }
}
