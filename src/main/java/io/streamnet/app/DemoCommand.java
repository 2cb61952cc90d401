package io.streamnet.app;

import io.streamnet.app.broker.BrokerProcess;
import io.streamnet.app.broker.Ports;
import io.streamnet.app.process.TempDirectory;
import io.streamnet.config.Setting;
import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Dataset;
import io.streamnet.data.Sample;
import io.streamnet.serde.ImageEncoding;
import io.streamnet.streams.PublishedModel;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code streamnet demo}: broker, service, the bundled sample in, predictions evaluated — one command. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The whole thing on one machine: starts a local Kafka broker (unless --bootstrap-servers is "
                + "given: then the demo uses that broker's topics and goes on training the model it finds there), "
                + "starts the service, streams the bundled 8,000 training images (labelled, --epochs passes), "
                + "waits until the model has learned them, streams the 2,000 held-out images unlabelled, and prints "
                + "the accuracy of the predictions and their confusion matrix. Then it keeps serving until Ctrl-C "
                + "(or exits with --exit-when-done).",
            "Every setting of `serve` is a flag here too."})
final class DemoCommand implements Callable<Integer>, SettingOptions.Configurable {
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5",
            description = "passes over the training images (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--exit-when-done", description = "stop everything after the evaluation instead of serving on")
    boolean exitWhenDone;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be >= 1, got " + epochs);
        }
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> settings = SettingOptions.settings(spec, System.getenv());
        // a bad setting, a Kafka property Kafka refuses or a taken port fails now, not after a broker has started
        Service.check(StreamnetConfig.from(settings));
        TempDirectory work = TempDirectory.create("streamnet-demo-");
        BrokerProcess broker = null;
        if (!settings.containsKey(Setting.BOOTSTRAP_SERVERS.env())) {
            out.println("starting a local Kafka broker ...");
            out.flush();
            broker = BrokerProcess.start(work.path().resolve("broker"), Ports.free());
            settings.put(Setting.BOOTSTRAP_SERVERS.env(), broker.bootstrapServers());
        }
        settings.putIfAbsent(Setting.STATE_DIR.env(), work.path().resolve("state").toString());
        StreamnetConfig config = StreamnetConfig.from(settings);
        Service service = null;
        try {
            service = Service.start(config);
            Service running = service;
            BrokerProcess started = broker;
            // Ctrl-C: the service first, while the broker still answers, then the broker, then the files
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, started, work), "streamnet-demo-stop"));
            if (started != null) {
                started.leaveStopToCaller();
            }
            if (!service.awaitRunning(Duration.ofMinutes(2))) {
                throw new CommandFailure("Kafka Streams did not reach RUNNING within 2 minutes (state "
                        + service.state() + ")");
            }
            out.printf("Kafka at %s; service running, metrics at http://localhost:%d%s%n", config.bootstrapServers(),
                    service.httpPort(), HttpPaths.METRICS);
            out.flush();
            Evaluator.Evaluation result = run(config, service);
            out.print(result.report());
            summarise(out, service, result, start);
            if (!exitWhenDone) {
                whileServing(out, service.httpPort());
                out.println("serving until Ctrl-C");
                out.flush();
                service.awaitStopped();
            }
            return 0;
        } finally {
            if (exitWhenDone || service == null) {
                stop(service, broker, work);
            }
        }
    }

    /** Trains on the sample, waits until every full batch is learned, then predicts and evaluates the held-out part. */
    private Evaluator.Evaluation run(StreamnetConfig config, Service service) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        long before = awaitModel(service, 0, "first model", err);
        if (before > 0) {
            err.printf(Locale.ROOT, "the model of application '%s' at %s has learned %,d images already; the demo "
                    + "trains it on (for a new model, pass new names with --application-id, --input-topic, "
                    + "--predictions-topic and --model-topic)%n", config.applicationId(), config.bootstrapServers(),
                    before);
        }
        long sent = produce(config, Dataset.sample(Sample.TRAIN), false, epochs, "training images");
        long target = before + sent - (config.batchMaxWait().isZero() ? sent % config.batchSize() : 0);
        awaitModel(service, target, "images trained", err);
        long since = System.currentTimeMillis();
        produce(config, Dataset.sample(Sample.TEST), true, 1, "held-out images");
        Evaluator evaluator = Evaluator.of(Dataset.sample(Sample.TEST));
        try (KafkaConsumer<String, byte[]> consumer = EvaluateCommand.consumer(config.bootstrapServers(),
                Map.copyOf(config.kafkaOverridesAsEnv()))) {
            return evaluator.run(consumer, config.predictionsTopic(), since, Duration.ofMinutes(2),
                    Progress.start(err, "predictions", evaluator.expected(), Progress.onTerminal()));
        }
    }

    private long produce(StreamnetConfig config, Dataset dataset, boolean unlabelled, int passes, String what)
            throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        err.println("sending " + what);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(
                ProduceCommand.producerProperties(config.bootstrapServers(), config.kafkaOverridesAsEnv()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            DatasetProducer.Result result = new DatasetProducer(producer, config.inputTopic(), config.bootstrapServers(),
                    Pacer.of(0), total -> Progress.start(err, "images", total, Progress.onTerminal()))
                    .run(dataset, new DatasetProducer.Plan(0, Long.MAX_VALUE, passes, unlabelled, ImageEncoding.BINARY));
            if (result.failed() > 0) {
                throw new CommandFailure(result.failed() + " " + what + " were not delivered: " + result.firstError());
            }
            return result.sent();
        }
    }

    /** Waits until the newest published model has learned at least {@code images}; returns how many it has. */
    private static long awaitModel(Service service, long images, String what, PrintWriter err)
            throws InterruptedException {
        Progress progress = Progress.start(err, what, images, Progress.onTerminal());
        long deadline = System.nanoTime() + TRAINING_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var model = service.latest().get().map(PublishedModel::model);
            long trained = model.map(m -> m.imagesTrained()).orElse(-1L);
            if (trained >= images) {
                progress.finish(trained);
                return trained;
            }
            progress.update(Math.max(trained, 0));
            Thread.sleep(100);
        }
        throw new CommandFailure("the model did not reach " + images + " " + what + " within "
                + TRAINING_TIMEOUT.toMinutes() + " minutes");
    }

    private static void summarise(PrintWriter out, Service service, Evaluator.Evaluation result, long start) {
        service.latest().get().ifPresent(p -> out.printf(Locale.ROOT,
                "model version %d, %,d images trained, prequential accuracy %.4f (last %d) / %.4f (all)%n",
                p.model().version(), p.model().imagesTrained(), p.model().prequential().rollingAccuracy(),
                p.model().prequential().window(), p.model().prequential().cumulativeAccuracy()));
        out.printf(Locale.ROOT, "holdout accuracy %.4f in %.0f s%n", result.accuracy(), (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    private static void whileServing(PrintWriter out, int port) {
        out.printf("metrics http://localhost:%d%s  model http://localhost:%d%s  health http://localhost:%d%s%n", port,
                HttpPaths.METRICS, port, HttpPaths.MODEL, port, HttpPaths.READY);
        out.println("dashboards: point Prometheus at the metrics address and import grafana/dashboards/streamnet.json "
                + "into Grafana (docs/OBSERVABILITY.md)");
    }

    /** Stops the service, then the broker, and removes the demo's broker data and state; called on exit and again by the shutdown hook. */
    private static synchronized void stop(Service service, BrokerProcess broker, TempDirectory work) {
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
        work.close();
    }
}
