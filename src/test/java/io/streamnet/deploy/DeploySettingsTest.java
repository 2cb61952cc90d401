package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.streamnet.config.StreamnetConfig;
import io.streamnet.deploy.Manifests.Workload;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every variable the deployment files give the service is one it reads (a setting, or STREAMNET_KAFKA_*), so a
 * misspelt or renamed setting cannot be silently ignored; and the values are ones the service accepts.
 */
class DeploySettingsTest {

    @Test
    void shouldListEverySettingInTheConfigMap() {
        // Given the ConfigMap the service's pods take their environment from
        Set<String> keys = configMap().keySet();

        // Then it repeats every setting, as the README table does
        assertThat(keys).as("keys of the ConfigMap").containsAll(ServiceEnv.SETTINGS);
    }

    @Test
    void shouldSetOnlyVariablesTheServiceReadsInTheConfigMap() {
        assertThat(configMap().keySet()).as("ConfigMap keys the service does not read")
                .filteredOn(name -> !ServiceEnv.reads(name)).isEmpty();
    }

    @Test
    void shouldBeAValidConfigurationInTheConfigMap() {
        assertThatCode(() -> StreamnetConfig.from(configMap())).as("the ConfigMap as the service's environment")
                .doesNotThrowAnyException();
    }

    @Test
    void shouldSetOnlyVariablesTheServiceReadsInTheServiceContainers() {
        for (Workload w : Manifests.workloads()) {
            for (Container c : w.template().getSpec().getContainers()) {
                assertThat(c.getEnv()).extracting(EnvVar::getName).as("env of container %s in %s", c.getName(), w.name())
                        .filteredOn(name -> !ServiceEnv.reads(name)).isEmpty();
                assertThatCode(() -> StreamnetConfig.from(Manifests.environment(c)))
                        .as("environment of container " + c.getName()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void shouldSetOnlyVariablesTheServiceReadsInDockerCompose() {
        // Given every service of docker-compose.yml that runs Streamnet's image
        Compose compose = new Compose();
        Map<String, JsonNode> services = compose.streamnetServices(Dockerfile.read().imageName());
        assertThat(services).as("services running Streamnet in docker-compose.yml").isNotEmpty();

        services.forEach((name, service) -> {
            Map<String, String> env = Compose.environment(service);
            // Then each variable it sets is read by the service, and the values are valid
            assertThat(env.keySet()).as("environment of compose service " + name)
                    .filteredOn(var -> !ServiceEnv.reads(var)).isEmpty();
            assertThatCode(() -> StreamnetConfig.from(env)).as("environment of compose service " + name)
                    .doesNotThrowAnyException();
        });
    }

    @Test
    void shouldSetOnlyVariablesTheServiceReadsInTheDockerfile() {
        assertThat(Dockerfile.read().envNames()).as("ENV of the Dockerfile's final stage")
                .filteredOn(var -> var.startsWith("STREAMNET_") && !ServiceEnv.reads(var)).isEmpty();
    }

    private static Map<String, String> configMap() {
        return Manifests.the(ConfigMap.class).getData();
    }
}
