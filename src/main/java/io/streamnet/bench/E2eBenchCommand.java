package io.streamnet.bench;

import io.streamnet.app.broker.BrokerProcess;
import io.streamnet.app.broker.Ports;
import io.streamnet.app.process.Launcher;
import io.streamnet.app.process.ServiceProcess;
import io.streamnet.app.process.TempDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code streamnet bench e2e}: the service through a real broker, with the broker's own ceiling measured in the
 * same run. Every number is printed as {@code name=value}.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"End-to-end throughput, latency and memory of the service against a local broker it starts, "
                + "beside that broker's ceiling (Kafka's own producer and consumer performance tools), in one run.",
            "Training: labelled images already on the input topic, exactly-once, batch 32, H = 10: images trained per "
                + "second from the moment the service is RUNNING. Prediction: the same with unlabelled images. "
                + "Latency: unlabelled images offered at --rate, from each input record's timestamp to the prediction's "
                + "arrival at a read_committed consumer, exactly-once and at-least-once."})
public final class E2eBenchCommand implements Callable<Integer> {
    private static final int RECORD_BYTES = 789; // the binary image record
    private static final int BATCH = 32;

    @Spec
    CommandSpec spec;

    // a fresh service spends its first ~10 s compiling its hot paths on the cores it shares with the broker: a
    // million images keep that start-up a small part of the rate, as it is for a service that runs for hours
    @Option(names = "--images", paramLabel = "N", defaultValue = "1000000", description = "images per throughput run (default: ${DEFAULT-VALUE})")
    long images;

    @Option(names = "--ceiling-records", paramLabel = "N", defaultValue = "1000000",
            description = "records per broker ceiling run (default: ${DEFAULT-VALUE})")
    long ceilingRecords;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1000", description = "offered images/s in the latency runs (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--latency-seconds", paramLabel = "N", defaultValue = "30",
            description = "measured length of each latency run (default: ${DEFAULT-VALUE})")
    int latencySeconds;

    @Option(names = "--latency-warm-up-seconds", paramLabel = "N", defaultValue = "20",
            description = "traffic at --rate before each latency run's measured part, reported apart (default: "
                    + "${DEFAULT-VALUE})")
    int latencyWarmUpSeconds;

    @Option(names = "--latency-by-second",
            description = "also print p50, p99 and max of each second of each latency run, warm-up included")
    boolean latencyBySecond;

