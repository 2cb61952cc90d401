package io.streamnet.app;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop: the foreground command is told, shuts down in order and returns
 * its exit code (0), instead of the JVM exiting with 130 or 143 while it runs shutdown hooks. After the first signal
 * the default action is back, so a second Ctrl-C ends the process at once.
 */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);

    private StopSignal() {
    }

    /** Takes over SIGINT and SIGTERM for this process. */
    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                Signal.handle(signal, sun.misc.SignalHandler.SIG_DFL);
                stop.request();
            });
        }
        return stop;
    }

    /** Also stop when the process {@code pid} ends: a child never outlives the parent that started it. */
    StopSignal withParent(long pid) {
        ProcessHandle.of(pid).ifPresentOrElse(parent -> parent.onExit().thenRun(this::request), this::request);
        return this;
    }

    void request() {
        requested.countDown();
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        requested.await();
    }
}
