package io.streamnet.streams;

/** What the trainer emits: a model snapshot for the model topic, or an image of a refused batch for the dead letters. */
record TrainerOutput(boolean isSnapshot, byte[] value) {
    static TrainerOutput snapshot(byte[] bytes) {
        return new TrainerOutput(true, bytes);
    }

    static TrainerOutput deadLetter(byte[] image) {
        return new TrainerOutput(false, image);
    }
}
