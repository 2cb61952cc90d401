package io.streamnet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README tells the truth about the commands and the settings. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");

    @Test
    void shouldListEverySettingWithItsFlagDefaultAndMeaning() throws IOException {
        List<String> rows = Files.readAllLines(README).stream().filter(l -> l.startsWith("| `STREAMNET_")).toList();
        List<String> expected = Arrays.stream(Setting.values())
                .map(s -> "| `" + s.env() + "` | `" + s.flag() + "` | `" + s.defaultValue() + "` | " + s.description()
                        + " |")
                .toList();
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldOpenWithTheMainJobAndTheTestCommandThatCiRuns() throws IOException {
        List<String> top = Files.readAllLines(README).subList(0, 6);
        assertThat(top).anyMatch(l -> l.startsWith("./streamnet demo"));
        String testCommand = top.stream().filter(l -> l.startsWith("mvn ")).findFirst().orElseThrow()
                .replaceAll("\\s+#.*", "");
        assertThat(Files.readAllLines(Path.of(".ci", "run"))).as(".ci/run runs the README's test command")
                .contains(testCommand);
    }
}
