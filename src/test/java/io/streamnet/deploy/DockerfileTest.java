package io.streamnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamnet.config.Setting;
import io.streamnet.deploy.Dockerfile.Instruction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Dockerfile builds the jar in one stage and runs it unprivileged, sized by the container, in another. */
class DockerfileTest {
    private final Dockerfile dockerfile = Dockerfile.read();

    @Test
    void shouldBuildWithMavenAndRunOnAJavaRuntimeOnly() {
        List<Instruction> from = dockerfile.all("FROM");
        assertThat(from).as("stages").hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.get(0).arguments()).as("build stage").contains("maven").contains("17").containsIgnoringCase(" AS ");
        assertThat(from.get(from.size() - 1).arguments()).as("runtime stage").contains("17").contains("jre");
        assertThat(dockerfile.finalStage()).as("the runtime stage takes the jar from the build stage")
                .anyMatch(i -> i.keyword().equals("COPY") && i.arguments().startsWith("--from=")
                        && i.arguments().contains("target/streamnet.jar"));
    }

    @Test
    void shouldRunAsAnUnprivilegedNumericUser() {
        // numeric, so Kubernetes' runAsNonRoot can check it without reading the image's /etc/passwd
        String user = dockerfile.lastInFinalStage("USER").arguments();
        assertThat(user).as("USER").matches("\\d+(:\\d+)?");
        assertThat(Long.parseLong(user.split(":")[0])).as("uid").isPositive();
    }

    @Test
    void shouldStartTheJarFromAnExecFormEntrypointAndServeByDefault() {
        // exec form: java is PID 1 and gets SIGTERM, so Kafka Streams closes cleanly
        List<String> entrypoint = dockerfile.lastInFinalStage("ENTRYPOINT").execForm();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).as("the heap follows the container's memory limit")
                .anyMatch(arg -> arg.startsWith("-XX:MaxRAMPercentage="));
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", "/app/streamnet.jar");
        assertThat(dockerfile.lastInFinalStage("CMD").execForm()).containsExactly("serve");
    }

    @Test
    void shouldExposeTheServiceHttpPort() {
        List<String> exposed = Arrays.asList(dockerfile.lastInFinalStage("EXPOSE").arguments().split("\\s+"));
        assertThat(exposed).contains(Setting.HTTP_PORT.defaultValue());
    }

    @Test
    void shouldDeclareTheConfiguredStateDirectoryAsAVolume() {
        // Given the state directory the image configures
        String stateDir = dockerfile.env(Setting.STATE_DIR.env());
        assertThat(stateDir).as("ENV " + Setting.STATE_DIR.env()).isNotBlank();

        // Then it is a volume (writable even when the container's root filesystem is read-only)
        assertThat(dockerfile.lastInFinalStage("VOLUME").arguments()).contains("\"" + stateDir + "\"");
    }

    @Test
    void shouldCopyOnlyWhatTheDockerignoreLetsIntoTheBuildContext() {
        // Given .dockerignore: everything out, then a list of what comes in
        List<String> rules = Repo.text(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(rules.get(0)).isEqualTo("*");
        List<String> allowed = rules.stream().filter(r -> r.startsWith("!")).map(r -> trimSlash(r.substring(1))).toList();

        // Then every COPY from the context copies something let in, and it exists
        for (Instruction copy : dockerfile.all("COPY")) {
            if (copy.arguments().startsWith("--from=")) {
                continue;
            }
            String[] parts = copy.arguments().split("\\s+");
            for (String source : Arrays.copyOf(parts, parts.length - 1)) {
                String path = trimSlash(source);
                assertThat(allowed).as("COPY %s is let in by .dockerignore", source)
                        .anyMatch(a -> path.equals(a) || path.startsWith(a + "/"));
                assertThat(Repo.path(path)).as("COPY source").exists();
            }
        }
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
