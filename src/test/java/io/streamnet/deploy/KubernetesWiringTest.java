package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.streamnet.app.HttpPaths;
import io.streamnet.config.Setting;
import io.streamnet.deploy.Manifests.Workload;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Labels and selectors of k8s/ match, and every port and path they name exists in the service. */
class KubernetesWiringTest {

    @Test
    void shouldSelectTheirOwnPodTemplateWithEveryWorkload() {
        assertThat(Manifests.workloads()).as("StatefulSets and Deployments in k8s/").isNotEmpty();
        for (Workload w : Manifests.workloads()) {
            assertThat(Manifests.selects(w.selector(), labels(w.template())))
                    .as("%s/%s selector %s selects its template's labels %s", w.kind(), w.name(), w.selector(),
                            labels(w.template()))
                    .isTrue();
        }
    }

    @Test
    void shouldGiveTheStatefulSetAHeadlessServiceOfItsPods() {
        for (StatefulSet set : Manifests.ofType(StatefulSet.class)) {
            // Given the Service the StatefulSet names for its pods' DNS
            String name = set.getSpec().getServiceName();
            Optional<Service> service = services().stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();

            // Then it exists, is headless, and selects the StatefulSet's pods
            assertThat(service).as("Service %s named by StatefulSet %s", name, set.getMetadata().getName()).isPresent();
            assertThat(service.get().getSpec().getClusterIP()).as("clusterIP of " + name).isEqualTo("None");
            assertThat(Manifests.selects(service.get().getSpec().getSelector(), labels(set.getSpec().getTemplate())))
                    .as("%s selects the pods of %s", name, set.getMetadata().getName()).isTrue();
        }
    }

    @Test
    void shouldSelectAWorkloadsPodsAndNoJobsPodsWithEveryService() {
        for (Service service : services()) {
            Map<String, String> selector = service.getSpec().getSelector();
            String name = service.getMetadata().getName();

            // Then some workload's pods are selected ...
            assertThat(Manifests.workloads()).as("workloads whose pods Service %s (%s) selects", name, selector)
                    .anyMatch(w -> Manifests.selects(selector, labels(w.template())));
            // ... and no one-shot Job's pods, which would be sent traffic while they run
            for (Job job : Manifests.ofType(Job.class)) {
                assertThat(Manifests.selects(selector, labels(job.getSpec().getTemplate())))
                        .as("Service %s selects the pods of Job %s", name, job.getMetadata().getName()).isFalse();
            }
        }
    }

    @Test
    void shouldRouteEveryServicePortToAContainerPortOfTheSelectedPods() {
        for (Service service : services()) {
            for (Workload w : selectedBy(service)) {
                for (ServicePort port : service.getSpec().getPorts()) {
                    IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                    assertThat(containerPort(w.template(), target))
                            .as("container port %s of %s/%s, target of Service %s port %s", target, w.kind(), w.name(),
                                    service.getMetadata().getName(), port.getName())
                            .isPresent();
                }
            }
        }
    }

    @Test
    void shouldListenOnTheContainerPortNamedHttp() {
        for (Workload w : Manifests.workloads()) {
            for (Container c : w.template().getSpec().getContainers()) {
                // Given the port the service will listen on, from its environment or the default
                int configured = Integer.parseInt(ServiceEnv.effective(Setting.HTTP_PORT, Manifests.environment(c)));

                // Then the container port called http is that port
                assertThat(portNamed(c, "http")).as("container port `http` of " + c.getName()).isPresent()
                        .get().extracting(ContainerPort::getContainerPort).isEqualTo(configured);
            }
        }
    }

    @Test
    void shouldProbeTheServiceHealthPathsOnItsHttpPort() {
        for (Workload w : Manifests.workloads()) {
            for (Container c : w.template().getSpec().getContainers()) {
                assertThat(c.getLivenessProbe()).as("liveness probe of " + c.getName()).isNotNull();
                assertThat(c.getReadinessProbe()).as("readiness probe of " + c.getName()).isNotNull();

                assertThat(httpGet(c.getLivenessProbe(), "liveness").getPath()).isEqualTo(HttpPaths.LIVE);
                assertThat(httpGet(c.getReadinessProbe(), "readiness").getPath()).isEqualTo(HttpPaths.READY);
                if (c.getStartupProbe() != null) {
                    assertThat(httpGet(c.getStartupProbe(), "startup").getPath()).isEqualTo(HttpPaths.LIVE);
                }
                for (Probe probe : probes(c)) {
                    assertThat(containerPort(w.template(), probe.getHttpGet().getPort()))
                            .as("container port %s that a probe of %s calls", probe.getHttpGet().getPort(), c.getName())
                            .isPresent();
                }
            }
        }
    }

