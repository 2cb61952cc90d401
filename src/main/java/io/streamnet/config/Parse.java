package io.streamnet.config;

import io.streamnet.serde.ImageBinary;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a setting's text becomes a value; each rejects bad text with a message naming the setting and the fix. */
enum Parse {
    TEXT("TEXT", "a non-empty text"),
    POSITIVE_INT("N", "an integer >= 1"),
    NON_NEGATIVE_INT("N", "an integer >= 0"),
    RECORD_LIMIT("N", "an integer >= " + ImageBinary.LENGTH + ", the size of the smallest image record"),
    LONG("N", "an integer"),
    PORT("PORT", "a port number 0-65535"),
    POSITIVE_DOUBLE("X", "a finite number > 0"),
    DURATION("DURATION", "a duration such as 0, 250ms, 2s or 1m"),
    POSITIVE_DURATION("DURATION", "a duration > 0 such as 250ms, 2s or 1m"),
    INIT("he|seed", "he or seed"),
    GUARANTEE("exactly_once_v2|at_least_once", "exactly_once_v2 or at_least_once");

    private static final Pattern DURATION_TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    /** The value's placeholder in a usage line. */
    final String label;
    final String expected;

    Parse(String label, String expected) {
        this.label = label;
        this.expected = expected;
    }

    Object apply(Setting setting, String raw) {
        String text = raw == null ? "" : raw.trim();
        Object value = switch (this) {
            case TEXT -> text.isEmpty() ? null : text;
            case POSITIVE_INT -> atLeast(parseInt(text), 1);
            case NON_NEGATIVE_INT -> atLeast(parseInt(text), 0);
            case RECORD_LIMIT -> atLeast(parseInt(text), ImageBinary.LENGTH);
            case LONG -> parseLong(text);
            case PORT -> {
                Integer port = parseInt(text);
                yield port != null && port <= 65_535 ? atLeast(port, 0) : null;
            }
            case POSITIVE_DOUBLE -> {
                Double d = parseDouble(text);
                yield d != null && Double.isFinite(d) && d > 0 ? d : null;
            }
            case DURATION -> parseDuration(text);
            case POSITIVE_DURATION -> {
                Duration d = parseDuration(text);
                yield d != null && !d.isZero() ? d : null;
            }
            case INIT -> switch (text.toLowerCase(Locale.ROOT)) {
                case "he" -> io.streamnet.nn.Init.HE;
                case "seed" -> io.streamnet.nn.Init.SEED;
                default -> null;
            };
            case GUARANTEE -> text.equals("exactly_once_v2") || text.equals("at_least_once") ? text : null;
        };
        if (value == null) {
            throw new ConfigException(setting.env() + " (" + setting.flag() + ") must be " + expected
                    + ", got '" + raw + "'");
        }
        return value;
    }

    private static Integer atLeast(Integer value, int min) {
        return value != null && value >= min ? value : null;
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION_TEXT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
        String unit = m.group(2);
        if (unit == null) {
            return amount == 0 ? Duration.ZERO : null; // a bare number is ambiguous unless it is 0
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
