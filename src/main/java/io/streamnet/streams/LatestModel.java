package io.streamnet.streams;

import io.streamnet.serde.ModelCodec;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads the newest published model from this instance's global store, for metrics and {@code /model}.
 * A scrape asks for it once per gauge, so the store is read at most every {@link #REFRESH_MILLIS} and a
 * snapshot decoded only when it changed. Thread-safe.
 */
public final class LatestModel {
    static final long REFRESH_MILLIS = 200;

    private final Supplier<ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>>> store;
    private byte[] bytes;
    private PublishedModel decoded;
    private long readAt; // epoch ms; 0 makes the first call read

    public LatestModel(Supplier<ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>>> store) {
        this.store = store;
    }

    /** The global store of the newest model in a running {@link KafkaStreams}. */
    public static ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> storeOf(KafkaStreams streams) {
        return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.LATEST_MODEL,
                QueryableStoreTypes.timestampedKeyValueStore()));
    }

    /** The newest snapshot, or empty before the first one arrives or while the store cannot be read. */
    public synchronized Optional<PublishedModel> get() {
        long now = System.currentTimeMillis();
        if (now - readAt < REFRESH_MILLIS) {
            return Optional.ofNullable(decoded);
        }
        readAt = now;
        ValueAndTimestamp<byte[]> stored;
        try {
            stored = store.get().get(StoreNames.MODEL_KEY);
        } catch (RuntimeException e) { // not RUNNING yet, or rebalancing: nothing to report this time
            return Optional.ofNullable(decoded);
        }
        if (stored != null && !Arrays.equals(stored.value(), bytes)) {
            try {
                decoded = new PublishedModel(ModelCodec.decode(stored.value()), stored.timestamp());
            } catch (IllegalArgumentException e) {
                return Optional.ofNullable(decoded); // a foreign record on the model topic: keep the last good one
            }
            bytes = stored.value();
        }
        return Optional.ofNullable(decoded);
    }
}
