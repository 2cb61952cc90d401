package io.streamnet.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP ports on this machine: whether one can be listened on, and free ones for tests and child processes. */
public final class Ports {
    private Ports() {
    }

    /**
     * Whether a server could listen on {@code host:port} now. Binds the way Kafka's acceptor does (SO_REUSEADDR),
     * so a port held only by connections in TIME_WAIT, as after a broker restart, counts as free.
     */
    public static boolean isFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code host} resolves to an address this machine could listen on. */
    public static boolean canResolve(String host) {
        return !new InetSocketAddress(host, 0).isUnresolved();
    }

    /** One port that nothing listens on (loopback); another process may still take it before it is used. */
    public static int free() {
        return free(1)[0];
    }

    /** {@code n} distinct free ports, all held open until every one is chosen so none is handed out twice. */
    public static int[] free(int n) {
        ServerSocket[] held = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket s : held) {
                closeQuietly(s);
            }
        }
    }

    private static void closeQuietly(ServerSocket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            // nothing was accepted on it; the port is released either way
        }
    }
}
