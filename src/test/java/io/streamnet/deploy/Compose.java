package io.streamnet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml, read as a tree, with the few accessors the deploy tests need. */
final class Compose {
    static final String FILE = "docker-compose.yml";
    final JsonNode root = Repo.yaml(FILE);

    Map<String, JsonNode> services() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        root.path("services").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError(FILE + " has no service " + name);
        }
        return service;
    }

    /** The services that run the image this repository builds. */
    Map<String, JsonNode> streamnetServices(String image) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        services().forEach((name, s) -> {
            if (s.has("build") || image.equals(s.path("image").asText())) {
                out.put(name, s);
            }
        });
        return out;
    }

    /** A service's environment, from either form (map, or list of NAME=value). */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        } else {
            node.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    /** A service's command as a list of arguments. */
    static List<String> command(JsonNode service) {
        return strings(service.path("command"));
    }

    /** A command-like value: the items of a list, or a string split on white space. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(a -> out.add(a.asText()));
        } else if (!node.isMissingNode()) {
            out.addAll(List.of(node.asText().trim().split("\\s+")));
        }
        return out;
    }

    /** The names a service's depends_on lists, with their conditions ("service_started" in the short form). */
    static Map<String, String> dependsOn(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = service.path("depends_on");
        if (node.isArray()) {
            node.forEach(n -> out.put(n.asText(), "service_started"));
        } else {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return out;
    }

    /** Bind mounts of a service: host path (as written) → container path. */
    static Map<String, String> bindMounts(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        service.path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            if (parts[0].startsWith("./") || parts[0].startsWith("/")) {
                out.put(parts[0], parts[1]);
            }
        });
        return out;
    }
}