    @Option(names = "--soak-minutes", paramLabel = "N", defaultValue = "0",
            description = "minutes of steady mixed load with memory sampled every 30 s; 0 = none (default)")
    int soakMinutes;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4", description = "partitions of every topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--service-option", paramLabel = "FLAG=VALUE",
            description = "a further setting for every service run, e.g. --service-option=--stream-threads=2")
    List<String> serviceOptions = new ArrayList<>();

    @Option(names = "--service-jvm", paramLabel = "OPTIONS", defaultValue = "-Xmx512m",
            description = "JVM options of the service, space-separated (default: ${DEFAULT-VALUE})")
    String serviceJvm;

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || latencySeconds < 1 || latencyWarmUpSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--rate and --latency-seconds take 1 or more, "
                    + "--latency-warm-up-seconds 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        Launcher launcher = Launcher.current();
        BenchCommand.figure(out, "machine.cores", Runtime.getRuntime().availableProcessors());
        BenchCommand.figure(out, "java.version", System.getProperty("java.version"));
        try (TempDirectory work = TempDirectory.create("streamnet-bench-");
             BrokerProcess broker = BrokerProcess.start(launcher.withJvmOptions(List.of("-Xmx1g")),
                     work.path().resolve("broker"), Ports.free(), Ports.free())) {
            Runs runs = new Runs(out, launcher.withJvmOptions(List.of(serviceJvm.trim().split("\\s+"))),
                    broker.bootstrapServers(), work.path(), serviceOptions);
            createTopic(broker.bootstrapServers(), "ceiling");
            // a fresh broker takes about a third less until its JIT has compiled the hot paths: the first run warms
            // it up, the second is the ceiling
            double warmUp = BrokerCeiling.produce(launcher, broker.bootstrapServers(), "ceiling", ceilingRecords,
                    RECORD_BYTES);
            BenchCommand.figure(out, "broker.produce.warm_up.records_per_s", Math.round(warmUp));
            double produced = BrokerCeiling.produce(launcher, broker.bootstrapServers(), "ceiling", ceilingRecords,
                    RECORD_BYTES);
            double consumed = BrokerCeiling.consume(launcher, broker.bootstrapServers(), "ceiling", ceilingRecords);
            BenchCommand.figure(out, "broker.produce.records_per_s", Math.round(produced));
            BenchCommand.figure(out, "broker.consume.records_per_s", Math.round(consumed));
            double trained = runs.training(images - images % BATCH);
            double predicted = runs.prediction(images);
            BenchCommand.figure(out, "ratio.train_to_broker_produce", String.format("%.3f", trained / produced));
            BenchCommand.figure(out, "ratio.predict_to_broker_produce", String.format("%.3f", predicted / produced));
            runs.latency("exactly_once_v2", rate, latencyWarmUpSeconds, latencySeconds);
            runs.latency("at_least_once", rate, latencyWarmUpSeconds, latencySeconds);
            if (soakMinutes > 0) {
                runs.soak(soakMinutes, rate);
            }
        }
        return 0;
    }

    void createTopic(String bootstrap, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }


    /** The service runs, each on its own application id and topics, against one broker. */
    private final class Runs {
        private final PrintWriter out;
        private final Launcher launcher;
        private final String bootstrap;
        private final Path dir;
        private final List<String> extra;
        private final Traffic traffic;
        private int run;

        Runs(PrintWriter out, Launcher launcher, String bootstrap, Path dir, List<String> extra) {
            this.out = out;
            this.launcher = launcher;
            this.bootstrap = bootstrap;
            this.dir = dir;
            this.extra = extra;
            this.traffic = new Traffic(bootstrap);
        }

        /** Images trained per second, with the topic full before the service starts; also its memory after. */
        double training(long count) throws Exception {
            String input = "train-in";
            createTopic(bootstrap, input);
            long delivered = traffic.fill(input, count, true, "t");
            BenchCommand.figure(out, "e2e.train.undelivered_images", count - delivered);
            long steps = delivered / BATCH;
            try (ServiceProcess service = serve(input, List.of())) {
                double[] rates = perSecond(service, "streamnet_train_step_seconds_count", steps);
                BenchCommand.figure(out, "e2e.train.images_per_s", Math.round(rates[0] * BATCH));
                BenchCommand.figure(out, "e2e.train.second_half.images_per_s", Math.round(rates[1] * BATCH));
                memory(service, "e2e.train");
                return rates[0] * BATCH;
            }
        }

        double prediction(long count) throws Exception {
            String input = "predict-in";
            createTopic(bootstrap, input);
            long delivered = traffic.fill(input, count, false, "p");
            BenchCommand.figure(out, "e2e.predict.undelivered_images", count - delivered);
            try (ServiceProcess service = serve(input, List.of())) {
                double[] rates = perSecond(service, "streamnet_images_predicted_total", delivered);
                BenchCommand.figure(out, "e2e.predict.images_per_s", Math.round(rates[0]));
                BenchCommand.figure(out, "e2e.predict.second_half.images_per_s", Math.round(rates[1]));
                memory(service, "e2e.predict");
                return rates[0];
            }
        }

        /**
         * A fresh service, {@code warmUp} seconds of traffic at {@code perSecond} (the JIT still compiles the hot
         * paths then, which shows for about 20 s on these two cores), then {@code seconds} measured at the same rate;
         * both parts are reported.
         */
        void latency(String guarantee, int perSecond, int warmUp, int seconds) throws Exception {
            String input = "latency-in-" + guarantee;
            createTopic(bootstrap, input);
            try (ServiceProcess service = serve(input, List.of("--processing-guarantee", guarantee))) {
                LatencyProbe probe = new LatencyProbe(bootstrap, input + "-predictions");
                Thread reader = new Thread(probe, "latency-probe");
                reader.start();
                traffic.pace(input, perSecond, warmUp + seconds, "l");
                Thread.sleep(2_000); // the last commit
                probe.stop();
                reader.join();
                String name = "e2e.latency." + guarantee + ".rate_" + perSecond;
                int warmUpImages = perSecond * warmUp;
                percentiles(name + ".warm_up", probe.summary(0, warmUpImages));
                percentiles(name, probe.summary(warmUpImages, Integer.MAX_VALUE));
                if (latencyBySecond) {
                    List<long[]> bySecond = probe.bySecond();
                    for (int i = 0; i < bySecond.size(); i++) {
                        percentiles(name + ".second_" + (i + 1), bySecond.get(i));
                    }
                }
            }
        }

        private void percentiles(String name, long[] summary) {
            BenchCommand.figure(out, name + ".predictions", summary[0]);
            BenchCommand.figure(out, name + ".p50_ms", summary[1]);
            BenchCommand.figure(out, name + ".p99_ms", summary[2]);
            BenchCommand.figure(out, name + ".max_ms", summary[3]);
        }

        void soak(int minutes, int perSecond) throws Exception {
            String input = "soak-in";
            createTopic(bootstrap, input);
            try (ServiceProcess service = serve(input, List.of())) {
                for (int slice = 0; slice < minutes * 2; slice++) {
                    traffic.pace(input, perSecond, 30, "s" + slice + "-");
                    memory(service, "e2e.soak.t" + (slice + 1) * 30 + "s");
                }
            }
        }

        private ServiceProcess serve(String input, List<String> more) throws InterruptedException {
            String app = "bench" + (++run);
            List<String> flags = new ArrayList<>(List.of("--bootstrap-servers", bootstrap, "--application-id", app,
                    "--input-topic", input, "--predictions-topic", input + "-predictions",
                    "--model-topic", input + "-model", "--dead-letter-topic", input + "-dlq",
                    "--topic-partitions", Integer.toString(partitions), "--state-dir", dir.resolve(app).toString()));
            flags.addAll(more);
            extra.forEach(option -> flags.addAll(List.of(option.split("=", 2))));
            return ServiceProcess.start(launcher, Ports.free(), flags);
        }

        /**
         * Events per second of a counter from the moment the service is ready until it reaches {@code target}, and
         * over the second half alone. The whole run is the figure that counts; the second half shows the service
         * once warm (JIT compilation competes for the two cores early on) and, for training, once the backlog of
         * input has been validated, when the trainer no longer shares the stream thread.
         */
        private double[] perSecond(ServiceProcess service, String counter, long target) throws InterruptedException {
            long start = System.nanoTime();
            long half = 0;
            double atHalf = 0;
            double seen;
            while ((seen = service.metric(counter)) < target) {
                if (half == 0 && seen >= target / 2.0) {
                    half = System.nanoTime();
                    atHalf = seen;
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException(counter + " reached " + seen + " of " + target + " in 10 minutes");
                }
                // a scrape renders every Kafka client metric: five a second took a fifth of the service's CPU
                Thread.sleep(1_000);
            }
            long end = System.nanoTime();
            return new double[] {target / ((end - start) / 1e9), (target - atHalf) / ((end - half) / 1e9)};
        }

        private void memory(ServiceProcess service, String name) throws Exception {
            BenchCommand.figure(out, name + ".heap_used_mb", Math.round(service.sum("jvm_memory_used_bytes", "area=\"heap\"") / 1e6));
            BenchCommand.figure(out, name + ".heap_live_after_gc_mb",
                    Math.round(service.metric("jvm_gc_live_data_size_bytes") / 1e6));
            BenchCommand.figure(out, name + ".rss_mb", Math.round(residentKb(service.pid()) / 1e3));
        }

        private long residentKb(long pid) throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }
    }
}
