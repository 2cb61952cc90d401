package io.streamnet.app;

import io.streamnet.data.Dataset;
import io.streamnet.data.Sample;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which images a command reads: IDX files, a Kaggle CSV, or a bundled sample; shared by produce and evaluate. */
final class DatasetOptions {
    @Option(names = "--images", paramLabel = "FILE", description = "IDX image file, gzip or plain")
    Path images;

    @Option(names = "--labels", paramLabel = "FILE", description = "its IDX label file; without it the images are unlabelled")
    Path labels;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Kaggle-layout CSV: label,pixel0..pixel783 (header and label column optional)")
    Path csv;

    @Option(names = "--id-prefix", paramLabel = "TEXT",
            description = "ids are TEXT<index> (default: train- / test- for the sample; else the file name, "
                    + "e.g. t10k-images-)")
    String idPrefix;

    /** The chosen dataset, or {@code otherwise} when no file is given. */
    Dataset dataset(CommandLine cmd, Sample otherwise) {
        if (images != null && csv != null) {
            throw new ParameterException(cmd, "--images and --csv are alternatives: give one");
        }
        if (labels != null && images == null) {
            throw new ParameterException(cmd, "--labels needs --images");
        }
        Dataset dataset = images != null ? Dataset.idx(images, labels)
                : csv != null ? Dataset.csv(csv)
                : Dataset.sample(otherwise);
        return idPrefix == null ? dataset : dataset.withIdPrefix(idPrefix);
    }
}
