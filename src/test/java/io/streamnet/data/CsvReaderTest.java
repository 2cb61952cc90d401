package io.streamnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    private static final String HEADER = "label," + IntStream.range(0, 784).mapToObj(i -> "pixel" + i)
            .collect(Collectors.joining(","));
    private static final String PIXEL_HEADER = HEADER.substring("label,".length());

    @TempDir
    Path dir;

    @Test
    void shouldReadLabelledRowsAfterAHeader() throws IOException {
        // Given a Kaggle train.csv-like file
        Path csv = write("train.csv", HEADER, row(7, 1), row(0, 255));

        // When it is read
        List<Image> images = read(Dataset.csv(csv));

        // Then each row is an image with its label, pixels and the file-derived id
        assertThat(images).extracting(Image::label).containsExactly(7, 0);
        assertThat(images).extracting(Image::id).containsExactly("train-0", "train-1");
        assertThat(images.get(1).pixels()).containsOnly((byte) 255);
    }

    @Test
    void shouldReadRowsWithoutLabelColumnAsUnlabelled() throws IOException {
        // Given a Kaggle test.csv-like file: header of pixels only
        Path csv = write("test.csv", PIXEL_HEADER, row(-1, 3));

        // When it is opened and read
        try (ImageReader reader = Dataset.csv(csv).open()) {
            // Then there is no label column, and the image is unlabelled
            assertThat(reader.labelled()).isFalse();
            assertThat(reader.next().isLabelled()).isFalse();
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void shouldDetectTheLabelColumnFromTheColumnCountWhenThereIsNoHeader() throws IOException {
        Path labelled = write("a.csv", row(5, 9));
        Path unlabelled = write("b.csv", row(-1, 9));

        assertThat(read(Dataset.csv(labelled))).extracting(Image::label).containsExactly(5);
        assertThat(read(Dataset.csv(unlabelled))).extracting(Image::label).containsExactly(Image.NO_LABEL);
    }

    @Test
    void shouldSkipBlankLinesAndAcceptCrLfAndAByteOrderMark() throws IOException {
        Path csv = dir.resolve("w.csv");
        Files.writeString(csv, "\uFEFF" + HEADER + "\r\n" + row(1, 1) + "\r\n\r\n" + row(2, 2) + "\r\n",
                StandardCharsets.UTF_8);

        assertThat(read(Dataset.csv(csv))).extracting(Image::label).containsExactly(1, 2);
    }

    @Test
    void shouldNameTheLineOfARowWith783Pixels() throws IOException {
        // Given 15 good rows after the header, then a short one on line 17
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 15; i++) {
            lines.add(row(i % 10, 0));
        }
        String shortRow = row(3, 0);
        lines.add(shortRow.substring(0, shortRow.length() - 2));
        Path csv = write("short.csv", lines.toArray(String[]::new));

        assertReadFails(csv).hasMessage(csv + ": line 17 has 783 pixels, expected 784");
    }

    @Test
    void shouldNameTheLineAndColumnOfAPixelOutOfRange() throws IOException {
        // Given a pixel 300 in column 12 of line 5 (label in column 1)
        String[] fields = row(4, 0).split(",");
        fields[11] = "300";
        Path csv = write("p.csv", HEADER, row(1, 0), row(2, 0), row(3, 0), String.join(",", fields));

        assertReadFails(csv).hasMessage(csv + ": line 5 column 12: pixel '300' is not an integer 0-255");
    }

    @Test
    void shouldRejectAPixelThatIsNotAnInteger() throws IOException {
        String[] fields = row(4, 0).split(",");
        fields[2] = "1.5";
        Path csv = write("f.csv", String.join(",", fields));

        assertReadFails(csv).hasMessage(csv + ": line 1 column 3: pixel '1.5' is not an integer 0-255");
    }

    @Test
    void shouldRejectALabelThatIsNotADigit() throws IOException {
        Path csv = write("l.csv", HEADER, row(0, 0).replaceFirst("^0", "10"));

        assertReadFails(csv).hasMessage(csv + ": line 2 column 1: label '10' is not an integer 0-9");
    }

    @Test
    void shouldRejectAFileWhoseFirstLineIsNoImageLayout() throws IOException {
        Path csv = write("x.csv", "id,value", "1,2");

        assertThatThrownBy(() -> Dataset.csv(csv).open()).isInstanceOf(DatasetException.class)
                .hasMessage(csv + ": line 1 has 2 columns, expected 784 (pixels) or 785 (label and pixels)");
    }

    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        Path csv = write("e.csv");

        assertThatThrownBy(() -> Dataset.csv(csv).open()).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(csv + ": empty");
    }

    @Test
    void shouldReadAGzippedCsv() throws IOException {
        Path csv = IdxFiles.write(dir, "g.csv.gz",
                IdxFiles.gzip((HEADER + "\n" + row(6, 6) + "\n").getBytes(StandardCharsets.US_ASCII)));

        assertThat(read(Dataset.csv(csv))).extracting(Image::label, Image::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6, "g-0"));
    }

    /** A row: the label (none when negative) and 784 copies of {@code pixel}. */
    private static String row(int label, int pixel) {
        int[] pixels = new int[Image.PIXELS];
        Arrays.fill(pixels, pixel);
        String values = Arrays.stream(pixels).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return label < 0 ? values : label + "," + values;
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.US_ASCII);
    }

    private static List<Image> read(Dataset dataset) {
        List<Image> out = new ArrayList<>();
        try (ImageReader reader = dataset.open()) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(Path csv) {
        return assertThatThrownBy(() -> read(Dataset.csv(csv))).isInstanceOf(DatasetException.class);
    }
}
