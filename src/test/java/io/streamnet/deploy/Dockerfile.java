package io.streamnet.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Dockerfile as a list of instructions (continuations joined, comments dropped), plus the image name it builds. */
final class Dockerfile {
    /** The build command in the Dockerfile's header comment names the image: {@code docker build -t NAME .}. */
    private static final Pattern BUILD_COMMAND = Pattern.compile("^#\\s+docker build -t (\\S+) \\.\\s*$", Pattern.MULTILINE);

    record Instruction(String keyword, String arguments) {
        /** The arguments of an exec-form (JSON array) instruction. */
        List<String> execForm() {
            try {
                return new ObjectMapper().readValue(arguments, new TypeReference<List<String>>() { });
            } catch (Exception e) {
                throw new AssertionError(keyword + " is not in exec form (a JSON array): " + arguments, e);
            }
        }
    }

    final String text;
    final List<Instruction> instructions;

    private Dockerfile(String text, List<Instruction> instructions) {
        this.text = text;
        this.instructions = instructions;
    }

    static Dockerfile read() {
        String text = Repo.text("Dockerfile");
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().strip().split("\\s+", 2);
            out.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : ""));
            current.setLength(0);
        }
        return new Dockerfile(text, List.copyOf(out));
    }

    /** The image name this Dockerfile is built as, from its header comment. */
    String imageName() {
        Matcher m = BUILD_COMMAND.matcher(text);
        if (!m.find()) {
            throw new AssertionError("the Dockerfile's header should say how it is built: `# docker build -t NAME .`");
        }
        return m.group(1);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The instructions of the last stage (after its FROM), the ones that shape the image that runs. */
    List<Instruction> finalStage() {
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    Instruction lastInFinalStage(String keyword) {
        List<Instruction> found = finalStage().stream().filter(i -> i.keyword().equals(keyword)).toList();
        if (found.isEmpty()) {
            throw new AssertionError("the final stage of the Dockerfile has no " + keyword);
        }
        return found.get(found.size() - 1);
    }

    /** The value an {@code ENV NAME=value} of the final stage gives {@code name}, or null. */
    String env(String name) {
        String value = null;
        for (Instruction i : finalStage()) {
            if (i.keyword().equals("ENV")) {
                for (String assignment : i.arguments().split("\\s+")) {
                    if (assignment.startsWith(name + "=")) {
                        value = assignment.substring(name.length() + 1);
                    }
                }
            }
        }
        return value;
    }

    /** Every variable name set by ENV in the final stage. */
    List<String> envNames() {
        return finalStage().stream().filter(i -> i.keyword().equals("ENV"))
                .flatMap(i -> Pattern.compile("(\\w+)=").matcher(i.arguments()).results().map(r -> r.group(1)))
                .toList();
    }
}
