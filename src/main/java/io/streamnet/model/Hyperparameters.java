package io.streamnet.model;

import io.streamnet.nn.Init;

/** What defines a model before it sees data: hidden size, learning rate, initialisation and its seed. */
public record Hyperparameters(int hidden, double learningRate, Init init, long seed) {
    public Hyperparameters {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden size must be >= 1, got " + hidden);
        }
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (init == null) {
            throw new IllegalArgumentException("an initialisation is required");
        }
    }
}
