package io.streamnet.app.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamnet.app.HttpPaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code streamnet serve} in its own JVM, with its HTTP side at hand: for end-to-end tests and benchmarks, which
 * run the service as users do.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess child;
    private final int httpPort;

    private ServiceProcess(ChildProcess child, int httpPort) {
        this.child = child;
        this.httpPort = httpPort;
    }

    /** Starts {@code serve} with {@code flags} (settings as flags) and waits until it is ready. */
    public static ServiceProcess start(Launcher launcher, int httpPort, List<String> flags) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("serve", "--http-port", Integer.toString(httpPort)));
        args.addAll(flags);
        ServiceProcess service = new ServiceProcess(launcher.start("serve:" + httpPort, args), httpPort);
        service.awaitReady(Duration.ofMinutes(2));
        return service;
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status(HttpPaths.READY) != 200) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new ChildProcessException("service not ready after " + timeout + "; its output:\n"
                        + String.join("\n", child.output()));
            }
            Thread.sleep(200);
        }
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    public int status(String path) {
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
    public Optional<JsonNode> model() {
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

    /** The sum of all samples of a metric in {@code /metrics}, or NaN when absent or unreachable. */
    public double metric(String name) {
        return sum(name, "");
    }

    /**
     * The sum of the samples of a metric whose labels contain {@code labels} (e.g. {@code area="heap"}; empty for
     * any), or NaN when there is none or the service does not answer.
     */
    public double sum(String name, String labels) {
        String body;
        try {
            body = HTTP.send(get(HttpPaths.METRICS), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
        return body.lines().filter(l -> (l.startsWith(name + "{") || l.startsWith(name + " ")) && l.contains(labels))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .reduce(Double::sum).orElse(Double.NaN);
    }

    /** Waits until the published model has learned {@code images}. */
    public void awaitImagesTrained(long images, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = model().map(m -> m.get("imagesTrained").asLong()).orElse(-1L);
            if (seen >= images) {
                return;
            }
            Thread.sleep(200);
        }
        throw new ChildProcessException("the model learned " + seen + " of " + images + " images within " + timeout
                + "; service output:\n" + String.join("\n", child.output()));
    }

    public int httpPort() {
        return httpPort;
    }

    public List<String> output() {
        return child.output();
    }

    /** SIGKILL: no shutdown hook, no clean close, exactly like a crash. */
    public void kill() throws InterruptedException {
        child.kill();
    }

    public long pid() {
        return child.pid();
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
