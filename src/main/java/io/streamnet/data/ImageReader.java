package io.streamnet.data;

import java.io.Closeable;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The images of one opened dataset file, in file order, read as they are iterated (a 60,000-image file is never
 * held in memory). {@link #next()} and {@link #hasNext()} throw {@link DatasetException} when the file turns out
 * to be corrupt partway. Close it when done; {@link #stream()} closes it when the stream is closed.
 */
public interface ImageReader extends Iterator<Image>, Closeable {

    /** How many images the file declares (IDX headers do), or empty when only reading to the end tells (CSV). */
    OptionalLong size();

    /** Whether the images carry labels (an IDX labels file was given, or the CSV has a label column). */
    boolean labelled();

    /** Closes the underlying file; never throws. */
    @Override
    void close();

    /** The remaining images as a sequential stream that closes this reader when it is closed. */
    default Stream<Image> stream() {
        // not SIZED: the reader may already be partly consumed
        Spliterator<Image> split = Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }
}
