package io.streamnet.app;

import picocli.CommandLine.Option;

/** {@code --bootstrap-servers}, defaulting to {@code STREAMNET_BOOTSTRAP_SERVERS}: shared by the client commands. */
final class BootstrapOption {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", descriptionKey = "BOOTSTRAP_SERVERS",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; env STREAMNET_BOOTSTRAP_SERVERS)")
    String servers;
}
