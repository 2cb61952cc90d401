package io.streamnet.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * Reads Kaggle's digit-recognizer CSV: one image a line, {@code label,pixel0,...,pixel783} (785 integer columns)
 * or without the label column (784, as in Kaggle's test.csv). A header line is optional and recognised by a
 * first field that is not a number; the header's (else the first row's) column count decides whether there is a
 * label column, and every row must then have the same. Blank lines are skipped. The n-th data row (0-based) gets
 * the id {@code idPrefix + n}. Errors name the line (1-based, counting the header) and the column (1-based).
 */
final class CsvReader implements ImageReader {
    private static final int LABELLED_COLUMNS = Image.PIXELS + 1;
    private static final int NOT_A_NUMBER = -1;

    private final Source source;
    private final BufferedReader in;
    private final boolean labelled;
    private final String idPrefix;
    private String pending;
    private int lineNumber;
    private int index;

    private CsvReader(Source source, BufferedReader in, String idPrefix) {
        this.source = source;
        this.in = in;
        this.idPrefix = idPrefix;
        String first = readLine();
        if (first == null) {
            throw source.problem("empty, expected a CSV of images (label,pixel0,...,pixel783)");
        }
        first = first.startsWith("\uFEFF") ? first.substring(1) : first; // byte-order mark some editors add
        int columns = columns(first);
        if (columns != Image.PIXELS && columns != LABELLED_COLUMNS) {
            throw source.problem(String.format(Locale.ROOT,
                    "line %d has %d columns, expected %d (pixels) or %d (label and pixels)",
                    lineNumber, columns, Image.PIXELS, LABELLED_COLUMNS));
        }
        this.labelled = columns == LABELLED_COLUMNS;
        boolean header = !isInteger(first.substring(0, Math.max(first.indexOf(','), 0)).trim());
        this.pending = header ? readLine() : first;
    }

    static CsvReader open(Source source, String idPrefix) {
        BufferedReader in = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8), 1 << 16);
        try {
            return new CsvReader(source, in, idPrefix);
        } catch (RuntimeException e) {
            Source.closeQuietly(in);
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public Image next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        Image image = parse(pending);
        index++;
        pending = readLine();
        return image;
    }

    /** One row into an image; the column count is checked first so a short row is reported as such. */
    private Image parse(String line) {
        int columns = columns(line);
        int expected = labelled ? LABELLED_COLUMNS : Image.PIXELS;
        if (columns != expected) {
            throw source.problem(String.format(Locale.ROOT, "line %d has %d pixels, expected %d",
                    lineNumber, columns - (labelled ? 1 : 0), Image.PIXELS));
        }
        byte[] pixels = new byte[Image.PIXELS];
        int label = Image.NO_LABEL;
        int start = 0;
        for (int column = 0; column < columns; column++) {
            int end = line.indexOf(',', start);
            end = end < 0 ? line.length() : end;
            int value = value(line, start, end);
            if (labelled && column == 0) {
                label = checked(value, 9, "label", line, start, end, column);
            } else {
                pixels[labelled ? column - 1 : column] = (byte) checked(value, 255, "pixel", line, start, end, column);
            }
            start = end + 1;
        }
        return new Image(idPrefix + index, label, pixels);
    }

    private int checked(int value, int max, String what, String line, int start, int end, int column) {
        if (value >= 0 && value <= max) {
            return value;
        }
        String text = abbreviate(line.substring(start, end).trim());
        throw source.problem(String.format(Locale.ROOT, "line %d column %d: %s '%s' is not an integer 0-%d",
                lineNumber, column + 1, what, text, max));
    }

    /** The non-negative integer in line[start, end) ignoring surrounding spaces, else NOT_A_NUMBER; no allocation. */
    private static int value(String line, int start, int end) {
        while (start < end && line.charAt(start) == ' ') {
            start++;
        }
        while (end > start && line.charAt(end - 1) == ' ') {
            end--;
        }
        if (start == end || end - start > 9) {
            return NOT_A_NUMBER;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isInteger(String field) {
        return value(field, 0, field.length()) != NOT_A_NUMBER;
    }

    private static int columns(String line) {
        int commas = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                commas++;
            }
        }
        return commas + 1;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    /** The next non-blank line, or null at the end of the file. */
    private String readLine() {
        try {
            String line;
            do {
                line = in.readLine();
                lineNumber++;
            } while (line != null && line.isBlank());
            return line;
        } catch (IOException e) {
            throw source.failure(e, "line " + lineNumber);
        }
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    public boolean labelled() {
        return labelled;
    }

    @Override
    public void close() {
        Source.closeQuietly(in);
    }
}
