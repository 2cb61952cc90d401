package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.streamnet.deploy.Manifests.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The files of k8s/: what they declare, that they parse as exactly that, and that kustomize takes them all. */
class KubernetesManifestsTest {
    /** apiVersion/kind → the typed class it must parse into. A kind not listed here is a kind nobody checks. */
    private static final Map<String, Class<?>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "batch/v1/Job", Job.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

    @Test
    void shouldParseEveryManifestAsTheKindItDeclares() {
        // Given the manifests
        assertThat(Manifests.all()).as("manifests in k8s/").isNotEmpty();

        for (Manifest m : Manifests.all()) {
            // Then each declares a kind we check, and parses into that typed class, named
            String declared = m.apiVersion() + "/" + m.kind();
            assertThat(KINDS).as("%s declares %s", m.fileName(), declared).containsKey(declared);
            assertThat(m.parsed()).as(m.fileName()).isInstanceOf(KINDS.get(declared));
            assertThat(m.resource().getMetadata().getName()).as("name in " + m.fileName()).isNotBlank();
        }
    }

    @Test
    void shouldUseOnlyFieldsTheKindDefines() {
        // When each typed model is searched for fields it kept without knowing them (misspellings, wrong level)
        List<String> unknown = new ArrayList<>();
        for (Manifest m : Manifests.all()) {
            UnknownFields.in(m.parsed()).forEach(path -> unknown.add(m.fileName() + ": " + path));
        }

        // Then there are none
        assertThat(unknown).as("fields their kind does not define").isEmpty();
    }

    @Test
    void shouldListEveryManifestInTheKustomization() {
        // Given the resources the kustomization lists
        List<String> listed = new ArrayList<>();
        kustomization().path("resources").forEach(r -> listed.add(r.asText()));

        // Then they are exactly the files of k8s/, each once
        List<String> files = Manifests.files().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(listed).as("resources of k8s/kustomization.yaml").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void shouldPutEveryResourceInTheNamespaceItCreates() {
        // Given the one Namespace and the kustomization's namespace
        String namespace = Manifests.the(Namespace.class).getMetadata().getName();
        assertThat(kustomization().path("namespace").asText()).as("namespace of the kustomization").isEqualTo(namespace);

        // Then every other resource names it
        for (Manifest m : Manifests.all()) {
            if (!(m.parsed() instanceof Namespace)) {
                assertThat(m.resource().getMetadata().getNamespace()).as("namespace in " + m.fileName()).isEqualTo(namespace);
            }
        }
    }

    @Test
    void shouldBuildWithKustomize() {
        // Given kubectl, where it is installed (kustomize needs no cluster)
        Optional<Path> kubectl = Tool.onPath("kubectl");
        assumeThat(kubectl).as("kubectl is not on the PATH: `kubectl kustomize k8s` not checked").isPresent();

        // When kustomize renders the folder
        Tool.Result result = Tool.run(List.of(kubectl.get().toString(), "kustomize", "k8s"));

        // Then it succeeds, with one document per file
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().split("(?m)^---$")).hasSize(Manifests.files().size());
    }

    private static JsonNode kustomization() {
        return Repo.yaml(Manifests.DIR.resolve(Manifests.KUSTOMIZATION));
    }
}
