package io.streamnet.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberOutput;
import io.streamnet.data.Prediction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The predictions topic's value, UTF-8 JSON (key = the image id):
 * <pre>
 * {"id":"test-7","digit":3,"probabilities":[p0,…,p9],"modelVersion":1250,"inputTimestamp":1700000000000}
 * </pre>
 * {@code probabilities[d]} is the softmax probability of digit d, written as the shortest decimal that reads back
 * as the same double; {@code modelVersion} counts the updates applied to the model that answered;
 * {@code inputTimestamp} is the input record's timestamp in epoch milliseconds. Readers ignore unknown fields.
 */
public final class PredictionJson {

    private PredictionJson() {
    }

    public static byte[] encode(Prediction prediction) {
        StringBuilder out = new StringBuilder(96 + prediction.id().length() + 24 * Prediction.DIGITS);
        out.append("{\"id\":");
        Json.appendString(out, prediction.id());
        out.append(",\"digit\":").append(prediction.digit()).append(",\"probabilities\":[");
        double[] p = prediction.probabilities();
        for (int d = 0; d < Prediction.DIGITS; d++) {
            if (d > 0) {
                out.append(',');
            }
            out.append(NumberOutput.toString(p[d], true)); // Schubfach: shortest round-trip digits
        }
        out.append("],\"modelVersion\":").append(prediction.modelVersion())
                .append(",\"inputTimestamp\":").append(prediction.inputTimestamp()).append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws SerializationException when the bytes are not a prediction (missing field, wrong type, bad JSON) */
    public static Prediction decode(byte[] bytes) {
        try (JsonParser p = Json.FACTORY.createParser(bytes)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            String id = null;
            Integer digit = null;
            double[] probabilities = null;
            Long modelVersion = null;
            Long inputTimestamp = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "id" -> id = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "digit" -> digit = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "probabilities" -> probabilities = probabilities(p);
                    case "modelVersion" -> modelVersion = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "inputTimestamp" -> inputTimestamp = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    default -> p.skipChildren();
                }
            }
            expect(id != null && digit != null && probabilities != null && modelVersion != null
                    && inputTimestamp != null, "a field is missing or of the wrong type");
            return new Prediction(id, digit, probabilities, modelVersion, inputTimestamp);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("not a prediction: " + e.getMessage(), e);
        }
    }

    private static double[] probabilities(JsonParser p) throws IOException {
        expect(p.currentToken() == JsonToken.START_ARRAY, "probabilities is not an array");
        double[] out = new double[Prediction.DIGITS];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t != null && t.isNumeric() && n < Prediction.DIGITS, "probabilities is not 10 numbers");
            out[n++] = p.getDoubleValue();
        }
        expect(n == Prediction.DIGITS, "probabilities is not 10 numbers");
        return out;
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Serde of predictions for the predictions topic. */
    public static Serde<Prediction> serde() {
        Serializer<Prediction> serializer = (topic, prediction) -> prediction == null ? null : encode(prediction);
        Deserializer<Prediction> deserializer = (topic, bytes) -> bytes == null ? null : decode(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
