package io.zre4j.transport.jeromq;

import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import io.zre4j.ZreProtocolException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A node's events as ZeroMQ messages on a socket an application can read or put in its own
 * {@code ZMQ.Poller}, beside its other sockets: the Java counterpart of Pyre's {@code get_socket()} and of
 * Zyre's {@code zyre_socket()}.
 *
 * <pre>{@code
 * try (ZreEventSocket events = ZreEventSocket.attach(node)) {
 *     ZMQ.Poller poller = context.createPoller(2);
 *     poller.register(events.socket(), ZMQ.Poller.POLLIN);
 *     poller.register(myOtherSocket, ZMQ.Poller.POLLIN);
 *     if (poller.poll(1000) > 0 && poller.pollin(0)) {
 *         List<byte[]> frames = new ArrayList<>();
 *         do {
 *             frames.add(events.socket().recv());
 *         } while (events.socket().hasReceiveMore());
 *         ZreEvent event = ZreEventSocket.decode(frames);
 *     }
 * }
 * }</pre>
 *
 * <h2>Layout (Zyre's {@code zyre_event})</h2>
 * Every event is one multipart message; text frames are UTF-8 without a terminator:
 * <ol start="0">
 *   <li>the event type: {@code ENTER}, {@code EXIT}, {@code JOIN}, {@code LEAVE}, {@code WHISPER},
 *       {@code SHOUT}, {@code EVASIVE}, {@code SILENT}, {@code LEADER} or {@code STOP};</li>
 *   <li>the peer's uuid as 32 upper-case hex digits (Zyre's {@code zuuid_str}, {@link io.zre4j.PeerId#toString()});</li>
 *   <li>the peer's name;</li>
 * </ol>
 * then, by type:
 * <ul>
 *   <li>ENTER: the peer's headers packed as czmq's {@code zhash_pack} (u32 count, then per entry a
 *       1-byte-length key and a 4-byte-length value, big-endian), then the peer's address;</li>
 *   <li>JOIN, LEAVE, LEADER: the group;</li>
 *   <li>SHOUT: the group, then the content frames;</li>
 *   <li>WHISPER: the content frames;</li>
 *   <li>EXIT, EVASIVE, SILENT, STOP: nothing more.</li>
 * </ul>
 * Pyre differs: it sends the uuid as 16 raw bytes and ENTER headers as JSON.
 *
 * <h2>Flow control and threading</h2>
 * The node writes each event on its own thread, without blocking, into an inproc PAIR pair that buffers
 * about {@link io.zre4j.ZreConfig#eventQueueCapacity()} events. When the application falls that far
 * behind, further events are dropped: each is counted in {@link #droppedEvents()}, and the first drop after
 * a successful write is logged at WARN (the rest of a run of drops at DEBUG).
 *
 * <p>{@link #socket()} belongs to the application: read it from one thread at a time, as any ZeroMQ
 * socket, and {@link #close()} this object on that thread (or once it no longer reads). Closing never
 * races the node's writes; events that arrive later are ignored.
 * Registering the socket with a node adds a listener there, so events no longer queue for
 * {@link ZreNode#recv()}.
 */
public final class ZreEventSocket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZreEventSocket.class);
    /** inproc pipes need no I/O thread; only JeroMQ's reaper runs in a context of our own. */
    private static final int INPROC_IO_THREADS = 0;

    private final ZContext context;
    private final boolean ownsContext;
    private final ZMQ.Socket reader;
    /** Written on the node's thread; closed under {@link #writerLock} so close() cannot race a write. */
    private final ZMQ.Socket writer;
    private final Object writerLock = new Object();
    private final AtomicLong dropped = new AtomicLong();
    private boolean closed;
    private boolean dropping;

    ZreEventSocket(ZContext context, boolean ownsContext, int highWaterMark) {
        this.context = context;
        this.ownsContext = ownsContext;
        String endpoint = "inproc://zre-events-" + UUID.randomUUID();
        this.writer = context.createSocket(SocketType.PAIR);
        this.reader = context.createSocket(SocketType.PAIR);
        try {
            // An inproc pipe holds the writer's SNDHWM plus the reader's RCVHWM: put the whole budget on
            // the writer (0 would mean no limit, hence 1 on the reader).
            writer.setSndHWM(highWaterMark);
            writer.setLinger(0);
            writer.bind(endpoint);
            reader.setRcvHWM(1);
            reader.setLinger(0);
            reader.connect(endpoint);
        } catch (RuntimeException e) {
            closeSockets();
            if (ownsContext) {
                context.close();
            }
            throw e;
        }
    }

    /**
     * Attaches an event socket to a node, in a JeroMQ context of its own (closed with the socket). Attach
     * before {@link ZreNode#start()} to see every event.
     *
     * @param node the node whose events to carry
     * @return the event socket
     */
    public static ZreEventSocket attach(ZreNode node) {
        Objects.requireNonNull(node, "node");
        return register(node, new ZreEventSocket(new ZContext(INPROC_IO_THREADS), true, node.config().eventQueueCapacity()));
    }

    /**
     * Attaches an event socket to a node, with its sockets in the application's context (so that the
     * application's poller can hold them). The context stays the application's: close this socket before
     * closing the context.
     *
     * @param node    the node whose events to carry
     * @param context the application's JeroMQ context
     * @return the event socket
     */
    public static ZreEventSocket attach(ZreNode node, ZContext context) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(context, "context");
        return register(node, new ZreEventSocket(context, false, node.config().eventQueueCapacity()));
    }

    private static ZreEventSocket register(ZreNode node, ZreEventSocket events) {
        try {
            node.onEvent(events::publish);
            return events;
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
    }

    /**
     * The socket the events arrive on (a PAIR): read it, or register it with a {@code ZMQ.Poller}.
     *
     * @return the reading end, owned by this object
     */
    public ZMQ.Socket socket() {
        return reader;
    }

    /**
     * Number of events dropped because the application did not read fast enough.
     *
     * @return the count since {@link #attach}
     */
    public long droppedEvents() {
        return dropped.get();
    }

    /**
     * Decodes one message read from {@link #socket()} (or from a Zyre actor pipe) into an event.
     *
     * @param frames the message's frames in order; content frames are shared with the event, not copied
     * @return the event
     * @throws ZreProtocolException if the frames are not an event in the layout above
     */
    public static ZreEvent decode(List<byte[]> frames) {
        return EventFrames.decode(Objects.requireNonNull(frames, "frames"));
    }

    /**
     * Writes one event; the node's listener. Never blocks: a refused event is counted and dropped.
     *
     * @param event the event
     */
    void publish(ZreEvent event) {
        List<byte[]> frames = EventFrames.encode(event);
        synchronized (writerLock) {
            if (closed) {
                return;
            }
            if (write(frames)) {
                dropping = false;
                return;
            }
            long count = dropped.incrementAndGet();
            if (!dropping) {
                LOG.warn("{} event about {} dropped: the application does not read the event socket fast enough"
                        + " ({} dropped in all)", event.type(), event.peer(), count);
            } else {
                LOG.debug("{} event about {} dropped ({} dropped in all)", event.type(), event.peer(), count);
            }
            dropping = true;
        }
    }

    private boolean write(List<byte[]> frames) {
        int last = frames.size() - 1;
        try {
            for (int i = 0; i <= last; i++) {
                int flags = i < last ? ZMQ.DONTWAIT | ZMQ.SNDMORE : ZMQ.DONTWAIT;
                // ZeroMQ admits the rest of a message once it has admitted the first frame.
                if (!writer.send(frames.get(i), flags) && i == 0) {
                    return false;
                }
            }
            return true;
        } catch (ZMQException e) {
            // The application closed the context under us: nobody can read events any more.
            LOG.debug("event socket unusable: {}", e.toString());
            return false;
        }
    }

    /** Closes both sockets (and the context, if this object made it). Idempotent. */
    @Override
    public void close() {
        synchronized (writerLock) {
            if (closed) {
                return;
            }
            closed = true;
            closeSockets();
        }
        if (ownsContext) {
            context.close();
        }
    }

    private void closeSockets() {
        writer.close();
        reader.close();
    }
}
