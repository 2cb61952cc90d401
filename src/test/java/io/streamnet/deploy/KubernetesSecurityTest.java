package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.streamnet.config.Setting;
import io.streamnet.deploy.Manifests.Workload;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every pod runs unprivileged on a read-only root filesystem, with writable volumes where the service writes. */
class KubernetesSecurityTest {

    @Test
    void shouldRunEveryPodAsNonRootUnderTheRuntimeDefaultSeccompProfile() {
        Manifests.podTemplates().forEach((owner, template) -> {
            PodSecurityContext pod = template.getSpec().getSecurityContext();
            assertThat(pod).as("pod securityContext of " + owner).isNotNull();
            assertThat(pod.getRunAsNonRoot()).as("runAsNonRoot of " + owner).isTrue();
            // a numeric user lets the kubelet verify runAsNonRoot whatever the image says
            assertThat(pod.getRunAsUser()).as("runAsUser of " + owner).isNotNull().isPositive();
            assertThat(pod.getSeccompProfile()).as("seccompProfile of " + owner).isNotNull();
            assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        });
    }

    @Test
    void shouldDropEveryCapabilityAndPrivilegeFromEveryContainer() {
        Manifests.podTemplates().forEach((owner, template) -> {
            for (Container c : template.getSpec().getContainers()) {
                SecurityContext sc = c.getSecurityContext();
                String who = owner + " container " + c.getName();
                assertThat(sc).as("securityContext of " + who).isNotNull();
                assertThat(sc.getAllowPrivilegeEscalation()).as("allowPrivilegeEscalation of " + who).isFalse();
                assertThat(sc.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem of " + who).isTrue();
                assertThat(sc.getPrivileged()).as("privileged of " + who).isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities()).as("capabilities of " + who).isNotNull();
                assertThat(sc.getCapabilities().getDrop()).as("capabilities dropped by " + who).containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as("capabilities added by " + who).isEmpty();
            }
        });
    }

    @Test
    void shouldMountAWritableVolumeAtTheStateDirectoryOfEveryReadOnlyServiceContainer() {
        for (Workload w : Manifests.workloads()) {
            for (Container c : w.template().getSpec().getContainers()) {
                // Given where the service keeps the Kafka Streams state, as its environment configures it
                Map<String, String> env = Manifests.environment(c);
                assertThat(env).as("%s sets %s explicitly (the default is under /tmp)", c.getName(), Setting.STATE_DIR.env())
                        .containsKey(Setting.STATE_DIR.env());
                String stateDir = env.get(Setting.STATE_DIR.env());

                // Then a writable, persistent or pod-lived volume is mounted exactly there
                assertThat(writableMountAt(w, c, stateDir)).as("writable volume at %s in %s", stateDir, c.getName()).isTrue();
            }
        }
    }

    @Test
    void shouldMountAWritableTmpInEveryReadOnlyContainer() {
        // the JVM and RocksDB (which unpacks its native library into java.io.tmpdir) write to /tmp
        Manifests.podTemplates().forEach((owner, template) -> {
            for (Container c : template.getSpec().getContainers()) {
                if (Boolean.TRUE.equals(c.getSecurityContext().getReadOnlyRootFilesystem())) {
                    assertThat(c.getVolumeMounts()).as("mounts of %s in %s", c.getName(), owner)
                            .anyMatch(m -> m.getMountPath().equals("/tmp") && !Boolean.TRUE.equals(m.getReadOnly())
                                    && isEmptyDir(template, m.getName()));
                }
            }
        });
    }

    @Test
    void shouldRunTheServiceAsTheUserTheImageCreates() {
        // Given the user the Dockerfile's final stage runs as ("uid:gid")
        String[] user = Dockerfile.read().lastInFinalStage("USER").arguments().split(":");

        for (Workload w : Manifests.workloads()) {
            // Then the pods of the service run as that user, and the volumes belong to its group
            PodSecurityContext pod = w.template().getSpec().getSecurityContext();
            assertThat(pod.getRunAsUser()).as("runAsUser of " + w.name()).isEqualTo(Long.parseLong(user[0]));
            assertThat(pod.getFsGroup()).as("fsGroup of " + w.name()).isEqualTo(Long.parseLong(user[user.length - 1]));
        }
    }

    @Test
    void shouldRequestAndLimitCpuAndMemoryForEveryContainer() {
        Manifests.podTemplates().forEach((owner, template) -> {
            for (Container c : template.getSpec().getContainers()) {
                String who = owner + " container " + c.getName();
                Map<String, Quantity> requests = c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources().getLimits();
                assertThat(requests).as("requests of " + who).containsKeys("cpu", "memory");
                assertThat(limits).as("limits of " + who).containsKeys("cpu", "memory");
                for (String resource : new String[] {"cpu", "memory"}) {
                    assertThat(Quantity.getAmountInBytes(requests.get(resource)))
                            .as("%s request of %s is within its limit", resource, who)
                            .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
                }
            }
        });
    }

    private static boolean writableMountAt(Workload w, Container c, String path) {
        Optional<VolumeMount> mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst();
        if (mount.isEmpty() || Boolean.TRUE.equals(mount.get().getReadOnly())) {
            return false;
        }
        String volume = mount.get().getName();
        boolean claimTemplate = Manifests.ofType(StatefulSet.class).stream()
                .filter(s -> s.getMetadata().getName().equals(w.name()))
                .flatMap(s -> s.getSpec().getVolumeClaimTemplates().stream())
                .anyMatch(claim -> claim.getMetadata().getName().equals(volume));
        return claimTemplate || isEmptyDir(w.template(), volume)
                || volumeNamed(w.template(), volume).map(v -> v.getPersistentVolumeClaim() != null).orElse(false);
    }

    private static boolean isEmptyDir(PodTemplateSpec template, String volume) {
        return volumeNamed(template, volume).map(v -> v.getEmptyDir() != null).orElse(false);
    }

    private static Optional<Volume> volumeNamed(PodTemplateSpec template, String name) {
        return template.getSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst();
    }
}
