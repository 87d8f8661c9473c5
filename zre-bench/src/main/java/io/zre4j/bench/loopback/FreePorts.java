package io.zre4j.bench.loopback;

import io.zre4j.ZreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Picks beacon ports for benchmarks: a free loopback UDP port, never ZRE's default 5670. */
public final class FreePorts {

    private static final int ATTEMPTS = 20;

    private FreePorts() {
    }

    /**
     * A UDP port that was free on the loopback address a moment ago, and is not 5670, so a benchmark's beacons
     * never reach a real ZRE application on this host.
     *
     * @return the port
     */
    public static int beaconPort() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                int port = socket.getLocalPort();
                if (port != ZreConfig.DEFAULT_BEACON_PORT) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free loopback UDP port", e);
            }
        }
        throw new IllegalStateException("no free loopback UDP port other than 5670 in " + ATTEMPTS + " attempts");
    }
}
