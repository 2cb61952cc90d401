package io.streamnet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamnet.model.Hyperparameters;
import io.streamnet.model.Model;
import io.streamnet.model.Prequential;
import io.streamnet.model.Trainer;
import io.streamnet.nn.Init;
import io.streamnet.nn.Network;
import io.streamnet.serde.RejectReason;
import io.streamnet.streams.PublishedModel;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The application's meters: their exported names, tags and units, and that they survive garbage collection. */
class StreamnetMetricsTest {
    private static final Hyperparameters H = new Hyperparameters(10, 0.1, Init.HE, 1);
    /** Published 2.5 s before the test reads it. */
    private static final long AGE_MILLIS = 2_500;

    /** A model at version 7 after 224 images, whose prequential window saw 3 right of 4 (one 3 taken for a 5). */
    private static PublishedModel published() {
        Prequential p = new Prequential(1_000);
        p.record(3, 3);
        p.record(3, 5);
        p.record(7, 7);
        p.record(0, 0);
        Model model = Model.of(H, Network.initialise(H.hidden(), H.init(), new SplittableRandom(1)), 7, 224, 0.42, p);
        return new PublishedModel(model, System.currentTimeMillis() - AGE_MILLIS);
    }

    @Test
    void shouldExportExactlyTheDocumentedNamesEachWithTheApplicationTag() {
        // Given the meters in a Prometheus registry with the service's common tag, each fed once
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "streamnet-test");
        PublishedModel model = published();
        StreamnetMetrics metrics = new StreamnetMetrics(() -> Optional.of(model));
        metrics.bindTo(registry);
        metrics.trained(new Trainer.Step(true, 32, 30, 0.4), 1_000_000);
        metrics.predicted(12);
        metrics.rejected(RejectReason.PIXEL_COUNT);
        metrics.pending(5);

        // When Prometheus scrapes it
        String exposition = registry.scrape();

        // Then the streamnet_ names are exactly the documented ones, and every sample carries the application
        assertThat(MetricNames.sampleNames(exposition, "streamnet_")).isEqualTo(new TreeSet<>(MetricNames.STREAMNET));
        assertThat(exposition.lines().filter(l -> l.startsWith("streamnet_")))
                .allMatch(l -> l.contains("application=\"streamnet-test\""));
        assertThat(MetricNames.samples(exposition, "streamnet_model_snapshot_age_seconds")).singleElement()
                .asString().satisfies(l -> assertThat(value(l)).isCloseTo(AGE_MILLIS / 1000.0, within(1.0)));
    }

    @Test
    void shouldTagOnlyWithBoundedValuesDigitsAndTheFixedDeadLetterReasons() {
        // Given the meters, bound
        MeterRegistry registry = new SimpleMeterRegistry();
        PublishedModel model = published();
        new StreamnetMetrics(() -> Optional.of(model)).bindTo(registry);

        // Then per-digit accuracy has the ten digits, the confusion matrix their 100 pairs, dead letters each reason
        Set<String> digits = Arrays.stream(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).mapToObj(Integer::toString)
                .collect(Collectors.toSet());
        assertThat(tagValues(registry, "streamnet.accuracy.digit", "digit")).isEqualTo(digits);
        assertThat(registry.find("streamnet.confusion").meters()).hasSize(100);
        assertThat(tagValues(registry, "streamnet.confusion", "truth")).isEqualTo(digits);
        assertThat(tagValues(registry, "streamnet.confusion", "predicted")).isEqualTo(digits);
        assertThat(tagValues(registry, "streamnet.dead.letters", "reason")).isEqualTo(
                Arrays.stream(RejectReason.values()).map(RejectReason::code).collect(Collectors.toSet()));
        // and every meter says what it measures
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getDescription())
                .as("description of %s", m.getId().getName()).isNotBlank());
    }

    @Test
    void shouldKeepReportingTheModelAfterTheBinderIsUnreachableAndCollected() {
        // Given meters whose binder nobody but the registry refers to
        MeterRegistry registry = new SimpleMeterRegistry();
        bindAndForget(registry, published());

        // When the garbage collector has run (a canary weakly reachable only is gone)
        collectGarbage();

        // Then gauges and function counters still read the model, not NaN
        assertThat(registry.get("streamnet.images.trained").functionCounter().count()).isEqualTo(224);
        assertThat(registry.get("streamnet.model.updates").functionCounter().count()).isEqualTo(7);
        assertThat(registry.get("streamnet.confusion").tags("truth", "3", "predicted", "5").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("streamnet.accuracy.rolling").gauge().value()).isEqualTo(0.75);
        assertThat(registry.get("streamnet.accuracy.cumulative").gauge().value()).isEqualTo(0.75);
        assertThat(registry.get("streamnet.accuracy.digit").tag("digit", "3").gauge().value()).isEqualTo(0.5);
        assertThat(registry.get("streamnet.training.loss").gauge().value()).isEqualTo(0.42);
        assertThat(registry.get("streamnet.model.snapshot.age").gauge().value()).isGreaterThanOrEqualTo(2.5);
        assertThat(registry.get("streamnet.batch.pending").gauge().value()).isEqualTo(5);
    }

    @Test
    void shouldReportNanAccuracyAndZeroCountsBeforeTheFirstSnapshot() {
        // Given no model snapshot has arrived yet
        MeterRegistry registry = new SimpleMeterRegistry();
        new StreamnetMetrics(Optional::empty).bindTo(registry);

        // Then counters start at zero and the model's gauges have no value yet
        assertThat(registry.get("streamnet.images.trained").functionCounter().count()).isZero();
        assertThat(registry.get("streamnet.model.updates").functionCounter().count()).isZero();
        assertThat(registry.get("streamnet.accuracy.rolling").gauge().value()).isNaN();
        assertThat(registry.get("streamnet.model.snapshot.age").gauge().value()).isNaN();
    }

    private static void bindAndForget(MeterRegistry registry, PublishedModel model) {
        StreamnetMetrics metrics = new StreamnetMetrics(() -> Optional.of(model));
        metrics.bindTo(registry);
        metrics.pending(5);
    }

    private static void collectGarbage() {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        for (int i = 0; i < 20 && canary.get() != null; i++) {
            System.gc();
        }
        assertThat(canary.get()).as("a weakly reachable object after System.gc()").isNull();
    }

    private static Set<String> tagValues(MeterRegistry registry, String name, String tag) {
        return registry.find(name).meters().stream().map(Meter::getId).map(id -> id.getTag(tag))
                .collect(Collectors.toSet());
    }

    private static double value(String sample) {
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
