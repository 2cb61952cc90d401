package io.streamnet.app;

import io.streamnet.config.StreamnetConfig;
import io.streamnet.serde.ModelCodec;
import io.streamnet.streams.StreamsProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the service's topics when they are missing, and checks the model topic has the one partition it needs. */
final class Topics {
    /** How long to try reaching the broker before telling the user. */
    static final long REACH_SECONDS = 15;

    private Topics() {
    }

    static void ensure(StreamnetConfig config) {
        try (Admin admin = Admin.create(adminProperties(config))) {
            Set<String> existing = admin.listTopics().names().get(REACH_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : List.of(config.inputTopic(), config.predictionsTopic(), config.deadLetterTopic())) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, config.topicPartitions(), config.replicationFactor()));
                }
            }
            if (!existing.contains(config.modelTopic())) {
                missing.add(new NewTopic(config.modelTopic(), 1, config.replicationFactor()).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(StreamsProperties.recordLimit(
                                ModelCodec.size(config.hiddenSize(), config.accuracyWindow()))))));
            }
            create(admin, missing);
            if (existing.contains(config.modelTopic())) { // one we create has one partition
                checkModelTopic(admin, config.modelTopic());
            }
        } catch (TimeoutException e) {
            throw unreachable(config.bootstrapServers(), REACH_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while checking the topics");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(config.bootstrapServers(), REACH_SECONDS);
            }
            throw new CommandFailure("cannot check the topics at " + config.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e);
        }
    }

    static Properties adminProperties(StreamnetConfig config) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(REACH_SECONDS * 1000));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(REACH_SECONDS * 1000));
        config.kafkaOverrides().forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                p.put(name, value);
            }
        });
        return p;
    }

    static CommandFailure unreachable(String bootstrapServers, long seconds) {
        return new CommandFailure("cannot reach Kafka at " + bootstrapServers + " within " + seconds
                + " s; start a broker (streamnet broker) or set STREAMNET_BOOTSTRAP_SERVERS (--bootstrap-servers)");
    }

    private static void create(Admin admin, List<NewTopic> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(REACH_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // another instance made it first
                    throw e;
                }
            }
        }
    }

    private static void checkModelTopic(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription model = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(REACH_SECONDS, TimeUnit.SECONDS).get(topic);
        if (model.partitions().size() != 1) {
            throw new CommandFailure("topic " + topic + " has " + model.partitions().size()
                    + " partitions; the model topic needs exactly 1 (delete it, or set STREAMNET_MODEL_TOPIC)");
        }
    }
}
