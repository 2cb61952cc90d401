package io.streamnet.streams;

import io.streamnet.serde.DeadLetter;
import io.streamnet.serde.RecordValidator;
import io.streamnet.serde.Validation;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every raw input record into an accepted image or a rejection. A rejected record keeps its
 * original key and value and gains the dead-letter headers (reason, message, where it came from);
 * it is counted and logged, and never thrown out of {@code process()}.
 */
final class ValidateProcessor extends ContextualProcessor<Bytes, byte[], Bytes, Checked> {
    private static final Logger LOG = LoggerFactory.getLogger(ValidateProcessor.class);
    /** At most this many rejections are logged a minute per task, so a flood of bad input cannot flood the log. */
    private static final int LOGGED_PER_MINUTE = 20;

    private final RecordValidator validator;
    private final StreamObserver observer;
    private long logWindowStart;
    private int loggedInWindow;

    ValidateProcessor(RecordValidator validator, StreamObserver observer) {
        this.validator = validator;
        this.observer = observer;
    }

    @Override
    public void process(Record<Bytes, byte[]> record) {
        byte[] key = record.key() == null ? null : record.key().get();
        Validation result = validator.validate(key, record.value());
        if (result instanceof Validation.Accepted accepted) {
            context().forward(record.withValue(Checked.accepted(accepted.image())));
            return;
        }
        Validation.Rejected rejected = (Validation.Rejected) result;
        RecordMetadata from = context().recordMetadata().orElseThrow();
        DeadLetter letter = DeadLetter.of(rejected, from.topic(), from.partition(), from.offset());
        observer.rejected(rejected.reason());
        log(letter);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        context().forward(record.withValue(Checked.rejected(record.value())).withHeaders(letter.addTo(headers)));
    }

    private void log(DeadLetter letter) {
        long now = context().currentSystemTimeMs();
        if (now - logWindowStart >= 60_000) {
            logWindowStart = now;
            loggedInWindow = 0;
        }
        if (loggedInWindow++ < LOGGED_PER_MINUTE) {
            LOG.warn("dead-lettered {}-{}@{}: {} ({})", letter.topic(), letter.partition(), letter.offset(),
                    letter.reason().code(), letter.message());
        }
    }
}
