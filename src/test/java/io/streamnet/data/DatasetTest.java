package io.streamnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void shouldDeriveTheDefaultIdPrefixFromTheFileName() {
        assertThat(Dataset.idx(Path.of("/data/t10k-images-idx3-ubyte.gz"), null).idPrefix()).isEqualTo("t10k-images-");
        assertThat(Dataset.idx(Path.of("train-images.idx3-ubyte"), null).idPrefix()).isEqualTo("train-images-");
        assertThat(Dataset.csv(Path.of("kaggle/test.csv")).idPrefix()).isEqualTo("test-");
        assertThat(Dataset.sample(Sample.TRAIN).idPrefix()).isEqualTo("train-");
        assertThat(Dataset.sample(Sample.TEST_CSV).idPrefix()).isEqualTo("test-");
    }

    @Test
    void shouldBuildIdsFromThePrefixAndTheIndexInTheFile() {
        Dataset dataset = Dataset.csv(Path.of("a.csv")).withIdPrefix("");

        assertThat(dataset.id(0)).isEqualTo("0");
        assertThat(dataset.withIdPrefix("b:").id(41)).isEqualTo("b:41");
    }

    @Test
    void shouldNameBothFilesOfAnIdxPair() {
        assertThat(Dataset.idx(Path.of("i.gz"), Path.of("l.gz")).name()).isEqualTo("i.gz + l.gz");
        assertThat(Dataset.sample(Sample.TEST_CSV).name()).isEqualTo("classpath:/sample/mnist-sample-kaggle.csv");
    }
}
