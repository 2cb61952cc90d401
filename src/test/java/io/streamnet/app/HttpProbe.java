package io.streamnet.app;

import io.streamnet.app.process.ChildProcess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plain HTTP GETs for the end-to-end tests, and polling a URL until it answers 200. */
final class HttpProbe {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration POLL = Duration.ofMillis(20);

    /** A status and a body. */
    record Response(int status, String body) {
    }

    private HttpProbe() {
    }

    static Response get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /**
     * Asks {@code uri} every 20 ms until it answers 200, and returns the distinct answers in the order they came (the
     * last one the 200). A refused connection is no answer yet. Fails when {@code process}, which serves it, exits
     * or {@code timeout} passes.
     */
    static List<Response> untilOk(URI uri, Duration timeout, ChildProcess process) throws InterruptedException {
        List<Response> answers = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answers.isEmpty() || answers.get(answers.size() - 1).status() != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(uri + " did not answer 200 " + (process.isAlive() ? "within " + timeout
                        : "before " + process + " exited") + "; answers " + answers + "; output:\n"
                        + String.join("\n", process.output()));
            }
            try {
                Response r = get(uri);
                if (answers.isEmpty() || !answers.get(answers.size() - 1).equals(r)) {
                    answers.add(r);
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                answers.add(new Response(-1, e.toString()));
            }
            Thread.sleep(POLL.toMillis());
        }
        return answers;
    }
}
