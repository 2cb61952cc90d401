package io.streamnet.streams;

import java.nio.charset.StandardCharsets;

/** Names of the topology's state stores, internal topic and keys; tests and queries use the same. */
public final class StoreNames {
    /** The labelled images of the batch being filled, keyed by their slot in it (0, 1, …): see {@link BatchBuffer}. */
    public static final String TRAINING_BATCH = "training-batch";
    /**
     * The trainer's state: the model being trained under {@link #MODEL_KEY}, and the repartition offsets of the
     * images in the batch being filled under {@link #BATCH_KEY}.
     */
    public static final String TRAINING_MODEL = "training-model";
    /** The newest published model snapshot, on every instance (a global store fed by the model topic). */
    public static final String LATEST_MODEL = "latest-model";
    /** The repartition that brings every labelled image to one partition; the topic is {@code <app id>-training-repartition}. */
    public static final String TRAINING_REPARTITION = "training";
    /** The one key of the model, in the stores and on the model topic. */
    public static final String MODEL_KEY = "model";
    /** The key of the batch's offsets in the trainer's state store. */
    public static final String BATCH_KEY = "batch";
    /**
     * The one key every labelled image is re-keyed to on its way to the trainer, "trainer" in UTF-8. Kept as bytes:
     * nothing reads it, so the trainer need not decode a string for every image.
     */
    static final byte[] TRAINER_KEY = "trainer".getBytes(StandardCharsets.UTF_8);

    private StoreNames() {
    }

    /** The training repartition topic's full name for an application id. */
    public static String trainingTopic(String applicationId) {
        return applicationId + "-" + TRAINING_REPARTITION + "-repartition";
    }
}
