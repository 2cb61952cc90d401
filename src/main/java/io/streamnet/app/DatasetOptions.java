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

    @Option(names = "--labels", paramLabel = "FILE", description = "its IDX label file, the true digits (without it, produce sends the images unlabelled and "
                    + "evaluate has nothing to score against)")
    Path labels;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Kaggle-layout CSV: label,pixel0..pixel783 (header and label column optional)")
    Path csv;

    @Option(names = "--sample", paramLabel = "train|test",
            description = "a bundled sample instead of a file: train (8,000 images, ids train-N) or test (2,000, ids "
                    + "test-N)")
    String sample;

    @Option(names = "--id-prefix", paramLabel = "TEXT",
            description = "ids are TEXT<index> (default: train- / test- for the sample; else the file name, "
                    + "e.g. t10k-images-)")
    String idPrefix;

    @Option(names = "--skip", paramLabel = "N", defaultValue = "0", description = "leave out the file's first N images")
    long skip;

    @Option(names = "--limit", paramLabel = "N",
            description = "at most N images after those skipped (for produce, per epoch; default: all)")
    Long limit;

    /** {@code --limit} as a count ({@link Long#MAX_VALUE} when not given), once both it and --skip are checked. */
    long limit(CommandLine cmd) {
        if (skip < 0) {
            throw new ParameterException(cmd, "--skip must be >= 0, got " + skip);
        }
        if (limit != null && limit < 1) {
            throw new ParameterException(cmd, "--limit must be >= 1, got " + limit);
        }
        return limit == null ? Long.MAX_VALUE : limit;
    }

    /** The failure when the selection turned out empty: --skip went past the file's end. */
    CommandFailure nothingAfterSkip() {
        return new CommandFailure("the file has no images after the first " + skip + "; pass a smaller --skip");
    }

    /** The chosen dataset, or the bundled {@code otherwise} when neither a file nor a sample is given. */
    Dataset dataset(CommandLine cmd, Sample otherwise) {
        if ((images != null ? 1 : 0) + (csv != null ? 1 : 0) + (sample != null ? 1 : 0) > 1) {
            throw new ParameterException(cmd, "--images, --csv and --sample are alternatives: give one");
        }
        if (labels != null && images == null) {
            throw new ParameterException(cmd, "--labels needs --images");
        }
        Dataset dataset = images != null ? Dataset.idx(images, labels)
                : csv != null ? Dataset.csv(csv)
                : Dataset.sample(sample == null ? otherwise : bundled(cmd));
        return idPrefix == null ? dataset : dataset.withIdPrefix(idPrefix);
    }

    private Sample bundled(CommandLine cmd) {
        return switch (sample.toLowerCase(java.util.Locale.ROOT)) {
            case "train" -> Sample.TRAIN;
            case "test" -> Sample.TEST;
            default -> throw new ParameterException(cmd, "--sample is train or test, got '" + sample + "'");
        };
    }
}
