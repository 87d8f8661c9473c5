package io.zre4j.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.core.codec.GossipCodec;
import io.zre4j.core.codec.GossipMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A hand-driven ZGOSSIP endpoint on loopback, standing in for czmq: a DEALER client of a node's gossip bind,
 * or a ROUTER server that a node connects to. Every wait is bounded.
 */
final class RawGossipPeer implements AutoCloseable {

    private static final int WAIT_MS = 10_000;

    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket socket;
    private final boolean server;
    /** The routing id of the last client heard (server only). */
    private byte[] client;

    private RawGossipPeer(SocketType type) {
        socket = context.createSocket(type);
        socket.setLinger(0);
        socket.setReceiveTimeOut(WAIT_MS);
        // JeroMQ 0.6.0 may leave a fresh connection silent before its handshake (PR #1022): retry it after 1 s.
        socket.setHandshakeIvl(1_000);
        server = type == SocketType.ROUTER;
    }

    /** A client connected to {@code endpoint}. */
    static RawGossipPeer clientOf(String endpoint) {
        RawGossipPeer peer = new RawGossipPeer(SocketType.DEALER);
        peer.socket.connect(endpoint);
        return peer;
    }

    /** A server bound to {@code endpoint}. */
    static RawGossipPeer serverAt(String endpoint) {
        RawGossipPeer peer = new RawGossipPeer(SocketType.ROUTER);
        peer.socket.bind(endpoint);
        return peer;
    }

    void send(GossipMessage message) {
        sendRaw(GossipCodec.encode(message));
    }

    /** Sends frames as they are (one message of several frames if more than one). */
    void sendRaw(byte[]... frames) {
        if (server) {
            assertThat(client).as("a client must have spoken first").isNotNull();
            socket.sendMore(client);
        }
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** The next message; fails after a bounded wait. */
    GossipMessage receive() {
        if (server) {
            client = socket.recv();
            assertThat(client).as("no gossip message within %d ms", WAIT_MS).isNotNull();
        }
        byte[] frame = socket.recv();
        assertThat(frame).as("no gossip message within %d ms", WAIT_MS).isNotNull();
        return GossipCodec.decode(frame);
    }

    /** Reads messages until one matches (at most 200), and returns it with everything read before it. */
    List<GossipMessage> receiveUntil(Predicate<GossipMessage> wanted) {
        List<GossipMessage> seen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            GossipMessage message = receive();
            seen.add(message);
            if (wanted.test(message)) {
                return seen;
            }
        }
        throw new AssertionError("the awaited gossip message did not come; got " + seen);
    }

    @Override
    public void close() {
        context.close();
    }
}
