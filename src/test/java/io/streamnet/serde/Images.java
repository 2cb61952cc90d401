package io.streamnet.serde;

import io.streamnet.data.Image;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Test images and record bytes. */
final class Images {

    private Images() {
    }

    /** An image whose pixels cover 0-255, so signed-byte mistakes show. */
    static Image ramp(String id, int label) {
        byte[] pixels = new byte[Image.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        return new Image(id, label, pixels);
    }

    static Image random(Random random, String id) {
        byte[] pixels = new byte[Image.PIXELS];
        random.nextBytes(pixels);
        int label = random.nextInt(11) - 1; // -1 is NO_LABEL
        return new Image(id, label, pixels);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON value with the given raw field texts, e.g. json("\"id\":\"a\"", "\"pixels\":" + pixels(784, "0")). */
    static byte[] json(String... fields) {
        return utf8("{" + String.join(",", fields) + "}");
    }

    /** A JSON array of {@code count} copies of {@code value}. */
    static String pixels(int count, String value) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            out.append(i > 0 ? "," : "").append(value);
        }
        return out.append(']').toString();
    }

    /** 784 zero pixels with {@code value} at index {@code at}. */
    static String pixelsWith(int at, String value) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < Image.PIXELS; i++) {
            out.append(i > 0 ? "," : "").append(i == at ? value : "0");
        }
        return out.append(']').toString();
    }
}
