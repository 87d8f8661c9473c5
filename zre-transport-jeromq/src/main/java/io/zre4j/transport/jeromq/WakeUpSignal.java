package io.zre4j.transport.jeromq;

import io.zre4j.ZreNetworkException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets any thread interrupt the transport thread's poll: a {@link Pipe} whose source channel sits in the
 * transport's {@code ZMQ.Poller} beside the inbox.
 *
 * <p>A burst of signals costs one pipe write: {@link #signal()} writes only when no signal is pending, and
 * {@link #clear()} (on the transport thread) drains the pipe before it marks the signal consumed. In that
 * order a signal raised during {@link #clear()} either finds the flag still set (the poll it wanted to
 * end is ending anyway) or writes a byte that the next poll sees, so no signal is lost; the price is at
 * most one spurious early return.
 *
 * <p>Threading: {@link #signal()} and {@link #close()} from any thread; {@link #channel()} and
 * {@link #clear()} on the transport thread only.
 */
final class WakeUpSignal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WakeUpSignal.class);

    private final Pipe pipe;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ByteBuffer drain = ByteBuffer.allocate(64);

    private WakeUpSignal(Pipe pipe) {
        this.pipe = pipe;
    }

    /**
     * Opens the pipe, both ends non-blocking (the source so a selector can watch it, the sink so that
     * {@link #signal()} can never block its caller).
     *
     * @return a new signal
     * @throws ZreNetworkException if the operating system refuses a pipe (out of file descriptors)
     */
    static WakeUpSignal open() {
        try {
            Pipe pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            pipe.sink().configureBlocking(false);
            return new WakeUpSignal(pipe);
        } catch (IOException e) {
            throw new ZreNetworkException("cannot open the transport's wake-up pipe: " + e.getMessage(), e);
        }
    }

    /**
     * The end to register with a poller; it becomes readable when a signal is pending.
     *
     * @return the pipe's source channel
     */
    SelectableChannel channel() {
        return pipe.source();
    }

    /** Raises the signal. Safe from any thread, never blocks; does nothing once closed. */
    void signal() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            // A fresh buffer per write: two signallers can pass the flag between two clear() calls.
            pipe.sink().write(ByteBuffer.allocate(1));
        } catch (IOException e) {
            // Closed (the transport is gone, so there is nobody to wake) or a full pipe (impossible with
            // one pending byte): either way a wake-up is already guaranteed or pointless.
            LOG.trace("wake-up not written: {}", e.toString());
        }
    }

    /** Consumes every pending signal. Transport thread only. */
    void clear() {
        try {
            while (true) {
                drain.clear();
                if (pipe.source().read(drain) <= 0) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.trace("wake-up pipe not drained: {}", e.toString());
        }
        pending.set(false);
    }

    /** Closes both ends of the pipe. Idempotent. */
    @Override
    public void close() {
        closeQuietly(pipe.sink());
        closeQuietly(pipe.source());
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the wake-up pipe failed: {}", e.toString());
        }
    }
}