    @Test
    void shouldCoverTheWorkloadPodsWithTheDisruptionBudget() {
        PodDisruptionBudget pdb = Manifests.the(PodDisruptionBudget.class);
        for (Workload w : Manifests.workloads()) {
            assertThat(Manifests.selects(pdb.getSpec().getSelector(), labels(w.template())))
                    .as("PodDisruptionBudget selector covers the pods of %s/%s", w.kind(), w.name()).isTrue();
        }
    }

    @Test
    void shouldSpreadPodsByASelectorThatMatchesThem() {
        for (Workload w : Manifests.workloads()) {
            for (TopologySpreadConstraint c : w.template().getSpec().getTopologySpreadConstraints()) {
                assertThat(Manifests.selects(c.getLabelSelector(), labels(w.template())))
                        .as("topology spread selector of %s/%s matches its own pods", w.kind(), w.name()).isTrue();
            }
        }
    }

    @Test
    void shouldAutoscaleAnExistingWorkloadAndKeepRoomForTheStandby() {
        // Given the autoscaler and the standby replicas the service is configured with
        HorizontalPodAutoscaler hpa = Manifests.the(HorizontalPodAutoscaler.class);
        var target = hpa.getSpec().getScaleTargetRef();
        int standbys = Integer.parseInt(ServiceEnv.effective(Setting.STANDBY_REPLICAS, configMap()));

        // Then it scales a workload defined here ...
        Optional<Workload> workload = Manifests.workloads().stream()
                .filter(w -> w.kind().equals(target.getKind()) && w.name().equals(target.getName())).findFirst();
        assertThat(workload).as("workload %s/%s that the HPA scales", target.getKind(), target.getName()).isPresent();
        assertThat(target.getApiVersion()).isEqualTo("apps/v1");
        // ... never below one pod per copy of the training state (the active task plus each standby)
        assertThat(hpa.getSpec().getMinReplicas()).as("HPA minReplicas").isGreaterThan(standbys);
        assertThat(workload.get().replicas()).as("replicas of " + target.getName())
                .isBetween(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
    }

    @Test
    void shouldScrapeMetricsFromExactlyOneServiceWithTheServiceMonitor() {
        // Given the ServiceMonitor
        ServiceMonitor monitor = Manifests.the(ServiceMonitor.class);

        // Then it selects one Service (two would scrape each pod twice) ...
        List<Service> scraped = services().stream()
                .filter(s -> Manifests.selects(monitor.getSpec().getSelector(), s.getMetadata().getLabels())).toList();
        assertThat(scraped).as("Services the ServiceMonitor selects").hasSize(1);

        // ... on a port that Service has, at the service's metrics path
        assertThat(monitor.getSpec().getEndpoints()).isNotEmpty();
        for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
            assertThat(scraped.get(0).getSpec().getPorts()).extracting(ServicePort::getName)
                    .as("ports of Service " + scraped.get(0).getMetadata().getName()).contains(endpoint.getPort());
            assertThat(endpoint.getPath()).isEqualTo(HttpPaths.METRICS);
        }
    }

    private static List<Service> services() {
        return Manifests.ofType(Service.class);
    }

    private static List<Workload> selectedBy(Service service) {
        return Manifests.workloads().stream()
                .filter(w -> Manifests.selects(service.getSpec().getSelector(), labels(w.template()))).toList();
    }

    private static Map<String, String> labels(PodTemplateSpec template) {
        return template.getMetadata().getLabels();
    }

    private static Map<String, String> configMap() {
        return Manifests.the(ConfigMap.class).getData();
    }

    private static Optional<ContainerPort> portNamed(Container c, String name) {
        return c.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    /** The container port a Service or probe refers to, by name or by number. */
    private static Optional<ContainerPort> containerPort(PodTemplateSpec template, IntOrString ref) {
        return template.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> ref.getStrVal() != null ? ref.getStrVal().equals(p.getName())
                        : ref.getIntVal().equals(p.getContainerPort()))
                .findFirst();
    }

    private static HTTPGetAction httpGet(Probe probe, String what) {
        assertThat(probe.getHttpGet()).as(what + " probe is an HTTP GET").isNotNull();
        return probe.getHttpGet();
    }

    private static List<Probe> probes(Container c) {
        return Stream.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())
                .filter(Objects::nonNull).toList();
    }
}
