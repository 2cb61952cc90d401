package io.streamnet.nn;

/**
 * Plain gradient descent, {@code W ← W − α·dW} and {@code b ← b − α·db} for both layers.
 * Lifecycle: build one per trainer; each {@link #step} reads the current network, scores the
 * batch with it (the forward pass is the test in test-then-train), backpropagates, and writes
 * the updated parameters into a second network, leaving the current one untouched — so a step
 * whose result is not finite can be refused by simply not swapping.
 */
public final class GradientDescent {
    private final double learningRate;

    public GradientDescent(double learningRate) {
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    /**
     * One step on a labelled batch: forward with {@code current} (predictions and loss land in
     * {@code ws}), backward, then {@code next = current − α·gradients}.
     *
     * @return true when the loss and every parameter of {@code next} are finite; when false,
     *         {@code next} holds garbage and {@code current} is still the model to keep
     */
    public boolean step(Network current, Batch batch, Workspace ws, Network next) {
        current.requireSameShape(next, "step");
        if (!batch.allLabelled()) {
            throw new IllegalArgumentException("a training batch needs a label on every image");
        }
        ws.forward(current, batch);
        ws.backward(current, batch);
        return update(current, ws, next) && Double.isFinite(ws.loss());
    }

    /**
     * {@code next = current − α·(dW1, db1, dW2, db2)} with the gradients in {@code ws}; true when every new
     * parameter is finite (W1, by far the largest, is checked as it is written).
     */
    private boolean update(Network current, Workspace ws, Network next) {
        double a = learningRate;
        int h = current.hidden();
        boolean finite = Kernels.subtractScaledFinite(current.w1(), a, ws.dw1, next.w1(), h, Network.INPUTS, ws.sums);
        Kernels.subtractScaled(current.b1(), a, ws.db1, next.b1(), h);
        Kernels.subtractScaled(current.w2(), a, ws.dw2, next.w2(), Network.OUTPUTS, h);
        Kernels.subtractScaled(current.b2(), a, ws.db2, next.b2(), Network.OUTPUTS);
        return finite && Kernels.allFinite(next.b1(), h) && Kernels.allFinite(next.w2(), Network.OUTPUTS, h)
                && Kernels.allFinite(next.b2(), Network.OUTPUTS);
    }

    @Override
    public String toString() {
        return "GradientDescent[alpha=" + learningRate + "]";
    }
}
