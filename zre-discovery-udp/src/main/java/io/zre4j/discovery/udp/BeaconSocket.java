package io.zre4j.discovery.udp;

import io.zre4j.ZreNetworkException;
import io.zre4j.spi.NetworkSelection;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

/**
 * The UDP socket of one discovery: sends beacons to the interface's broadcast address (IPv6: ff02::1
 * scoped to the interface) and receives whatever arrives on the beacon port.
 *
 * <p>It is bound to the wildcard address with SO_REUSEADDR (and SO_REUSEPORT where the platform has it)
 * so that every node on a host, Zyre's included, shares the port and each one receives every broadcast.
 * Binding to the broadcast address, as czmq does on Linux, is refused for 127.255.255.255 by current
 * kernels and never works on macOS; the wildcard works everywhere, and {@link LinkScope} drops what
 * arrives through other interfaces.
 *
 * <p>Threading: {@link #wakeUp()} and {@link #close()} may be called from any thread; everything else
 * only from the beacon thread.
 */
final class BeaconSocket implements AutoCloseable {

    /** Larger than any beacon, so that an oversized datagram shows up as too long rather than cut to size. */
    private static final int RECEIVE_BUFFER_BYTES = 512;

    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress destination;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(RECEIVE_BUFFER_BYTES);

    private BeaconSocket(DatagramChannel channel, Selector selector, InetSocketAddress destination) {
        this.channel = channel;
        this.selector = selector;
        this.destination = destination;
    }

    /**
     * Opens and binds the socket.
     *
     * @param selection the interface and beacon destination
     * @param port      the beacon port
     * @return the open socket
     * @throws ZreNetworkException if the socket cannot be opened or bound
     */
    static BeaconSocket open(NetworkSelection selection, int port) {
        ProtocolFamily family = selection.ipv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel channel = null;
        Selector selector = null;
        try {
            channel = DatagramChannel.open(family);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            if (selection.ipv6()) {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, selection.networkInterface());
                // Other nodes on this host must hear us too.
                channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            } else {
                channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
            }
            InetAddress wildcard = InetAddress.getByName(selection.ipv6() ? "::" : "0.0.0.0");
            channel.bind(new InetSocketAddress(wildcard, port));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new BeaconSocket(channel, selector, new InetSocketAddress(selection.broadcast(), port));
        } catch (IOException | RuntimeException e) {
            closeQuietly(selector);
            closeQuietly(channel);
            String hint = e instanceof BindException ? " (does another program hold the port without SO_REUSEADDR?)"
                    : "";
            throw new ZreNetworkException("cannot open the UDP beacon socket on port " + port + " for interface "
                    + selection.networkInterface().getName() + hint + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends one beacon to the broadcast address, without blocking.
     *
     * @param beacon the datagram
     * @throws IOException if the datagram was not sent (no route, interface gone, send buffer full)
     */
    void send(byte[] beacon) throws IOException {
        if (channel.send(ByteBuffer.wrap(beacon), destination) == 0) {
            throw new IOException("socket send buffer full, beacon not sent");
        }
    }

    /**
     * Waits until a datagram may be ready, {@link #wakeUp()} is called, or the timeout passes.
     *
     * @param timeoutNs the longest wait; 0 or less does not wait
     * @throws IOException if the selector fails
     */
    void await(long timeoutNs) throws IOException {
        if (timeoutNs <= 0) {
            selector.selectNow();
        } else {
            // Round up: select(0) would wait for ever, and a too-early return would only loop once more.
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNs + 999_999)));
        }
        selector.selectedKeys().clear();
    }

    /**
     * Receives one datagram if one is waiting.
     *
     * @param handler called with the datagram; its buffer is reused by the next receive
     * @return false when no datagram was waiting
     * @throws IOException if receiving failed
     */
    boolean receive(DatagramHandler handler) throws IOException {
        receiveBuffer.clear();
        SocketAddress source = channel.receive(receiveBuffer);
        if (source == null) {
            return false;
        }
        handler.onDatagram((InetSocketAddress) source, receiveBuffer.array(), receiveBuffer.position());
        return true;
    }

    /** Makes a waiting (or the next) {@link #await} return at once. Safe from any thread. */
    void wakeUp() {
        selector.wakeup();
    }

    /** Closes the socket. Idempotent, safe from any thread; a blocked {@link #await} returns. */
    @Override
    public void close() {
        closeQuietly(selector);
        closeQuietly(channel);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Closing: nothing useful to do about a failure.
            }
        }
    }

    /** Receives a datagram. */
    @FunctionalInterface
    interface DatagramHandler {
        /**
         * @param source where it came from
         * @param data   a buffer holding it from index 0; valid only during the call
         * @param length its length in bytes
         */
        void onDatagram(InetSocketAddress source, byte[] data, int length);
    }
}
