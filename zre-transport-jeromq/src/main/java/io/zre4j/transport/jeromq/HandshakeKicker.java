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
 * <p>The sink listens on 127.0.0.1, so other local processes can connect to it too. It accepts frames of at
 * most {@value #SINK_MAX_FRAME_BYTES} bytes (room for the PUSH's ZMTP READY command, which a limit of 0 would
 * refuse, leaving the PUSH reconnecting ten times a second), and an {@link InboxBudget} of its own bounds what
 * it may hold: a message that never ends makes the node close the kicker and open a new one. The sink is also
 * read before each wait of the node, so that what strangers make JeroMQ queue for it is released.
 *
 * <p>Threading: the node thread only (it owns the transport's sockets), except the wake-up passed to
 * {@link #open}, which the I/O thread calls.
 */
final class HandshakeKicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeKicker.class);
    private static final long[] DELAYS_NS = {
        TimeUnit.MILLISECONDS.toNanos(2), TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.MILLISECONDS.toNanos(200)};
    private static final byte[] EMPTY = new byte[0];
    /** The largest frame the sink takes: kicks are empty, the PUSH's READY command about 30 bytes. */
    static final int SINK_MAX_FRAME_BYTES = 255;
    /** What the sink may hold unread: kicks come three per connect and are read within milliseconds. */
    static final InboxBudget.Limits SINK_LIMITS = new InboxBudget.Limits(10_000, 1 << 20);

    private ZContext context;
    private Runnable wakeNode;
    private InboxBudget budget;
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
     * @param context  the transport's context, whose I/O thread the links use
     * @param wakeNode ends the node thread's wait; called on the I/O thread if the sink holds too much
     */
    void open(ZContext context, Runnable wakeNode) {
        this.context = context;
        this.wakeNode = wakeNode;
        try {
            budget = new InboxBudget(SINK_LIMITS, wakeNode);
            sink = context.createSocket(SocketType.PULL);
            sink.setLinger(0);
            // Another local process could connect to the sink too: it must not make us hold large messages
            // (ZeroMQ disconnects a peer that sends a larger frame), nor a message that never ends.
            sink.setMaxMsgSize(SINK_MAX_FRAME_BYTES);
            sink.setMsgAllocator(budget);
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
        if (pusher == null || (nextKick == DELAYS_NS.length && inFlight == 0 && !budget.alarmed())) {
            return Long.MAX_VALUE; // the usual case, on every receive: no clock read, no socket call
        }
        if (budget.alarmed()) {
            guardSink();
            if (pusher == null) {
                return Long.MAX_VALUE;
            }
        }
        long nowNs = System.nanoTime();
        while (nextKick < DELAYS_NS.length && nowNs - connectedAtNs - DELAYS_NS[nextKick] >= 0) {
            if (pusher.send(EMPTY, ZMQ.DONTWAIT)) {
                kicksSent++;
                inFlight++;
            }
            nextKick++;
        }
        while (inFlight > 0 && readSink()) {
            inFlight--;
        }
        budget.publish();
        return nextKick < DELAYS_NS.length ? connectedAtNs + DELAYS_NS[nextKick] - nowNs : Long.MAX_VALUE;
    }

    /**
     * Reads whatever the sink holds (kicks, or a stranger's messages) and lets JeroMQ release what it queued for
     * the sink, such as the connections strangers opened and closed. The node thread calls it before it waits:
     * the sink is otherwise read only while kicks are in flight.
     */
    void tidy() {
        if (sink == null) {
            return;
        }
        while (readSink()) {
            if (inFlight > 0 && !sink.hasReceiveMore()) {
                inFlight--;
            }
        }
        budget.publish();
    }

    /** Reads one frame from the sink, if there is one, and tells the budget. */
    private boolean readSink() {
        byte[] frame = sink.recv(ZMQ.DONTWAIT);
        if (frame == null) {
            return false;
        }
        budget.consumed(1, frame.length);
        return true;
    }

    /** The sink's budget has raised its alarm: reads what is readable and, if it still holds too much, starts over. */
    private void guardSink() {
        tidy();
        String overflow = budget.overflow(true);
        if (overflow != null) {
            LOG.warn("the handshake kicker's loopback sink was sent a message that never ends ({}); opening a new"
                    + " one", overflow);
            close();
            open(context, wakeNode);
        }
    }

    /** Kicks sent and not yet read back, for tests. */
    int kicksInFlight() {
        return inFlight;
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
        if (budget != null) {
            budget.retire();
        }
        inFlight = 0;
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
