package io.streamnet.nn;

/** How a new network's parameters are drawn. */
public enum Init {
    /** The seed's: every weight and bias uniform in [-0.5, 0.5]. */
    SEED,
    /** He-uniform: weights uniform in ±sqrt(6 / fan_in), biases zero. */
    HE
}
