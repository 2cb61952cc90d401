package io.streamnet.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {
    private final BrokerConfig config = new BrokerConfig("localhost", 19092, 19093, Path.of("data", "broker"));

    @Test
    void shouldRunBrokerAndControllerInOneNode() {
        Properties p = config.serverProperties();

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:19093");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:19092");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
    }

    @Test
    void shouldGiveEveryInternalTopicOneReplicaSoTransactionsWork() {
        Properties p = config.serverProperties();

        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("share.coordinator.state.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("false");
    }

    @Test
    void shouldKeepDataInTheAbsoluteDataDir() {
        Path expected = Path.of("data", "broker").toAbsolutePath().normalize();

        assertThat(config.dataDir()).isEqualTo(expected);
        assertThat(config.serverProperties().getProperty("log.dirs")).isEqualTo(expected.toString());
    }

    @Test
    void shouldBeAValidKafkaServerConfig() {
        KafkaConfig kafka = KafkaConfig.fromProps(config.serverProperties(), false);

        assertThat(kafka.nodeId()).isEqualTo(1);
        assertThat(kafka.defaultReplicationFactor()).isEqualTo(1);
        assertThat(kafka.autoCreateTopicsEnable()).isFalse();
    }

    @Test
    void shouldAdvertiseTheGivenHost() {
        BrokerConfig remote = new BrokerConfig("dev-box", 9092, 9093, Path.of("d"));

        assertThat(remote.bootstrapServers()).isEqualTo("dev-box:9092");
        assertThat(remote.serverProperties().getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://dev-box:9092");
    }

    @Test
    void shouldPutTheControllerOnTheNextPortByDefault() {
        assertThat(BrokerConfig.defaultControllerPort(9092)).isEqualTo(9093);
    }

    @Test
    void shouldRejectPortsOutOfRangeOrShared() {
        assertThatThrownBy(() -> new BrokerConfig("localhost", 0, 9093, Path.of("d")))
                .hasMessage("port 0 is not in 1..65535");
        assertThatThrownBy(() -> new BrokerConfig("localhost", 9092, 65536, Path.of("d")))
                .hasMessage("controller port 65536 is not in 1..65535");
        assertThatThrownBy(() -> new BrokerConfig("localhost", 9092, 9092, Path.of("d")))
                .hasMessage("port and controller port are both 9092");
    }
}
