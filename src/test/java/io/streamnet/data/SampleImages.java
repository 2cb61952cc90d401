package io.streamnet.data;

import java.util.List;
import java.util.stream.Stream;

/** The bundled sample's images in memory, for tests. */
public final class SampleImages {
    private SampleImages() {
    }

    /** The first {@code count} images of a bundled sample, in file order. */
    public static List<Image> first(Sample which, int count) {
        try (Stream<Image> images = Dataset.sample(which).open().stream()) {
            return images.limit(count).toList();
        }
    }

    /** Every image of a bundled sample, in file order. */
    public static List<Image> all(Sample which) {
        return first(which, Integer.MAX_VALUE);
    }
}
