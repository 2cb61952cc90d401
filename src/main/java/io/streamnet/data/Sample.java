package io.streamnet.data;

/**
 * The 10,000 MNIST digits bundled in the jar under {@code /sample/} (from {@code data/} in the repository):
 * 8,000 training and 2,000 held-out images, the latter also as Kaggle-style CSV. The CSV and the IDX test set
 * hold the same images in the same order and get the same ids.
 */
public enum Sample {
    /** 8,000 labelled images, ids {@code train-0} … {@code train-7999}. */
    TRAIN("mnist-sample-train-images-idx3-ubyte.gz", "mnist-sample-train-labels-idx1-ubyte.gz", "train-"),
    /** 2,000 held-out labelled images, ids {@code test-0} … {@code test-1999}. */
    TEST("mnist-sample-test-images-idx3-ubyte.gz", "mnist-sample-test-labels-idx1-ubyte.gz", "test-"),
    /** The same 2,000 held-out images as CSV with a header and a label column. */
    TEST_CSV("mnist-sample-kaggle.csv", null, "test-");

    /** Classpath folder of the bundled files. */
    public static final String RESOURCE_DIR = "/sample/";

    private final String file;
    private final String labelsFile;
    private final String idPrefix;

    Sample(String file, String labelsFile, String idPrefix) {
        this.file = file;
        this.labelsFile = labelsFile;
        this.idPrefix = idPrefix;
    }

    /** Classpath resource of the images (IDX) or rows (CSV), e.g. {@code /sample/mnist-sample-kaggle.csv}. */
    public String resource() {
        return RESOURCE_DIR + file;
    }

    /** Classpath resource of the IDX labels, or null for the CSV (its labels are a column). */
    public String labelsResource() {
        return labelsFile == null ? null : RESOURCE_DIR + labelsFile;
    }

    public String idPrefix() {
        return idPrefix;
    }

    boolean csv() {
        return file.endsWith(".csv");
    }
}
