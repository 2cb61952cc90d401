package io.streamnet.nn;

/**
 * Plain gradient descent, {@code W ← W − α·dW} and {@code b ← b − α·db} for both layers, in place.
 * Lifecycle: build one per trainer; each {@link #step} scores the batch with the network (the forward pass is the
 * test in test-then-train), backpropagates, and updates the network only if the loss and every new parameter are
 * finite — a step that would not be is refused and leaves the network as it was.
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
     * One step on a labelled batch: forward with {@code net} (predictions and loss land in {@code ws}), backward,
     * then {@code net ← net − α·gradients}.
     *
     * @return true when the step was applied; false when the loss or some new parameter would not be finite, and
     *         {@code net} is unchanged
     */
    public boolean step(Network net, Batch batch, Workspace ws) {
        if (!batch.allLabelled()) {
            throw new IllegalArgumentException("a training batch needs a label on every image");
        }
        ws.forward(net, batch);
        ws.backward(net, batch);
        return Double.isFinite(ws.loss()) && update(net, ws);
    }

    /**
     * {@code net ← net − α·(dW1, db1, dW2, db2)} with the gradients in {@code ws}, if every new parameter is
     * finite; else nothing is written.
     */
    private boolean update(Network net, Workspace ws) {
        double a = learningRate;
        int h = net.hidden();
        if (!(Kernels.differenceFinite(net.b1(), a, ws.db1, h)
                && Kernels.differenceFinite(net.w2(), a, ws.dw2, Network.OUTPUTS, h)
                && Kernels.differenceFinite(net.b2(), a, ws.db2, Network.OUTPUTS))) {
            return false;
        }
        // W1 last: it writes only when its own new values are finite, and the others are known to be
        if (!Kernels.subtractScaledIfFinite(net.w1(), a, ws.dw1, h, Network.INPUTS, ws.sums)) {
            return false;
        }
        Kernels.subtractScaled(net.b1(), a, ws.db1, h);
        Kernels.subtractScaled(net.w2(), a, ws.dw2, Network.OUTPUTS, h);
        Kernels.subtractScaled(net.b2(), a, ws.db2, Network.OUTPUTS);
        return true;
    }

    @Override
    public String toString() {
        return "GradientDescent[alpha=" + learningRate + "]";
    }
}
