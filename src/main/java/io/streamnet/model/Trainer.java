package io.streamnet.model;

import io.streamnet.nn.Batch;
import io.streamnet.nn.GradientDescent;
import io.streamnet.nn.Workspace;

/**
 * Advances one {@link Model} batch by batch, test-then-train: each batch is first scored with the
 * current weights (that score feeds the prequential accuracy), then one gradient step is taken. A
 * step whose loss or parameters would not be finite is refused and the model stays as it was.
 * Holds the batch and the workspace, so training allocates nothing.
 */
public final class Trainer {
    private final Model model;
    private final GradientDescent optimiser;
    private final Workspace workspace;
    private final Batch batch;

    /** The result of one {@link #train()}: applied or refused, with the batch's size, correct guesses and loss. */
    public record Step(boolean applied, int images, int correct, double loss) {
    }

    public Trainer(Model model, int batchCapacity) {
        this.model = model;
        this.optimiser = new GradientDescent(model.hyperparameters().learningRate());
        this.workspace = new Workspace(model.hyperparameters().hidden(), batchCapacity);
        this.batch = new Batch(batchCapacity);
    }

    /** The batch to fill with labelled images before {@link #train()}. */
    public Batch batch() {
        return batch;
    }

    public Model model() {
        return model;
    }

    /** Trains on the images in {@link #batch()} (at least one), then empties it. */
    public Step train() {
        int m = batch.size();
        boolean applied = optimiser.step(model.network(), batch, workspace);
        int correct = 0;
        for (int j = 0; j < m; j++) {
            correct += workspace.prediction(j) == batch.label(j) ? 1 : 0;
        }
        if (applied) {
            for (int j = 0; j < m; j++) {
                model.prequential().record(batch.label(j), workspace.prediction(j));
            }
            model.advance(m, workspace.loss());
        }
        batch.clear();
        return new Step(applied, m, correct, workspace.loss());
    }

    /** The predicted digit of image {@code j} of the last trained batch, scored before the update. */
    public int prediction(int j) {
        return workspace.prediction(j);
    }
}
