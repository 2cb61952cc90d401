package io.streamnet.serde;

import static io.streamnet.serde.Images.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamnet.data.Prediction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class PredictionJsonTest {

    @Test
    void shouldWriteTheDocumentedFieldsWithShortestDecimals() {
        // Given a prediction with simple probabilities
        double[] p = {0.1, 0, 0, 0.7, 0, 0, 0, 0.2, 0, 1e-300};
        Prediction prediction = new Prediction("test-7", 3, p, 1250, 1_700_000_000_000L);

        // When encoded
        String json = new String(PredictionJson.encode(prediction), StandardCharsets.UTF_8);

        // Then it is compact JSON whose numbers are the shortest that read back exactly
        assertThat(json).isEqualTo("{\"id\":\"test-7\",\"digit\":3,"
                + "\"probabilities\":[0.1,0.0,0.0,0.7,0.0,0.0,0.0,0.2,0.0,1.0E-300],"
                + "\"modelVersion\":1250,\"inputTimestamp\":1700000000000}");
    }

    @Test
    void shouldReadBackEveryProbabilityBitForBit() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            // Given softmax-like probabilities, some tiny
            double[] p = new double[10];
            for (int d = 0; d < 10; d++) {
                p[d] = random.nextDouble() * Math.pow(10, -random.nextInt(40));
            }
            Prediction prediction = new Prediction("id\"" + i, i % 10, p, random.nextLong(), random.nextLong());

            // When encoded and decoded, then it is equal, doubles exactly
            assertThat(PredictionJson.decode(PredictionJson.encode(prediction))).isEqualTo(prediction);
        }
    }

    @Test
    void shouldIgnoreUnknownFieldsAndAcceptAnyOrder() {
        byte[] json = utf8("{\"inputTimestamp\":5,\"extra\":[1,{\"a\":2}],\"modelVersion\":2,"
                + "\"probabilities\":[1,0,0,0,0,0,0,0,0,0],\"digit\":0,\"id\":\"x\"}");

        Prediction prediction = PredictionJson.decode(json);

        assertThat(prediction).isEqualTo(new Prediction("x", 0, new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 2, 5));
    }

    @Test
    void shouldRejectSomethingThatIsNotAPrediction() {
        assertThatThrownBy(() -> PredictionJson.decode(utf8("{\"id\":\"x\",\"digit\":1}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> PredictionJson.decode(utf8("{\"id\":\"x\",\"digit\":1,\"probabilities\":[1],"
                + "\"modelVersion\":1,\"inputTimestamp\":1}"))).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> PredictionJson.decode(utf8("not json"))).isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRoundTripThroughItsSerde() {
        Serde<Prediction> serde = PredictionJson.serde();
        Prediction prediction = new Prediction("a", 9, new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0.25, 0.75}, 1, 2);

        byte[] bytes = serde.serializer().serialize("predictions", prediction);

        assertThat(serde.deserializer().deserialize("predictions", bytes)).isEqualTo(prediction);
        assertThat(serde.serializer().serialize("predictions", null)).isNull();
    }
}
