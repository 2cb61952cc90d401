package io.streamnet.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchTest {

    @Test
    void shouldHoldExactlyTheNonZeroPixelsScaledBy255() {
        // Given images with zero runs of every length, starting anywhere, and all byte values
        SplittableRandom rng = new SplittableRandom(3);
        Batch batch = new Batch(40);
        byte[][] images = new byte[40][Network.INPUTS];
        for (byte[] image : images) {
            int k = 0;
            while (k < Network.INPUTS) {
                int run = rng.nextInt(1, 20);
                boolean ink = rng.nextBoolean();
                for (int r = 0; r < run && k < Network.INPUTS; r++, k++) {
                    image[k] = ink ? (byte) rng.nextInt(1, 256) : 0;
                }
            }
        }
        images[0] = new byte[Network.INPUTS];
        java.util.Arrays.fill(images[1], (byte) 255);
        // When they are added
        for (byte[] image : images) {
            batch.add(image, 7);
        }
        // Then each image's list is its non-zero pixels in order, valued pixel / 255
        for (int j = 0; j < images.length; j++) {
            int q = 0;
            for (int k = 0; k < Network.INPUTS; k++) {
                int p = images[j][k] & 0xFF;
                if (p != 0) {
                    assertThat(batch.indices()[j][q]).as("image %d, entry %d", j, q).isEqualTo(k);
                    assertThat(batch.values()[j][q]).isEqualTo(p / 255.0);
                    q++;
                }
            }
            assertThat(batch.counts()[j]).as("non-zero pixels of image %d", j).isEqualTo(q);
        }
        assertThat(batch.counts()[0]).isZero();
        assertThat(batch.counts()[1]).isEqualTo(Network.INPUTS);
    }

    @Test
    void shouldRegroupTheBatchByPixelInImageOrder() {
        // Given a batch of real images
        Batch batch = GradientCheckTest.firstImagesOfTheGoldenStream(32);
        // When it is regrouped by pixel
        PixelColumns columns = new PixelColumns(32);
        columns.collect(batch);
        // Then every non-zero X[j][k] appears once, under pixel k, images ascending, and nothing else
        double[][] dense = new double[32][Network.INPUTS];
        for (int j = 0; j < 32; j++) {
            for (int q = 0; q < batch.counts()[j]; q++) {
                dense[j][batch.indices()[j][q]] = batch.values()[j][q];
            }
        }
        double[][] regrouped = new double[32][Network.INPUTS];
        int previousPixel = -1;
        for (int t = 0; t < columns.size(); t++) {
            int k = columns.pixel(t);
            assertThat(k).isGreaterThan(previousPixel);
            previousPixel = k;
            assertThat(columns.start(t + 1)).as("entries of pixel %d", k).isGreaterThan(columns.start(t));
            for (int e = columns.start(t); e < columns.start(t + 1); e++) {
                if (e > columns.start(t)) {
                    assertThat(columns.images()[e]).isGreaterThan(columns.images()[e - 1]);
                }
                regrouped[columns.images()[e]][k] = columns.values()[e];
            }
        }
        assertThat(regrouped).isDeepEqualTo(dense);
    }
}
