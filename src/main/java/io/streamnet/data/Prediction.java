package io.streamnet.data;

import java.util.Arrays;

/**
 * The service's answer for one unlabelled image: the predicted digit, the ten softmax probabilities (index = digit),
 * the version of the model that produced them (updates applied) and the input record's timestamp (epoch ms).
 * The probability array is not copied: whoever builds a prediction hands it over.
 */
public record Prediction(String id, int digit, double[] probabilities, long modelVersion, long inputTimestamp) {
    public static final int DIGITS = 10;

    public Prediction {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs a non-empty id");
        }
        if (digit < 0 || digit >= DIGITS) {
            throw new IllegalArgumentException("digit must be 0-9, got " + digit);
        }
        if (probabilities == null || probabilities.length != DIGITS) {
            throw new IllegalArgumentException("a prediction has " + DIGITS + " probabilities, got "
                    + (probabilities == null ? "none" : probabilities.length));
        }
        for (double p : probabilities) {
            if (!Double.isFinite(p)) { // JSON has no NaN or Infinity; a finite model never produces them
                throw new IllegalArgumentException("probabilities must be finite, got " + Arrays.toString(probabilities));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction other && id.equals(other.id) && digit == other.digit
                && modelVersion == other.modelVersion && inputTimestamp == other.inputTimestamp
                && Arrays.equals(probabilities, other.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * id.hashCode() + digit) + Long.hashCode(modelVersion)) + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Prediction[id=" + id + ", digit=" + digit + ", p=" + Arrays.toString(probabilities)
                + ", modelVersion=" + modelVersion + ", inputTimestamp=" + inputTimestamp + "]";
    }
}
