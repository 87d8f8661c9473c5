package io.zre4j.transport.jeromq;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreNetworkException;
import io.zre4j.ZreProtocolException;
import io.zre4j.spi.NetworkSelection;
import io.zre4j.spi.Transport;
import io.zre4j.spi.TransportListener;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The production {@link Transport}: a ROUTER inbox and one DEALER per peer, set up as Zyre sets them up.
 *
 * <ul>
 *   <li>Inbox: a ROUTER with ROUTER_HANDOVER, so a peer that reconnects with the same identity takes over
 *       its old connection (Zyre's {@code zyre_node_new}). It binds {@link ZreConfig#endpoint()} when set,
 *       else an ephemeral port on the address {@link NetworkSelection#select} chooses.</li>
 *   <li>Links: one DEALER per peer with routing identity {@code 0x01}+uuid, SNDHWM
 *       {@link ZreConfig#sendHighWaterMark()} and SNDTIMEO 0 (Zyre's {@code zyre_peer_connect}). Sends use
 *       DONTWAIT: a full link refuses the message and the node counts it. Zyre instead destroys the
 *       link on the first refusal; here the choice belongs to the node.</li>
 *   <li>Waiting: a plain blocking read of the inbox; other threads end it through the inbox itself
 *       ({@link InboxWaker}).</li>
 *   <li>After each connect, a {@link HandshakeKicker} nudges JeroMQ's I/O thread so that a new link does not
 *       stay silent (a JeroMQ race).</li>
 * </ul>
 *
 * <p>Two options differ from Zyre. Lingering (czmq's default is 0 everywhere): {@link #disconnect} drops a
 * link's backlog at once, but {@link #close()} gives each link {@value #CLOSE_LINGER_MS} ms, so that the
 * last messages of a polite stop still leave. Handshake timeout: {@value #HANDSHAKE_TIMEOUT_MS} ms instead
 * of 30 s, to recover quickly from a JeroMQ bug (see {@link #HANDSHAKE_TIMEOUT_MS}).
 *
 * <p>Frames passed to {@link #send} are queued by reference, not copied: the caller must not modify them
 * afterwards.
 *
 * <p>Threading: every method except {@link #wakeUp()} must be called on the node's thread, the one that
 * calls {@link #open}; JeroMQ sockets are not thread-safe, so they are all created and used there.
 * {@link #wakeUp()} may be called from any thread. Each transport has its own {@link ZContext} with one
 * I/O thread; {@link #close()} ends both JeroMQ threads before it returns.
 */
final class JeromqTransport implements Transport {

    /** How long {@link #close()} lets each link flush what it still holds. */
    static final int CLOSE_LINGER_MS = 500;

    /**
     * How long a link may take to complete its ZeroMQ handshake before it is dropped and retried (libzmq
     * and Zyre: 30 s). JeroMQ 0.6.0's I/O poller sometimes loses a freshly connected channel (the
     * connecting side then never sends its greeting; zeromq/jeromq PR #1022 explains the race). The
     * {@link HandshakeKicker} recovers such a link within milliseconds of its connect; this timer is the
     * backstop for the rest (a reconnect JeroMQ makes by itself, long after the connect): 1 s keeps a
     * peer's HELLO from being held up for half a minute.
     */
    static final int HANDSHAKE_TIMEOUT_MS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(JeromqTransport.class);
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    /** Longer waits are cut to this (the caller simply calls again); keeps JeroMQ's deadline arithmetic safe. */
    private static final long MAX_WAIT_MS = TimeUnit.HOURS.toMillis(1);

    private final ZreConfig config;
    private final PeerId self;
    private final byte[] identity;
    private final InboxWaker waker = new InboxWaker();
    private final HandshakeKicker kicker = new HandshakeKicker();
    private final Map<PeerId, Link> links = new HashMap<>();

    private TransportListener listener;
    private ZContext context;
    private ZMQ.Socket inbox;
    /** The inbox's receive timeout as last set, so that a wait of the same length sets nothing. */
    private int inboxTimeoutMs = Integer.MIN_VALUE;
    /** Whether the current {@link #receive} has read a wake-up: it must then return without waiting. */
    private boolean wokenUp;
    private boolean ipv6;
    private boolean closed;

    /** One peer's outgoing link: the DEALER and the endpoint it connects to. */
    private record Link(ZMQ.Socket dealer, String endpoint) {
    }

    /**
     * Creates an unopened transport; no socket or thread exists until {@link #open}.
     *
     * @param config the node's configuration
     * @param self   the node's identity, put on every outgoing link
     */
    JeromqTransport(ZreConfig config, PeerId self) {
        this.config = Objects.requireNonNull(config, "config");
        this.self = Objects.requireNonNull(self, "self");
        this.identity = LinkIdentity.of(self);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Binds {@link ZreConfig#endpoint()} when set ({@code tcp://host:*} picks an ephemeral port), else
     * {@code tcp://<selected address>:*}. IPv6 is enabled on the sockets when the address is IPv6.
     *
     * @return the concrete endpoint, e.g. {@code tcp://127.0.0.1:49152} (a wildcard host such as
     *         {@code *} stays a wildcard address: announce a routable one yourself in that case)
     */
    @Override
    public String open(TransportListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("this transport is closed; create a new one");
        }
        if (inbox != null) {
            throw new IllegalStateException("this transport is already open at " + inbox.getLastEndpoint());
        }
        String bindTo = bindEndpoint();
        ZContext newContext = new ZContext(1);
        newContext.setThreadFactor(this::newThread);
        String endpoint;
        try {
            ZMQ.Socket router = newContext.createSocket(SocketType.ROUTER);
            router.setRouterHandover(true);
            router.setIPv6(ipv6);
            router.setLinger(0);
            // A hostile peer must not make us allocate whatever a length field claims.
            router.setMaxMsgSize(config.maxFrameBytes() == 0 ? -1 : config.maxFrameBytes());
            router.bind(InboxWaker.ENDPOINT);
            router.bind(bindTo);
            endpoint = router.getLastEndpoint();
            waker.attach(newContext);
            kicker.open(newContext);
            this.listener = listener;
            this.context = newContext;
            this.inbox = router;
        } catch (RuntimeException e) {
            waker.close();
            kicker.close();
            newContext.close();
            throw new ZreNetworkException("cannot bind the inbox to " + bindTo + ": " + describe(e)
                    + " (is the address one of this host's, and the port free?)", e);
        }
        LOG.debug("node {} inbox bound to {}", self, endpoint);
        return endpoint;
    }

    private String bindEndpoint() {
        if (config.endpoint().isPresent()) {
            String endpoint = config.endpoint().get();
            ipv6 = endpoint.contains("[") || config.ipv6().orElse(false);
            return endpoint;
        }
        NetworkSelection selection = NetworkSelection.select(config);
        InetAddress address = selection.address();
        ipv6 = selection.ipv6() || address instanceof Inet6Address;
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return "tcp://" + host + ":*";
    }

    private Thread newThread(Runnable task, String name) {
        Thread thread = new Thread(task, "zre-jeromq-" + self.shortName() + "-" + name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("JeroMQ thread {} failed", t.getName(), e));
        return thread;
    }

    /**
     * {@inheritDoc}
     *
     * <p>If JeroMQ rejects the endpoint, the failure is logged at WARN and no link exists: every
     * {@link #send} to the peer is refused until it is connected again.
     */
    @Override
    public void connect(PeerId peer, String endpoint) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(endpoint, "endpoint");
        requireOpen();
        Link old = links.remove(peer);
        if (old != null) {
            closeNow(old.dealer());
        }
        ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
        try {
            dealer.setIdentity(identity);
            dealer.setSndHWM(config.sendHighWaterMark());
            dealer.setSendTimeOut(0);
            dealer.setLinger(CLOSE_LINGER_MS);
            dealer.setHandshakeIvl(HANDSHAKE_TIMEOUT_MS);
            dealer.setIPv6(ipv6 || endpoint.contains("["));
            dealer.connect(endpoint);
        } catch (RuntimeException e) {
            closeNow(dealer);
            LOG.warn("cannot connect to peer {} at {}: {}; messages to it will be refused", peer, endpoint,
                    describe(e));
            return;
        }
        links.put(peer, new Link(dealer, endpoint));
        kicker.linkConnected();
        LOG.debug("connected to peer {} at {}", peer, endpoint);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Never blocks and never throws for a full link or an unknown peer (both logged at DEBUG; the
     * node counts refusals). The frames are queued by reference: do not modify them afterwards.
     *
     * @throws IllegalArgumentException if {@code frames} is empty
     */
    @Override
    public boolean send(PeerId peer, List<byte[]> frames) {
        requireOpen();
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a message has at least one frame");
        }
        Link link = links.get(peer);
        if (link == null) {
            LOG.debug("message to peer {} refused: no link", peer);
            return false;
        }
        ZMQ.Socket dealer = link.dealer();
        int last = frames.size() - 1;
        try {
            if (!dealer.send(frames.get(0), flags(0, last))) {
                LOG.debug("message to peer {} refused: its link holds SNDHWM={} messages", peer,
                        config.sendHighWaterMark());
                return false;
            }
            for (int i = 1; i <= last; i++) {
                if (!dealer.send(frames.get(i), flags(i, last))) {
                    return abandonHalfSentMessage(peer, link, i, frames.size());
                }
            }
            return true;
        } catch (ZMQException e) {
            LOG.warn("message to peer {} refused: {}", peer, describe(e));
            return false;
        }
    }

    private static int flags(int index, int last) {
        return index < last ? ZMQ.DONTWAIT | ZMQ.SNDMORE : ZMQ.DONTWAIT;
    }

    /**
     * ZeroMQ admits the rest of a message once it has admitted its first frame, so this should never run.
     * If it does, the link holds a message it can never finish; replacing the DEALER is the only way out,
     * and the peer then sees a sequence gap and re-syncs with us as it does after any loss.
     */
    private boolean abandonHalfSentMessage(PeerId peer, Link link, int refusedFrame, int frameCount) {
        LOG.warn("link to peer {} refused frame {} of {} after taking the first; replacing the link",
                peer, refusedFrame + 1, frameCount);
        connect(peer, link.endpoint());
        return false;
    }

    /** {@inheritDoc} The link's backlog is discarded (linger 0). */
    @Override
    public void disconnect(PeerId peer) {
        requireOpen();
        Link link = links.remove(peer);
        if (link != null) {
            closeNow(link.dealer());
            LOG.debug("disconnected from peer {} at {}", peer, link.endpoint());
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A message whose routing identity is not a ZRE one (17 bytes starting with {@code 0x01}), or that
     * has no frame after it, is dropped and reported to {@link TransportListener#onMalformed}; it counts
     * towards {@code max} and the result like any other. A wake-up ({@link #wakeUp()}) ends the wait and
     * counts as nothing. The wait has millisecond granularity, rounded up so that a short deadline does not
     * turn into a busy loop.
     *
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    @Override
    public int receive(int max, long timeoutNs) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        requireOpen();
        wokenUp = false;
        long untilKickNs = kicker.kickIfDue();
        int received = drain(max);
        if (received > 0 || wokenUp || timeoutNs <= 0) {
            return received;
        }
        int timeoutMs = (int) waitMillis(Math.min(timeoutNs, untilKickNs));
        if (timeoutMs != inboxTimeoutMs) {
            inbox.setReceiveTimeOut(timeoutMs);
            inboxTimeoutMs = timeoutMs;
        }
        byte[] routingId = inbox.recv(0);
        if (routingId == null) {
            return 0; // timed out
        }
        received = accept(routingId);
        return received + drain(max - received);
    }

    /** Rounds up to whole milliseconds: never 0 for a positive timeout, never more than 1 ms too long. */
    static long waitMillis(long timeoutNs) {
        long millis = timeoutNs / NANOS_PER_MILLI + (timeoutNs % NANOS_PER_MILLI == 0 ? 0 : 1);
        return Math.min(millis, MAX_WAIT_MS);
    }

    private int drain(int max) {
        int received = 0;
        while (received < max) {
            byte[] routingId = inbox.recv(ZMQ.DONTWAIT);
            if (routingId == null) {
                break;
            }
            received += accept(routingId);
        }
        return received;
    }

    /**
     * Reads the rest of the message whose first frame has just been read, and delivers it.
     *
     * @return 1 for a message delivered (or reported as malformed), 0 for a wake-up
     */
    private int accept(byte[] routingId) {
        // The rest of a message is always there once its first frame is: ZeroMQ delivers whole messages.
        List<byte[]> frames = new ArrayList<>(4);
        while (inbox.hasReceiveMore()) {
            frames.add(inbox.recv(0));
        }
        if (waker.isWakeUp(routingId)) {
            waker.consumed();
            wokenUp = true;
            return 0;
        }
        deliver(routingId, frames, listener);
        return 1;
    }

    /**
     * Hands one message read from the inbox to the listener, or reports why it cannot be attributed to a
     * peer.
     *
     * @param routingId the ROUTER's first frame, the sender's routing identity
     * @param frames    the frames after it
     * @param listener  where the message or the complaint goes
     */
    static void deliver(byte[] routingId, List<byte[]> frames, TransportListener listener) {
        if (!LinkIdentity.isValid(routingId)) {
            listener.onMalformed(ZreProtocolException.Reason.BAD_IDENTITY, "routing identity is "
                    + LinkIdentity.describe(routingId) + ", expected 17 bytes starting with 01; "
                    + frames.size() + " frame(s) dropped");
        } else if (frames.isEmpty()) {
            listener.onMalformed(ZreProtocolException.Reason.BAD_FRAMING, "message from "
                    + LinkIdentity.peer(routingId) + " has no frame after its routing identity");
        } else {
            listener.onMessage(LinkIdentity.peer(routingId), frames);
        }
    }

    /**
     * {@inheritDoc} Safe from any thread, before or after {@link #open} (then it does nothing: there is no
     * wait to end); a burst costs one message.
     */
    @Override
    public void wakeUp() {
        waker.signal();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Gives every link up to {@value #CLOSE_LINGER_MS} ms to flush, then ends the JeroMQ context and
     * its threads. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Link link : links.values()) {
            link.dealer().setLinger(CLOSE_LINGER_MS);
            link.dealer().close();
        }
        links.clear();
        waker.close();
        kicker.close();
        if (context != null) {
            inbox.close();
            // Blocks until the links have flushed or lingered out, and joins JeroMQ's threads.
            context.close();
        }
        LOG.debug("node {} transport closed", self);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this transport is closed");
        }
        if (inbox == null) {
            throw new IllegalStateException("this transport is not open yet: call open(listener) first");
        }
    }

    private static void closeNow(ZMQ.Socket socket) {
        socket.setLinger(0);
        socket.close();
    }

    private static String describe(RuntimeException e) {
        return e instanceof ZMQException zmq ? zmq.getErrorCode() + " " + zmq.getMessage() : e.toString();
    }
}
