package io.streamnet.serde;

import io.streamnet.data.Image;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** One input record for every reason a record can be rejected, for tests of every input path. */
public final class PoisonPills {
    /** A bad record: why it is bad, its key (null for none) and its value. */
    public record Poison(RejectReason reason, String key, byte[] value) {
    }

    private PoisonPills() {
    }

    /**
     * One of each reason; {@code good} lends its bytes to the binary one. The too-large one is 25 KB, so it is
     * rejected when the maximum record size is set below that.
     */
    public static List<Poison> all(Image good) {
        byte[] unknownVersion = ImageBinary.encode(good);
        unknownVersion[3] = 9;
        String pixels = Arrays.toString(new int[784]).replace(" ", "");
        String shortPixels = Arrays.toString(new int[783]).replace(" ", "");
        String hot = pixels.replaceFirst("0", "300");
        return List.of(
                new Poison(RejectReason.MALFORMED, "p-malformed", utf8("this is not an image")),
                new Poison(RejectReason.UNKNOWN_VERSION, "p-version", unknownVersion),
                new Poison(RejectReason.EMPTY, "p-empty", new byte[0]),
                new Poison(RejectReason.MISSING_ID, null, utf8("{\"label\":3,\"pixels\":" + pixels + "}")),
                new Poison(RejectReason.PIXEL_COUNT, "p-count", utf8("{\"id\":\"p-count\",\"pixels\":" + shortPixels + "}")),
                new Poison(RejectReason.PIXEL_VALUE, "p-value", utf8("{\"id\":\"p-value\",\"pixels\":" + hot + "}")),
                new Poison(RejectReason.LABEL_VALUE, "p-label",
                        utf8("{\"id\":\"p-label\",\"label\":11,\"pixels\":" + pixels + "}")),
                new Poison(RejectReason.TOO_LARGE, "p-large",
                        utf8("{\"id\":\"p-large\",\"pixels\":" + pixels + " ".repeat(25_000) + "}")));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
