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
            "Training: exactly-once, batch 32, H = 10; the service starts on --warm-up-images labelled images (its "
                + "start-up rate, reported apart), then --images more are committed at once: images trained per "
                + "second from that commit to the last one trained. Prediction: the same with unlabelled images. "
                + "Latency: unlabelled images offered at --rate, from each input record's timestamp to the prediction's "
                + "arrival at a read_committed consumer, exactly-once and at-least-once."})
public final class E2eBenchCommand implements Callable<Integer> {
    private static final int RECORD_BYTES = 789; // the binary image record
    private static final int BATCH = 32;

    @Spec
    CommandSpec spec;

    @Option(names = "--images", paramLabel = "N", defaultValue = "1000000",
            description = "images per measured throughput run (default: ${DEFAULT-VALUE})")
    long images;

    // a fresh service spends its first ~10 s compiling its hot paths on the cores it shares with the broker; the
    // start-up is measured on its own, so that the throughput figures do not depend on how long a run is
    @Option(names = "--warm-up-images", paramLabel = "N", defaultValue = "500000",
            description = "images each throughput run's service takes first, from its start, before the measured "
                    + "images (default: ${DEFAULT-VALUE})")
    long warmUpImages;

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
        if (rate < 1 || latencySeconds < 1 || latencyWarmUpSeconds < 0 || images < BATCH || warmUpImages < BATCH) {
            throw new ParameterException(spec.commandLine(), "--rate and --latency-seconds take 1 or more, "
                    + "--latency-warm-up-seconds 0 or more, --images and --warm-up-images " + BATCH + " or more");
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
            double trained = runs.training(warmUpImages - warmUpImages % BATCH, images - images % BATCH);
            double predicted = runs.prediction(warmUpImages, images);
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

    /**
     * Half the time the rate so far says is left ({@code done} counted in {@code elapsedNanos}, {@code left} to go),
     * held between 50 ms and 1 s.
     */
    static long nextScrapeMillis(double done, double left, long elapsedNanos) {
        if (done <= 0) {
            return 1_000;
        }
        double millisLeft = left * (elapsedNanos / 1e6) / done;
        return Math.max(50, Math.min(1_000, Math.round(millisLeft / 2)));
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

        /**
         * Images trained per second: {@code warmUp} labelled images wait on the topic when the service starts (its
         * start-up, reported apart), then {@code count} more are committed at once and timed until the last is
         * trained. Also the service's memory after.
         */
        double training(long warmUp, long count) throws Exception {
            return throughput("train", true, warmUp, count, "streamnet_train_step_seconds_count", BATCH);
        }

        /** The same for unlabelled images, counted as they are predicted. */
        double prediction(long warmUp, long count) throws Exception {
            return throughput("predict", false, warmUp, count, "streamnet_images_predicted_total", 1);
        }

        /** A throughput run; {@code counter} counts {@code perCount} images per unit. */
        private double throughput(String name, boolean labelled, long warmUp, long count, String counter,
                int perCount) throws Exception {
            String input = name + "-in";
            createTopic(bootstrap, input);
            long warmDelivered = traffic.fill(input, warmUp, labelled, "w");
            BenchCommand.figure(out, "e2e." + name + ".undelivered_images", warmUp - warmDelivered);
            try (ServiceProcess service = serve(input, List.of())) {
                long started = System.nanoTime();
                long warmTarget = warmDelivered / perCount;
                double startUp = secondsUntil(service, counter, 0, warmTarget, started);
                BenchCommand.figure(out, "e2e." + name + ".start_up.images_per_s",
                        Math.round(warmTarget * perCount / startUp));
                long committed = traffic.fillInOneTransaction(input, count, labelled, "m");
                long target = (warmDelivered + count) / perCount;
                double seconds = secondsUntil(service, counter, warmTarget, target, committed);
                double rate = (target - warmTarget) * perCount / seconds;
                BenchCommand.figure(out, "e2e." + name + ".images_per_s", Math.round(rate));
                memory(service, "e2e." + name);
                return rate;
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
         * Seconds from {@code start}, when the service's {@code counter} stood at {@code from}, until it reaches
         * {@code target}. Scrapes are spaced by
         * half the time the last rate says is left, between 50 ms and 1 s: a scrape renders every Kafka client
         * metric, and five a second took a fifth of the service's CPU, but a fixed second would blur the end.
         */
        private double secondsUntil(ServiceProcess service, String counter, long from, long target, long start)
                throws InterruptedException {
            double seen;
            while ((seen = service.metric(counter)) < target) {
                long elapsed = System.nanoTime() - start;
                if (elapsed > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException(counter + " reached " + seen + " of " + target + " in 10 minutes");
                }
                Thread.sleep(nextScrapeMillis(seen - from, target - seen, elapsed));
            }
            return (System.nanoTime() - start) / 1e9;
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
