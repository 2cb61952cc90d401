package io.streamnet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Kubernetes manifests in k8s/, each parsed into the typed fabric8 class of the kind it declares. */
final class Manifests {
    static final Path DIR = Repo.path("k8s");
    static final String KUSTOMIZATION = "kustomization.yaml";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static List<Manifest> all;

    /** One file: what it declares (apiVersion, kind) and what it parsed into. */
    record Manifest(Path file, String apiVersion, String kind, Object parsed) {
        HasMetadata resource() {
            return (HasMetadata) parsed;
        }

        String fileName() {
            return file.getFileName().toString();
        }
    }

    /** A pod-running resource that is not a Job: its pod template and selector. */
    record Workload(String kind, String name, PodTemplateSpec template, LabelSelector selector, Integer replicas) {
    }

    private Manifests() {
    }

    /** Every YAML file of k8s/ but the kustomization, sorted by name. */
    static List<Path> files() {
        try (Stream<Path> list = Files.list(DIR)) {
            return list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(p -> !p.getFileName().toString().equals(KUSTOMIZATION))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest parse(Path file) {
        try {
            JsonNode raw = Repo.yaml(file);
            Object parsed = SERIALIZATION.unmarshal(Files.readString(file));
            return new Manifest(file, raw.path("apiVersion").asText(), raw.path("kind").asText(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized List<Manifest> all() {
        if (all == null) {
            all = files().stream().map(Manifests::parse).toList();
        }
        return all;
    }

    static <T> List<T> ofType(Class<T> type) {
        return all().stream().map(Manifest::parsed).filter(type::isInstance).map(type::cast).toList();
    }

    /** The one resource of this type; fails when there is none or more than one. */
    static <T> T the(Class<T> type) {
        List<T> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " in k8s/, found " + found.size());
        }
        return found.get(0);
    }

    static List<Workload> workloads() {
        List<Workload> out = new ArrayList<>();
        for (StatefulSet s : ofType(StatefulSet.class)) {
            out.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getTemplate(),
                    s.getSpec().getSelector(), s.getSpec().getReplicas()));
        }
        for (Deployment d : ofType(Deployment.class)) {
            out.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getTemplate(),
                    d.getSpec().getSelector(), d.getSpec().getReplicas()));
        }
        return out;
    }

    /** Pod templates of the workloads and the Jobs, by the name of the resource that holds them. */
    static Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> out = new LinkedHashMap<>();
        workloads().forEach(w -> out.put(w.kind() + "/" + w.name(), w.template()));
        ofType(Job.class).forEach(j -> out.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
        return out;
    }

    /**
     * The environment a container starts with, as far as the manifests tell: ConfigMaps named by envFrom
     * (in order), then its own env entries with a literal value. Secrets are not in the repository.
     */
    static Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                ConfigMap map = ofType(ConfigMap.class).stream()
                        .filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError("envFrom names ConfigMap " + name + ", which k8s/ does not define"));
                String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                map.getData().forEach((k, v) -> env.put(prefix + k, v));
            }
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects these labels. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether a Service-style selector (plain labels, all must match) selects these labels. */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }
}
