package io.streamnet.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: a header and whatever body the test wants (possibly wrong on purpose). */
final class IdxFiles {

    private IdxFiles() {
    }

    /** Image file header (magic, count, rows, columns) followed by {@code body}. */
    static byte[] images(int magic, int count, int rows, int columns, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(columns);
        out.write(body);
        return bytes.toByteArray();
    }

    /** A well-formed image file of {@code count} images, image i filled with the byte value i. */
    static byte[] images(int count) throws IOException {
        byte[] body = new byte[count * Image.PIXELS];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(body, i * Image.PIXELS, (i + 1) * Image.PIXELS, (byte) i);
        }
        return images(IdxReader.IMAGES_MAGIC, count, 28, 28, body);
    }

    /** Label file: magic, count, then {@code labels}. */
    static byte[] labels(int magic, int count, byte... labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.write(labels);
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
