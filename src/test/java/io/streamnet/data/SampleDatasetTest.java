package io.streamnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleDatasetTest {

    @Test
    void shouldReadTheBundledTrainingSampleWithItsHeaderCountAndIds() {
        // Given the bundled training sample
        try (ImageReader reader = Dataset.sample(Sample.TRAIN).open()) {
            // When it is opened and read to the end
            assertThat(reader.size()).hasValue(8_000);
            assertThat(reader.labelled()).isTrue();
            List<Image> images = drain(reader);

            // Then it holds 8,000 labelled images with ids train-0 .. train-7999 in file order
            assertThat(images).hasSize(8_000);
            assertThat(images.get(0).id()).isEqualTo("train-0");
            assertThat(images.get(7_999).id()).isEqualTo("train-7999");
            assertThat(images).allMatch(Image::isLabelled);
        }
    }

    @Test
    void shouldHaveTheDocumentedClassCountsOverAllTenThousandImages() {
        // Given both parts of the sample
        int[] counts = new int[10];

        // When every label is counted
        for (Sample part : List.of(Sample.TRAIN, Sample.TEST)) {
            try (Stream<Image> images = Dataset.sample(part).open().stream()) {
                images.forEach(image -> counts[image.label()]++);
            }
        }

        // Then the counts are the README's
        assertThat(counts).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
    }

    @Test
    void shouldReadTheSameImagesAndIdsFromTheCsvAsFromTheIdxTestSet() {
        // Given the held-out sample as IDX and as CSV
        List<Image> idx;
        List<Image> csv;

        // When both are read
        try (ImageReader reader = Dataset.sample(Sample.TEST).open()) {
            idx = drain(reader);
        }
        try (ImageReader reader = Dataset.sample(Sample.TEST_CSV).open()) {
            assertThat(reader.size()).isEmpty();
            assertThat(reader.labelled()).isTrue();
            csv = drain(reader);
        }

        // Then they are the same 2,000 images, labels and ids, in the same order
        assertThat(idx).hasSize(2_000);
        assertThat(csv).isEqualTo(idx);
        assertThat(csv.get(1_999).id()).isEqualTo("test-1999");
    }

    @Test
    void shouldGiveTheSameIdsWhenTheSameDatasetIsReopenedWithAPrefix() {
        // Given the test sample with a chosen prefix
        Dataset dataset = Dataset.sample(Sample.TEST).withIdPrefix("run7/");

        // When it is read twice
        Image first;
        Image again;
        try (ImageReader reader = dataset.open()) {
            first = reader.next();
        }
        try (ImageReader reader = dataset.open()) {
            again = reader.next();
        }

        // Then both reads give the same image and id, which id(index) also predicts
        assertThat(first).isEqualTo(again);
        assertThat(first.id()).isEqualTo("run7/0").isEqualTo(dataset.id(0));
    }

    private static List<Image> drain(Iterator<Image> images) {
        List<Image> out = new ArrayList<>();
        images.forEachRemaining(out::add);
        return out;
    }
}
