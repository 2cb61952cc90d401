package io.streamnet.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamnet.model.Hyperparameters;
import io.streamnet.model.Model;
import io.streamnet.model.Trainer;
import io.streamnet.nn.Init;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    @Test
    void shouldRoundTripATrainedModelBitForBit() {
        // Given a model after a few updates
        Model model = trainedModel();
        // When it is encoded and decoded
        byte[] bytes = ModelCodec.encode(model);
        Model decoded = ModelCodec.decode(bytes);
        // Then every field and parameter is identical, and the version can be read from the header alone
        assertThat(decoded).isEqualTo(model);
        assertThat(ModelCodec.version(bytes)).isEqualTo(3);
        assertThat(ModelCodec.encode(decoded)).isEqualTo(bytes);
    }

    @Test
    void shouldRefuseAnUnknownFormatVersionWithAClearMessage() {
        byte[] bytes = ModelCodec.encode(trainedModel());
        bytes[4] = 9;
        assertThatThrownBy(() -> ModelCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model snapshot format version 9 is not supported; this build reads version 1");
    }

    @Test
    void shouldRefuseTruncatedOrForeignBytes() {
        byte[] bytes = ModelCodec.encode(trainedModel());
        assertThatThrownBy(() -> ModelCodec.decode(Arrays.copyOf(bytes, bytes.length - 8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytes, expected");
        assertThatThrownBy(() -> ModelCodec.decode(Arrays.copyOf(bytes, 40)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> ModelCodec.decode("{\"id\":1}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a model snapshot");
    }

    static Model trainedModel() {
        Model model = Model.initial(new Hyperparameters(6, 0.1, Init.HE, 3), 50);
        Trainer trainer = new Trainer(model, 4);
        SplittableRandom rng = new SplittableRandom(1);
        for (int step = 0; step < 3; step++) {
            for (int j = 0; j < 4; j++) {
                byte[] pixels = new byte[784];
                for (int k = 0; k < pixels.length; k++) {
                    pixels[k] = (byte) rng.nextInt(256);
                }
                trainer.batch().add(pixels, rng.nextInt(10));
            }
            assertThat(trainer.train().applied()).isTrue();
        }
        return trainer.model();
    }
}
