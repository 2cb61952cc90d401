package io.streamnet.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One golden case from the shared golden directory: initial parameters and, per step, the batch and every
 * number the seed's formulas give for it (float64). Matrices are stored as JSON rows; A2 as one row per image.
 */
record GoldenCase(String name, int hidden, double learningRate, Network initial, List<Step> steps) {

    /**
     * The directory of golden cases: -Dstreamnet.golden=..., else ../shared/golden beside the project when it is there
     * (it may hold cases newer than the copy here), else the copy in src/test/golden (read by path, not from the class
     * path, so no build copies its 4.5 MB).
     */
    static Path directory() {
        String chosen = System.getProperty("streamnet.golden");
        if (chosen != null) {
            return Path.of(chosen);
        }
        Path shared = Path.of("../shared/golden");
        return Files.isDirectory(shared) ? shared : Path.of("src/test/golden");
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list golden cases in " + directory().toAbsolutePath(), e);
        }
    }

    record Step(int[][] pixels, int[] labels, double[][] a2, int[] predictions, double loss,
                double[][] dw1, double[] db1, double[][] dw2, double[] db2, Network after) {

        Batch batch() {
            Batch batch = new Batch(labels.length);
            for (int j = 0; j < labels.length; j++) {
                byte[] bytes = new byte[pixels[j].length];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) pixels[j][k];
                }
                batch.add(bytes, labels[j]);
            }
            return batch;
        }
    }

    static GoldenCase read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            int hidden = root.get("hidden").asInt();
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : root.get("steps")) {
                steps.add(new Step(ints2(s.get("pixels")), ints(s.get("labels")), doubles2(s.get("A2")),
                        ints(s.get("predictions")), s.get("loss").asDouble(), doubles2(s.get("dW1")), flat(s.get("db1")),
                        doubles2(s.get("dW2")), flat(s.get("db2")), network(hidden, s.get("after"))));
            }
            return new GoldenCase(root.get("name").asText(), hidden, root.get("learningRate").asDouble(),
                    network(hidden, root.get("initial")), steps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden case " + file, e);
        }
    }

    private static Network network(int hidden, JsonNode p) {
        return Network.of(hidden, flat(p.get("W1")), flat(p.get("b1")), flat(p.get("W2")), flat(p.get("b2")));
    }

    /** A vector, or a matrix flattened row by row. */
    static double[] flat(JsonNode node) {
        List<Double> out = new ArrayList<>();
        for (JsonNode e : node) {
            if (e.isArray()) {
                e.forEach(v -> out.add(v.asDouble()));
            } else {
                out.add(e.asDouble());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }

    private static int[][] ints2(JsonNode node) {
        int[][] out = new int[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ints(node.get(i));
        }
        return out;
    }

    private static double[][] doubles2(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = flat(node.get(i));
        }
        return out;
    }
}
