package io.zre4j.discovery.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.Arrays;

/** Test traffic, on loopback only: free ports, datagrams to 127.255.255.255, a passive beacon listener. */
final class LoopbackUdp {

    static final String LOOPBACK_BROADCAST = "127.255.255.255";

    private LoopbackUdp() {
    }

    /** A UDP port nobody uses now: the kernel's pick for a socket bound to port 0, released at once. */
    static int freePort() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Broadcasts one datagram on lo to the beacon port, from 127.0.0.1, so every node on the port gets it. */
    static void broadcast(int port, byte[] datagram) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setBroadcast(true);
            socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getByName(LOOPBACK_BROADCAST), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A socket sharing the beacon port the way nodes do, to look at the bytes on the wire. */
    static DatagramSocket eavesdrop(int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        if (socket.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
        socket.bind(new InetSocketAddress(port));
        return socket;
    }

    /** Receives the next datagram, waiting a bounded time. */
    static byte[] receive(DatagramSocket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        DatagramPacket packet = new DatagramPacket(new byte[512], 512);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }
}
