package io.streamnet.data;

import static io.streamnet.data.IdxFiles.gzip;
import static io.streamnet.data.IdxFiles.images;
import static io.streamnet.data.IdxFiles.labels;
import static io.streamnet.data.IdxFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadPlainAndGzippedFilesAlikeWhateverTheirNames() throws IOException {
        // Given the same three images and labels, once plain and once gzipped under a name without .gz
        Path plainImages = write(dir, "a-idx3-ubyte", images(3));
        Path plainLabels = write(dir, "a-labels", labels(IdxReader.LABELS_MAGIC, 3, (byte) 7, (byte) 0, (byte) 9));
        Path gzImages = write(dir, "b-images", gzip(images(3)));
        Path gzLabels = write(dir, "b-labels", gzip(labels(IdxReader.LABELS_MAGIC, 3, (byte) 7, (byte) 0, (byte) 9)));

        // When both are read
        List<Image> plain = read(Dataset.idx(plainImages, plainLabels).withIdPrefix("x"));
        List<Image> gzipped = read(Dataset.idx(gzImages, gzLabels).withIdPrefix("x"));

        // Then they give the same images, labels and ids
        assertThat(plain).isEqualTo(gzipped);
        assertThat(plain).extracting(Image::label).containsExactly(7, 0, 9);
        assertThat(plain).extracting(Image::id).containsExactly("x0", "x1", "x2");
        byte[] expected = new byte[Image.PIXELS];
        Arrays.fill(expected, (byte) 2);
        assertThat(plain.get(2).pixels()).isEqualTo(expected);
    }

    @Test
    void shouldReadImagesWithoutLabelsAsUnlabelled() throws IOException {
        // Given an image file alone
        Path images = write(dir, "u.idx", images(2));

        // When it is read
        List<Image> read = read(Dataset.idx(images, null));

        // Then every image is unlabelled
        assertThat(read).hasSize(2).noneMatch(Image::isLabelled);
    }

    @Test
    void shouldRejectALabelFileGivenAsImages() throws IOException {
        Path labels = write(dir, "train-labels-idx1-ubyte", labels(IdxReader.LABELS_MAGIC, 1, (byte) 3));

        assertOpenFails(Dataset.idx(labels, null))
                .hasMessage(labels + ": expected IDX images (magic 0x00000803) but this is an IDX label file"
                        + " (magic 0x00000801)");
    }

    @Test
    void shouldRejectAnImageFileGivenAsLabels() throws IOException {
        Path images = write(dir, "i", images(1));
        Path alsoImages = write(dir, "j", images(1));

        assertOpenFails(Dataset.idx(images, alsoImages))
                .hasMessage(alsoImages + ": expected IDX labels (magic 0x00000801) but this is an IDX image file"
                        + " (magic 0x00000803)");
    }

    @Test
    void shouldRejectFewerLabelsThanImagesFromTheHeadersAlone() throws IOException {
        // Given headers declaring 60,000 images and 59,999 labels (no bodies needed: the counts are compared first)
        Path images = write(dir, "i", images(IdxReader.IMAGES_MAGIC, 60_000, 28, 28, new byte[0]));
        Path labels = write(dir, "l", labels(IdxReader.LABELS_MAGIC, 59_999));

        assertOpenFails(Dataset.idx(images, labels))
                .hasMessage(labels + ": 59,999 labels for 60,000 images in " + images);
    }

    @Test
    void shouldRejectAFileThatIsNeitherGzipNorIdx() throws IOException {
        Path html = write(dir, "images.gz", "<html>not found</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertOpenFails(Dataset.idx(html, null))
                .hasMessage(html + ": expected IDX images (magic 0x00000803) but this is not an IDX file"
                        + " (it starts with bytes 3c 68 74 6d)");
    }

    @Test
    void shouldRejectAnotherIdxType() throws IOException {
        Path floats = write(dir, "f", images(0x00000D03, 1, 28, 28, new byte[0]));

        assertOpenFails(Dataset.idx(floats, null)).hasMessageContaining("IDX file of type 0x0d with 3 dimensions");
    }

    @Test
    void shouldRejectImagesThatAreNot28By28() throws IOException {
        Path small = write(dir, "s", images(IdxReader.IMAGES_MAGIC, 1, 32, 32, new byte[32 * 32]));

        assertOpenFails(Dataset.idx(small, null)).hasMessage(small + ": images are 32x32, expected 28x28");
    }

    @Test
    void shouldRejectAHeaderCutShort() throws IOException {
        Path cut = write(dir, "c", Arrays.copyOf(images(1), 10));

        assertOpenFails(Dataset.idx(cut, null)).hasMessage(cut + ": truncated, the file ends inside the IDX header");
    }

    @Test
    void shouldRejectAMissingFileAndADirectory() {
        Path missing = dir.resolve("nope.gz");

        assertOpenFails(Dataset.idx(missing, null)).hasMessage(missing + ": no such file");
        assertOpenFails(Dataset.idx(dir, null)).hasMessage(dir + ": a directory, not a file");
    }

    @Test
    void shouldReportTruncationAtTheImageWhereTheFileEnds() throws IOException {
        // Given a header declaring 3 images and a body holding 2.5
        byte[] whole = gzip(images(IdxReader.IMAGES_MAGIC, 3, 28, 28, new byte[Image.PIXELS * 5 / 2]));
        Path truncated = write(dir, "t.gz", whole);

        // When read, then the error names the image where the data ends
        assertReadFails(Dataset.idx(truncated, null))
                .hasMessage(truncated + ": truncated, the file ends inside image 3 of 3");
    }

    @Test
    void shouldReportAGzipFileCutInTheMiddleAsTruncated() throws IOException {
        byte[] gz = gzip(images(50));
        Path cut = write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));

        assertReadFails(Dataset.idx(cut, null)).hasMessageStartingWith(cut + ": truncated, the file ends inside image");
    }

    @Test
    void shouldReportDamagedGzipData() throws IOException {
        // Given a gzip file whose checksum no longer matches its content
        byte[] gz = gzip(images(2));
        gz[gz.length - 8] ^= 0x55; // the CRC-32 in the trailer
        Path damaged = write(dir, "d.gz", gz);

        assertReadFails(Dataset.idx(damaged, null)).hasMessageStartingWith(damaged + ": corrupt gzip data");
    }

    @Test
    void shouldRejectDataAfterTheDeclaredImages() throws IOException {
        Path longer = write(dir, "l", images(IdxReader.IMAGES_MAGIC, 1, 28, 28, new byte[Image.PIXELS + 1]));

        assertReadFails(Dataset.idx(longer, null))
                .hasMessage(longer + ": more data after the 1 images its header declares");
    }

    @Test
    void shouldRejectALabelThatIsNotADigit() throws IOException {
        Path images = write(dir, "i", images(2));
        Path labels = write(dir, "l", labels(IdxReader.LABELS_MAGIC, 2, (byte) 4, (byte) 12));

        assertReadFails(Dataset.idx(images, labels)).hasMessage(labels + ": label 12 for image 2 of 2 is not a digit 0-9");
    }

    @Test
    void shouldRejectALabelFileEndingEarly() throws IOException {
        Path images = write(dir, "i", images(2));
        Path labels = write(dir, "l", labels(IdxReader.LABELS_MAGIC, 2, (byte) 4));

        assertReadFails(Dataset.idx(images, labels))
                .hasMessage(labels + ": truncated, the file ends before label 2 of 2");
    }

    private static List<Image> read(Dataset dataset) {
        List<Image> out = new ArrayList<>();
        try (ImageReader reader = dataset.open()) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertOpenFails(Dataset dataset) {
        return assertThatThrownBy(dataset::open).isInstanceOf(DatasetException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(Dataset dataset) {
        return assertThatThrownBy(() -> read(dataset)).isInstanceOf(DatasetException.class);
    }
}
