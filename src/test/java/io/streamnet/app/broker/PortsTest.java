package io.streamnet.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void shouldSeeAPortInUseOnlyWhileSomethingListens() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();

            assertThat(Ports.isFree("localhost", port)).isFalse();
        }
        assertThat(Ports.isFree("localhost", port)).isTrue();
    }

    @Test
    void shouldHandOutDistinctFreePorts() {
        int[] ports = Ports.free(3);

        assertThat(ports).hasSize(3).doesNotHaveDuplicates();
        for (int p : ports) {
            assertThat(Ports.isFree("localhost", p)).as("port %d", p).isTrue();
        }
    }

    @Test
    void shouldTellUnresolvableHosts() {
        assertThat(Ports.canResolve("localhost")).isTrue();
        assertThat(Ports.canResolve("no-such-host.invalid")).isFalse();
    }
}
