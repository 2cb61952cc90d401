package io.streamnet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streamnet.model.Model;
import io.streamnet.model.Prequential;
import io.streamnet.model.Trainer;
import io.streamnet.serde.RejectReason;
import io.streamnet.streams.PublishedModel;
import io.streamnet.streams.StreamObserver;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Every application meter, registered once, when the service starts: processors only report through
 * {@link StreamObserver}, so tasks created or moved by a rebalance register nothing. The model's numbers
 * (images trained, version, accuracy, confusion, loss) come from the newest published snapshot, so they
 * are exactly-once and the same on every instance; the rest counts what this instance did.
 *
 * <p>Nothing here can be garbage-collected while the registry lives: gauges are built with strong
 * references, and a {@link FunctionCounter}, which keeps only a weak reference to its object, gets a
 * function that reads through this binder (the lambda captures {@code this}), so the meter itself holds it.
 */
public final class StreamnetMetrics implements MeterBinder, StreamObserver {
    private final Supplier<Optional<PublishedModel>> latest;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger training = new AtomicInteger();
    private final Map<RejectReason, Counter> deadLetters = new EnumMap<>(RejectReason.class);
    private Counter predicted;
    private Timer trainStep;
    private Timer predictionLatency;

    public StreamnetMetrics(Supplier<Optional<PublishedModel>> latest) {
        this.latest = latest;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindModel(registry);
        bindPrequential(registry);
        predicted = Counter.builder("streamnet.images.predicted")
                .description("Unlabelled images this instance answered").register(registry);
        for (RejectReason reason : RejectReason.values()) {
            deadLetters.put(reason, Counter.builder("streamnet.dead.letters").tag("reason", reason.code())
                    .description("Records this instance sent to the dead-letter topic, by reason")
                    .register(registry));
        }
        trainStep = Timer.builder("streamnet.train.step").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(1))
                .description("Time of one training step (score, backpropagate, update) on a mini-batch")
                .register(registry);
        predictionLatency = Timer.builder("streamnet.prediction.latency").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .description("From an unlabelled image's record timestamp to its prediction").register(registry);
        Gauge.builder("streamnet.batch.pending", pending, AtomicInteger::get).strongReference(true)
                .description("Labelled images waiting in the batch buffer of the trainer on this instance")
                .register(registry);
        Gauge.builder("streamnet.trainer.active", training, AtomicInteger::get).strongReference(true)
                .description("1 on the one instance that trains the model, 0 on the others").register(registry);
    }

    private void bindModel(MeterRegistry registry) {
        FunctionCounter.builder("streamnet.images.trained", this, m -> count(Model::imagesTrained))
                .description("Labelled images the model learned from (newest snapshot)")
                .register(registry);
        FunctionCounter.builder("streamnet.model.updates", this, m -> count(Model::version))
                .description("Gradient steps applied to the model: the model version (newest snapshot)")
                .register(registry);
        gauge(registry, "streamnet.training.loss", "Mean cross-entropy of the last trained batch", null,
                m -> fromModel(Model::lastLoss));
        gauge(registry, "streamnet.model.snapshot.age", "Time since the newest model snapshot was published",
                "seconds", m -> latest.get().map(p -> (System.currentTimeMillis() - p.publishedAtMillis()) / 1000.0)
                        .orElse(Double.NaN));
    }

    private void bindPrequential(MeterRegistry registry) {
        gauge(registry, "streamnet.accuracy.rolling",
                "Prequential accuracy over the last labelled images (each scored before it was learned)", "ratio",
                m -> fromPrequential(Prequential::rollingAccuracy));
        gauge(registry, "streamnet.accuracy.cumulative", "Prequential accuracy over every labelled image so far", "ratio",
                m -> fromPrequential(Prequential::cumulativeAccuracy));
        for (int d = 0; d < Prequential.DIGITS; d++) {
            int digit = d;
            Gauge.builder("streamnet.accuracy.digit", this, m -> fromPrequential(p -> p.digitAccuracy(digit)))
                    .tag("digit", Integer.toString(digit)).baseUnit("ratio").strongReference(true)
                    .description("Prequential accuracy on images showing this digit").register(registry);
            for (int q = 0; q < Prequential.DIGITS; q++) {
                int guess = q;
                FunctionCounter.builder("streamnet.confusion", this,
                                m -> count(model -> model.prequential().confusion(digit, guess)))
                        .tags("truth", Integer.toString(digit), "predicted", Integer.toString(guess))
                        .description("Labelled images of one digit predicted as another, prequentially")
                        .register(registry);
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
                       ToDoubleFunction<StreamnetMetrics> value) {
        Gauge.builder(name, this, value).description(description).baseUnit(unit).strongReference(true)
                .register(registry);
    }

    private double fromModel(ToDoubleFunction<Model> f) {
        return latest.get().map(p -> f.applyAsDouble(p.model())).orElse(Double.NaN);
    }

    /** A count from the newest model: 0 before there is one, so counters start at zero rather than NaN. */
    private double count(ToDoubleFunction<Model> f) {
        return latest.get().map(p -> f.applyAsDouble(p.model())).orElse(0.0);
    }

    private double fromPrequential(ToDoubleFunction<Prequential> f) {
        return fromModel(m -> f.applyAsDouble(m.prequential()));
    }

    @Override
    public void rejected(RejectReason reason) {
        deadLetters.get(reason).increment();
    }

    @Override
    public void trained(Trainer.Step step, long nanos) {
        trainStep.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void pending(int images) {
        pending.set(images);
    }

    @Override
    public void training(boolean active) {
        training.set(active ? 1 : 0);
    }

    @Override
    public void predicted(long latencyMillis) {
        predicted.increment();
        predictionLatency.record(Math.max(0, latencyMillis), TimeUnit.MILLISECONDS);
    }
}
