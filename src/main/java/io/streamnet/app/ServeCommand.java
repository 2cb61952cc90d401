package io.streamnet.app;

import io.streamnet.config.StreamnetConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code streamnet serve}: runs the service until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the service: learns from labelled images on the input topic, answers unlabelled ones "
                + "on the predictions topic, and serves /metrics, /health/live, /health/ready and /model.",
            "Creates missing topics. Every setting is a flag here and an environment variable (see the README)."})
final class ServeCommand implements Callable<Integer>, SettingOptions.Configurable {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        StreamnetConfig config = SettingOptions.config(spec, System.getenv());
        Service service = Service.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "streamnet-shutdown"));
        spec.commandLine().getOut().printf("streamnet serving: %s -> %s, metrics on http://localhost:%d%s%n",
                config.inputTopic(), config.predictionsTopic(), service.httpPort(), HttpPaths.METRICS);
        spec.commandLine().getOut().flush();
        boolean failed = service.awaitStopped();
        if (failed) {
            throw new CommandFailure("Kafka Streams stopped after an error (see the log above)");
        }
        return 0;
    }
}
