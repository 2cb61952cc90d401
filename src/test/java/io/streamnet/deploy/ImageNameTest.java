package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.streamnet.deploy.Manifests.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image name is written once, in the Dockerfile's build command; compose and k8s run exactly that image. */
class ImageNameTest {
    private final String image = Dockerfile.read().imageName();

    @Test
    void shouldTagTheImageWithTheProjectVersion() {
        // Given the project's version without -SNAPSHOT
        String version = Repo.projectVersion().replace("-SNAPSHOT", "");

        // Then the image is tagged with it, and its version label says the same
        assertThat(image).endsWith(":" + version);
        assertThat(Dockerfile.read().lastInFinalStage("LABEL").arguments())
                .contains("org.opencontainers.image.version=\"" + version + "\"");
    }

    @Test
    void shouldBuildAndRunTheDockerfileImageInDockerCompose() {
        Compose compose = new Compose();
        compose.services().forEach((name, service) -> {
            List<String> command = Compose.command(service);
            boolean runsStreamnet = service.has("build") || !command.isEmpty()
                    && List.of("serve", "produce", "evaluate", "demo").contains(command.get(0));
            if (runsStreamnet) {
                assertThat(service.path("image").asText()).as("image of compose service " + name).isEqualTo(image);
                assertThat(service.path("build").asText()).as("build context of compose service " + name).isEqualTo(".");
            }
        });
        JsonNode streamnet = compose.service("streamnet");
        assertThat(streamnet.path("image").asText()).isEqualTo(image);
    }

    @Test
    void shouldRunTheDockerfileImageInEveryKubernetesWorkload() {
        for (Workload w : Manifests.workloads()) {
            assertThat(w.template().getSpec().getContainers()).extracting(Container::getImage)
                    .as("images of %s/%s", w.kind(), w.name()).containsOnly(image);
        }
    }

    @Test
    void shouldUseOneKafkaImageInComposeAndTheTopicsJob() {
        // Given the broker image of docker-compose.yml
        String kafka = new Compose().service("kafka").path("image").asText();
        assertThat(kafka).startsWith("apache/kafka:");

        // Then the topics are created with the same tools, in compose and in Kubernetes
        assertThat(new Compose().service("topics").path("image").asText()).isEqualTo(kafka);
        List<Job> jobs = Manifests.ofType(Job.class);
        assertThat(jobs).as("Jobs in k8s/").isNotEmpty();
        for (Job job : jobs) {
            assertThat(job.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getImage)
                    .as("images of Job " + job.getMetadata().getName()).containsOnly(kafka);
        }
    }
}
