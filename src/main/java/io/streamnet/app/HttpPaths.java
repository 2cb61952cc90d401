package io.streamnet.app;

import java.util.List;

/** The service's HTTP paths (on STREAMNET_HTTP_PORT), shared by the server, the manifests' probes and their tests. */
public final class HttpPaths {
    public static final String METRICS = "/metrics";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String MODEL = "/model";
    public static final List<String> ALL = List.of(METRICS, LIVE, READY, MODEL);

    private HttpPaths() {
    }
}
