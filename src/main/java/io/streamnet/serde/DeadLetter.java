package io.streamnet.serde;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Why and where from a record was dead-lettered. The dead-letter record keeps the original key and value
 * untouched; this travels in five UTF-8 text headers (decimal numbers for partition and offset), readable with
 * {@code kafka-console-consumer --property print.headers=true}:
 * <pre>
 * streamnet.dlq.reason     a {@link RejectReason#code()}, e.g. pixel-count
 * streamnet.dlq.message    one line for people, e.g. "783 pixels, expected 784"
 * streamnet.dlq.topic      the topic the record was read from
 * streamnet.dlq.partition  its partition
 * streamnet.dlq.offset     its offset
 * </pre>
 */
public record DeadLetter(RejectReason reason, String message, String topic, int partition, long offset) {
    public static final String REASON = "streamnet.dlq.reason";
    public static final String MESSAGE = "streamnet.dlq.message";
    public static final String TOPIC = "streamnet.dlq.topic";
    public static final String PARTITION = "streamnet.dlq.partition";
    public static final String OFFSET = "streamnet.dlq.offset";

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(topic, "topic");
    }

    /** A dead letter for a rejected validation of the record at {@code topic}/{@code partition}/{@code offset}. */
    public static DeadLetter of(Validation.Rejected rejected, String topic, int partition, long offset) {
        return new DeadLetter(rejected.reason(), rejected.message(), topic, partition, offset);
    }

    /**
     * Adds the five headers to {@code headers} (the original record's, so its own headers travel on), replacing
     * any earlier dead-letter headers, and returns it.
     */
    public Headers addTo(Headers headers) {
        for (String name : new String[] {REASON, MESSAGE, TOPIC, PARTITION, OFFSET}) {
            headers.remove(name);
        }
        return headers.add(REASON, utf8(reason.code()))
                .add(MESSAGE, utf8(message))
                .add(TOPIC, utf8(topic))
                .add(PARTITION, utf8(Integer.toString(partition)))
                .add(OFFSET, utf8(Long.toString(offset)));
    }

    /** Fresh headers holding only the dead-letter ones. */
    public Headers toHeaders() {
        return addTo(new RecordHeaders());
    }

    /** Reads the headers back; empty when they are absent, incomplete or not what {@link #addTo} writes. */
    public static Optional<DeadLetter> from(Headers headers) {
        Optional<RejectReason> reason = text(headers, REASON).flatMap(RejectReason::fromCode);
        Optional<String> message = text(headers, MESSAGE);
        Optional<String> topic = text(headers, TOPIC);
        Optional<String> partition = text(headers, PARTITION);
        Optional<String> offset = text(headers, OFFSET);
        if (reason.isEmpty() || message.isEmpty() || topic.isEmpty() || partition.isEmpty() || offset.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeadLetter(reason.get(), message.get(), topic.get(),
                    Integer.parseInt(partition.get()), Long.parseLong(offset.get())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
