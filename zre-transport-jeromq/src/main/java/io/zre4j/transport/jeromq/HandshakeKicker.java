package io.zre4j.transport.jeromq;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Works around a race in JeroMQ 0.6.0's I/O thread that leaves a freshly connected link silent
 * (zeromq/jeromq PR #1022, about 1–6 % of connections that complete asynchronously, as on a real LAN).
 *
 * <p>The race: when an outgoing TCP connect completes, the I/O thread's poller swaps the connecter's handle
 * for the stream engine's on the same channel, both in one pass. The channel's old selection key is only
 * cancelled, not yet gone, so the new handle is never registered, and the link sends nothing, not even its
 * ZMTP greeting, until something else on that I/O thread asks the poller to look at its handles again (or
 * until the handshake timer recovers it). Any other link's output restarting does ask.
 *
 * <p>So this class keeps one private PUSH→PULL connection over 127.0.0.1 on the transport's own context
 * and I/O thread, and after every new link sends one empty message through it ("a kick") three times: 2,
 * 20 and 200 ms after the latest connect. The PUSH's output restarting makes the
 * poller look again, and a stuck link starts its handshake. The kicks cost a few bytes over loopback, never
 * the network; the PULL side is drained by the node thread. If the private connection cannot be set up,
 * kicks are skipped and the handshake timeout remains the only cure.
 *
 * <p>Threading: the node thread only (it owns the transport's sockets).
 */
final class HandshakeKicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeKicker.class);
    private static final long[] DELAYS_NS = {
        TimeUnit.MILLISECONDS.toNanos(2), TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.MILLISECONDS.toNanos(200)};
    private static final byte[] EMPTY = new byte[0];

    private ZMQ.Socket sink;
    private ZMQ.Socket pusher;
    private long connectedAtNs;
    /** Index into {@link #DELAYS_NS} of the next kick due; its length when none is. */
    private int nextKick = DELAYS_NS.length;
    /** Kicks sent and not yet read back from the sink: the sink is read only while some are. */
    private int inFlight;
    private long kicksSent;

    /**
     * Sets up the private connection on the transport's context. Failing is not fatal: it is logged and the
     * kicker does nothing.
     *
     * @param context the transport's context, whose I/O thread the links use
     */
    void open(ZContext context) {
        try {
            sink = context.createSocket(SocketType.PULL);
            sink.setLinger(0);
            // Kicks are empty. Another local process could connect to the sink too; it must not be able to make
            // us hold large messages (ZeroMQ disconnects a peer that sends more).
            sink.setMaxMsgSize(0);
            sink.bind("tcp://127.0.0.1:*");
            pusher = context.createSocket(SocketType.PUSH);
            pusher.setLinger(0);
            pusher.setSendTimeOut(0);
            pusher.connect(sink.getLastEndpoint());
        } catch (RuntimeException e) { // ZMQException, or a context already closed
            LOG.debug("handshake kicker not available ({}); slow handshakes recover by their timeout only", e.toString());
            close();
        }
    }

    /** A link has just been connected: kicks are due shortly. */
    void linkConnected() {
        connectedAtNs = System.nanoTime();
        nextKick = 0;
    }

    /**
     * Sends the kicks that are due and reads back what the sink has received.
     *
     * @return nanoseconds until the next kick is due, or {@link Long#MAX_VALUE} if none is
     */
    long kickIfDue() {
        if (pusher == null || (nextKick == DELAYS_NS.length && inFlight == 0)) {
            return Long.MAX_VALUE; // the usual case, on every receive: no clock read, no socket call
        }
        long nowNs = System.nanoTime();
        while (nextKick < DELAYS_NS.length && nowNs - connectedAtNs - DELAYS_NS[nextKick] >= 0) {
            if (pusher.send(EMPTY, ZMQ.DONTWAIT)) {
                kicksSent++;
                inFlight++;
            }
            nextKick++;
        }
        while (inFlight > 0 && sink.recv(ZMQ.DONTWAIT) != null) {
            inFlight--;
        }
        return nextKick < DELAYS_NS.length ? connectedAtNs + DELAYS_NS[nextKick] - nowNs : Long.MAX_VALUE;
    }

    /** Where the sink listens (on 127.0.0.1), for tests; null if the kicker is not open. */
    String sinkEndpoint() {
        return sink == null ? null : sink.getLastEndpoint();
    }

    /** Kicks sent so far, for tests. */
    long kicksSent() {
        return kicksSent;
    }

    /** Closes both sockets. Idempotent. */
    @Override
    public void close() {
        if (pusher != null) {
            pusher.close();
            pusher = null;
        }
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }
}
