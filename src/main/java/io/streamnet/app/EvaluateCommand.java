package io.streamnet.app;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.data.Sample;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code streamnet evaluate}: accuracy and confusion matrix of the predictions topic against a labelled dataset. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, defaultValueProvider = SettingDefaults.class,
        sortOptions = false,
        description = {"Reads the predictions topic (read_committed, from the beginning), joins each prediction with "
                + "the true label of the image with the same id, and prints accuracy and the confusion matrix.",
            "Without --images or --csv, the bundled 2,000 held-out images (ids test-0 ... test-1999); --skip and --limit "
                + "choose the same images as they do for produce. Reads at least "
                + "to the end the topic has when it starts, so an id predicted more than once (by earlier runs, too) "
                + "counts with its latest prediction; ends when every id has one, or after --timeout, naming the ids "
                + "still missing (exit code 1)."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions source;

    @Mixin
    BootstrapOption bootstrap;

    @Mixin
    KafkaOption kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", descriptionKey = "PREDICTIONS_TOPIC",
            description = "predictions topic (default: ${DEFAULT-VALUE}; env STREAMNET_PREDICTIONS_TOPIC)")
    String topic;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "give up waiting for missing ids after this long (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be >= 1 second, got " + timeoutSeconds);
        }
        long limit = source.limit(spec.commandLine());
        Evaluator evaluator = Evaluator.of(source.dataset(spec.commandLine(), Sample.TEST), source.skip, limit);
        if (evaluator.expected() == 0) {
            throw source.nothingAfterSkip();
        }
        PrintWriter out = spec.commandLine().getOut();
        Evaluator.Evaluation result;
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap.servers, kafka.over(System.getenv()))) {
            result = evaluator.run(consumer, topic, 0, Duration.ofSeconds(timeoutSeconds),
                    Progress.start(spec.commandLine().getErr(), "predictions", evaluator.expected(),
                            Progress.onTerminal()));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw Topics.unreachable(bootstrap.servers, Evaluator.reach(Duration.ofSeconds(timeoutSeconds)).toSeconds());
        }
        if (result.predicted() == 0) {
            throw new CommandFailure(result.report().strip()); // nothing to score: a failure, said as one
        }
        out.print(result.report());
        out.flush();
        return result.missing().isEmpty() ? 0 : Errors.FAILED;
    }

    /** A group-less consumer that sees committed records only, so aborted (exactly-once) output never counts. */
    static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, Map<String, String> env) {
        Properties p = new Properties();
        p.putAll(StreamnetConfig.kafkaProperties(env));
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamnet-evaluate");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
