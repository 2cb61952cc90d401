package io.streamnet.streams;

/** Names of the topology's state stores, internal topic and keys; tests and queries use the same. */
public final class StoreNames {
    /** The labelled images waiting for a full batch, keyed by their offset in the training repartition topic. */
    public static final String TRAINING_BATCH = "training-batch";
    /** The model being trained, under {@link #MODEL_KEY}. */
    public static final String TRAINING_MODEL = "training-model";
    /** The newest published model snapshot, on every instance (a global store fed by the model topic). */
    public static final String LATEST_MODEL = "latest-model";
    /** The repartition that brings every labelled image to one partition; the topic is {@code <app id>-training-repartition}. */
    public static final String TRAINING_REPARTITION = "training";
    /** The one key of the model, in the stores and on the model topic. */
    public static final String MODEL_KEY = "model";
    /** The one key every labelled image is re-keyed to on its way to the trainer. */
    public static final String TRAINER_KEY = "trainer";

    private StoreNames() {
    }

    /** The training repartition topic's full name for an application id. */
    public static String trainingTopic(String applicationId) {
        return applicationId + "-" + TRAINING_REPARTITION + "-repartition";
    }
}
