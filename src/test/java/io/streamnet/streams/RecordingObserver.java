package io.streamnet.streams;

import io.streamnet.model.Trainer;
import io.streamnet.serde.RejectReason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what the processors reported. */
final class RecordingObserver implements StreamObserver {
    final Map<RejectReason, AtomicInteger> rejected = new ConcurrentHashMap<>();
    final List<Trainer.Step> steps = new CopyOnWriteArrayList<>();
    final AtomicInteger predicted = new AtomicInteger();
    volatile int pending;
    volatile boolean training;

    @Override
    public void rejected(RejectReason reason) {
        rejected.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void trained(Trainer.Step step, long nanos) {
        steps.add(step);
    }

    @Override
    public void pending(int images) {
        pending = images;
    }

    @Override
    public void training(boolean active) {
        training = active;
    }

    @Override
    public void predicted(long latencyMillis) {
        predicted.incrementAndGet();
    }

    int rejectedCount(RejectReason reason) {
        AtomicInteger n = rejected.get(reason);
        return n == null ? 0 : n.get();
    }
}
