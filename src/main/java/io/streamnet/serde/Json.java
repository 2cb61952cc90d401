package io.streamnet.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;

/** What the JSON encoders and decoders share: one thread-safe parser factory, string escaping, token descriptions. */
final class Json {
    /** NaN and Infinity are read as numbers so that a NaN pixel is reported as a bad pixel, not as broken JSON. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_QUOTED = 24;

    private Json() {
    }

    /** Appends {@code text} as a JSON string literal: quotes, backslashes and control characters escaped. */
    static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The current token for a message: {@code 1.5}, {@code NaN}, {@code "a string"}, {@code an array}, ... */
    static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "missing";
        }
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> abbreviate(p.getText());
            case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    /** At most a few dozen characters of {@code text}, control characters replaced, so messages stay one line. */
    static String abbreviate(String text) {
        return abbreviate(text, MAX_QUOTED);
    }

    static String abbreviate(String text, int max) {
        String shown = text.length() <= max ? text : text.substring(0, max) + "...";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
