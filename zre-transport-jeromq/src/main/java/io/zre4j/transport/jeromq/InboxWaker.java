package io.zre4j.transport.jeromq;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Lets any thread end the node thread's blocking read of the inbox: a DEALER connected over {@code inproc} to
 * the inbox ROUTER itself, which sends it an empty message.
 *
 * <p>Why a message and not a pipe beside the inbox in a {@code ZMQ.Poller}: with the wake-up arriving
 * through the inbox, the node thread can wait in a plain blocking {@code recv} on one socket, as a raw ZeroMQ
 * receiver does. JeroMQ's poller pays for a selector registration pass, two selector calls and an events
 * query per socket on every wait, and a node whose peers send to it now and then waits once per message.
 *
 * <p>A burst of signals costs one message: {@link #signal()} sends only when no wake-up is pending, and the
 * node thread calls {@link #consumed()} when it reads one. A signal raised after the message was read but
 * before {@code consumed()} finds the flag still set and sends nothing; that is safe because the node thread
 * looks at its commands after every read. The DEALER's routing identity is {@code 0x02} and 16 random bytes:
 * never a ZRE identity ({@code 0x01}…), and not one a remote peer can guess to hide its messages as wake-ups.
 *
 * <p>Threading: {@link #attach}, {@link #isWakeUp} and {@link #consumed()} on the node thread;
 * {@link #signal()} and {@link #close()} from any thread. The DEALER is used by whichever thread signals,
 * always under a lock (ZeroMQ sockets may change threads only across such a barrier).
 */
final class InboxWaker implements AutoCloseable {

    /** Where the inbox listens for its own wake-ups; each transport has its own context, so one name serves all. */
    static final String ENDPOINT = "inproc://zre4j-inbox-wake-up";

    private static final byte PREFIX = 0x02;
    private static final byte[] EMPTY = new byte[0];
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] identity = new byte[LinkIdentity.LENGTH];
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Object lock = new Object();
    /** Null before {@link #attach} and after {@link #close()}; guarded by {@link #lock}. */
    private ZMQ.Socket dealer;
    private boolean closed;

    InboxWaker() {
        RANDOM.nextBytes(identity);
        identity[0] = PREFIX;
    }

    /**
     * Connects the waker to the inbox, which must already be bound to {@link #ENDPOINT}. Node thread.
     *
     * @param context the transport's context, the inbox's
     */
    void attach(ZContext context) {
        attach(context, ENDPOINT);
    }

    /**
     * Connects the waker to an inbox bound to {@code endpoint}, replacing the connection to any earlier
     * inbox (a new DEALER: one connected to a closed inbox could hand a wake-up to its dying pipe). A
     * wake-up pending in the earlier inbox is forgotten, so that the next signal sends again. Node thread.
     *
     * @param context  the transport's context, the inbox's
     * @param endpoint the inbox's {@code inproc} endpoint
     */
    void attach(ZContext context, String endpoint) {
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        socket.setIdentity(identity);
        socket.setLinger(0);
        socket.setSendTimeOut(0);
        socket.connect(endpoint);
        ZMQ.Socket old;
        synchronized (lock) {
            if (closed) {
                socket.close();
                return;
            }
            old = dealer;
            dealer = socket;
            pending.set(false);
        }
        if (old != null) {
            // Never used again: every signal takes the lock, and reads the new DEALER.
            old.close();
        }
    }

    /**
     * Whether a message read from the inbox is one of this waker's.
     *
     * @param routingId the message's first frame
     * @return true for a wake-up, which carries nothing to deliver
     */
    boolean isWakeUp(byte[] routingId) {
        return routingId.length == identity.length && routingId[0] == PREFIX && Arrays.equals(routingId, identity);
    }

    /** Marks the pending wake-up as read, so that the next signal sends again. Node thread. */
    void consumed() {
        pending.set(false);
    }

    /** Ends a blocking read of the inbox, or the next one. Safe from any thread, never blocks. */
    void signal() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        boolean sent;
        synchronized (lock) {
            // Before attach the node thread is not reading yet (it looks at its commands first); after close
            // there is nobody to wake.
            sent = dealer != null && dealer.send(EMPTY, ZMQ.DONTWAIT);
        }
        if (!sent) {
            pending.set(false);
        }
    }

    /** Closes the DEALER; later signals do nothing. Idempotent. Call before the context is closed. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (dealer != null) {
                dealer.close();
                dealer = null;
            }
        }
    }
}
