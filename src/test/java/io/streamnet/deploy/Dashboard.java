package io.streamnet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard {@value #FILE} as its tests need it: panels, their PromQL queries, the template variables,
 * and the queries with Grafana's variables replaced so that Prometheus itself can run them.
 */
public final class Dashboard {
    public static final String FILE = "grafana/dashboards/streamnet.json";
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\{(\\w+)}|(\\w+))");
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*(\\w+)\\)$");
    /** A metric name right before a label selector or a range: what a query reads. */
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");

    /** One query of one panel. */
    public record Query(String panel, String refId, String expr) {
        @Override
        public String toString() {
            return "'" + panel + "' " + refId + ": " + expr;
        }
    }

    /** A query variable {@code label_values(selector, label)}. */
    public record Variable(String name, String selector, String label) {
    }

    private final JsonNode json;

    private Dashboard(JsonNode json) {
        this.json = json;
    }

    public static Dashboard load() {
        try {
            return new Dashboard(new ObjectMapper().readTree(Repo.path(FILE).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    public JsonNode json() {
        return json;
    }

    /** Every panel that is not a row. */
    public List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        json.path("panels").forEach(p -> {
            if (!p.path("type").asText().equals("row")) {
                out.add(p);
            }
        });
        return out;
    }

    public List<Query> queries() {
        List<Query> out = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(t -> out.add(new Query(panel.path("title").asText(),
                    t.path("refId").asText(), t.path("expr").asText())));
        }
        return out;
    }

    /** The query variables; each must be {@code label_values(selector, label)}. */
    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        for (JsonNode v : json.path("templating").path("list")) {
            String query = v.path("query").isTextual() ? v.path("query").asText() : v.path("query").path("query").asText();
            Matcher m = LABEL_VALUES.matcher(query.trim());
            if (!m.matches()) {
                throw new IllegalStateException("variable " + v.path("name").asText() + " is not label_values(...): "
                        + query);
            }
            out.add(new Variable(v.path("name").asText(), m.group(1).trim(), m.group(2)));
        }
        return out;
    }

    /** The metric names the panels' queries read. */
    public Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (Query q : queries()) {
            METRIC.matcher(q.expr()).results().map(r -> r.group(1)).forEach(names::add);
        }
        return names;
    }

    /**
     * {@code expr} with every {@code $name} or {@code ${name}} replaced from {@code values} (e.g. {@code instance}
     * to {@code .*}, {@code __rate_interval} to {@code 1m}).
     *
     * @throws IllegalArgumentException for a variable {@code values} does not name
     */
    public static String substitute(String expr, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(3);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for $" + name + " in " + expr);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
