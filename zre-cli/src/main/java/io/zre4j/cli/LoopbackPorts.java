package io.zre4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Free ports on loopback, so that a demo never collides with a real ZRE network on port 5670. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * A UDP port that was free on loopback a moment ago (the OS picks it; the socket is closed again).
     *
     * @return the port
     */
    static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free UDP port on loopback", e);
        }
    }
}
