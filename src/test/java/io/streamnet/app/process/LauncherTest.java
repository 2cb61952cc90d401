package io.streamnet.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {
    private final Launcher launcher = new Launcher(Path.of("/opt/jdk/bin/java"), "a.jar:b.jar", List.of("-Xmx64m"));

    @Test
    void shouldRunStreamnetMainWithOptionsBeforeTheClassPath() {
        assertThat(launcher.command(List.of("broker", "--port", "1234")))
                .containsExactly("/opt/jdk/bin/java", "-Xmx64m", "-cp", "a.jar:b.jar", "io.streamnet.app.Main", "broker", "--port", "1234");
    }

    @Test
    void shouldRunAnotherMainClassFromTheSameClassPath() {
        assertThat(launcher.withClasspath("c.jar").withJvmOptions(List.of()).command("x.Tool", List.of("--help")))
                .containsExactly("/opt/jdk/bin/java", "-cp", "c.jar", "x.Tool", "--help");
    }

    @Test
    void shouldInheritThisJvmsJavaAndClassPath() {
        Launcher current = Launcher.current();

        assertThat(current.java().getFileName().toString()).startsWith("java");
        assertThat(current.classpath()).isEqualTo(System.getProperty("java.class.path"));
    }
}
