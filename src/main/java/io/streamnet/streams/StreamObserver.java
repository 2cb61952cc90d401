package io.streamnet.streams;

import io.streamnet.model.Trainer;
import io.streamnet.serde.RejectReason;

/**
 * What the processors report as they work, for metrics. Called on stream threads: implementations
 * must be thread-safe and quick. Counts here are per process (a replay after a crash reports again);
 * the exactly-once numbers — images trained, model version, prequential accuracy — live in the model.
 */
public interface StreamObserver {
    /** A record, or an image of a refused batch, went to the dead-letter topic. */
    void rejected(RejectReason reason);

    /** A batch was trained (or refused), taking {@code nanos}. */
    void trained(Trainer.Step step, long nanos);

    /** Labelled images waiting in the batch buffer. */
    void pending(int images);

    /** The training task started ({@code true}) or stopped ({@code false}) on this instance. */
    void training(boolean active);

    /** An image was predicted {@code latencyMillis} after its input record's timestamp. */
    void predicted(long latencyMillis);

    /** Reports nowhere. */
    StreamObserver NONE = new StreamObserver() {
        @Override
        public void rejected(RejectReason reason) {
        }

        @Override
        public void trained(Trainer.Step step, long nanos) {
        }

        @Override
        public void pending(int images) {
        }

        @Override
        public void training(boolean active) {
        }

        @Override
        public void predicted(long latencyMillis) {
        }
    };
}
