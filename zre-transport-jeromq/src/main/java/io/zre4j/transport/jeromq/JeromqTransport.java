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
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.Msg;
import zmq.io.Metadata;

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
 *   <li>Memory: an {@link InboxBudget} counts what the inbox's connections hold that the node cannot read
 *       yet. When a peer sends a message that never ends, the node closes the inbox, dropping every
 *       connection to it, and binds a new one on the same endpoint at once; peers' DEALERs reconnect by
 *       themselves, and the listener hears of it ({@link TransportListener#onInboxReset}).</li>
 * </ul>
 *
 * <p>Two options differ from Zyre. Lingering (czmq's default is 0 everywhere): {@link #disconnect} drops a
 * link's backlog at once, but {@link #close()} gives each link {@value #CLOSE_LINGER_MS} ms, so that the
 * last messages of a polite stop still leave. Handshake timeouts: {@value #HANDSHAKE_TIMEOUT_MS} ms on the
 * links instead of 30 s, to recover quickly from a JeroMQ bug (see {@link #HANDSHAKE_TIMEOUT_MS}), and
 * {@value #INBOX_HANDSHAKE_TIMEOUT_MS} ms on the inbox, so that idle connections cannot pile up (see
 * {@link #INBOX_HANDSHAKE_TIMEOUT_MS}).
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

    /**
     * How long a connection to the inbox may take to send its ZMTP greeting before the inbox drops it
     * (libzmq and Zyre: 30 s). A legitimate peer greets within milliseconds of connecting; with 30 s, a
     * client that opens thousands of TCP connections and sends nothing holds as many file descriptors for
     * half a minute, and can exhaust the process's limit. JeroMQ 0.6.0's timer covers the 64-byte greeting
     * only, not the READY command after it.
     */
    static final int INBOX_HANDSHAKE_TIMEOUT_MS = 2_000;

    /** The most sockets the transport's context may hold: one DEALER per peer, plus a few of its own. */
    static final int MAX_SOCKETS = 16_384;

    /** How long a reset inbox keeps trying to bind its endpoint again before it leaves it to later receives. */
    private static final long REBIND_PATIENCE_NS = TimeUnit.SECONDS.toNanos(2);
    /** Between two attempts to bind the endpoint again, once the patience above has run out. */
    private static final long REBIND_RETRY_NS = TimeUnit.MILLISECONDS.toNanos(100);

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
    private final InboxBudget.Limits inboxLimits;

    private TransportListener listener;
    private ZContext context;
    private ZMQ.Socket inbox;
    /** Counts what {@link #inbox} holds unread; replaced with the inbox. */
    private InboxBudget budget;
    /** The endpoint the inbox is bound to, with the concrete port: a reset inbox binds it again. */
    private String inboxEndpoint;
    /** How many times the inbox has been reset; names each inbox's wake-up endpoint. */
    private int inboxResets;
    /** Non-null while a reset inbox has not managed to bind {@link #inboxEndpoint} again. */
    private String unboundEndpoint;
    private long nextRebindNs;
    /** Whether the current {@link #receive} has found the inbox with nothing left to read. */
    private boolean drained;
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
        this(config, self, InboxBudget.Limits.defaults(config.maxFrameBytes()));
    }

    /**
     * Creates an unopened transport with the given inbox limits (tests lower them).
     *
     * @param config      the node's configuration
     * @param self        the node's identity, put on every outgoing link
     * @param inboxLimits what the inbox may hold unread before it is reset (see {@link InboxBudget})
     */
    JeromqTransport(ZreConfig config, PeerId self, InboxBudget.Limits inboxLimits) {
        this.config = Objects.requireNonNull(config, "config");
        this.self = Objects.requireNonNull(self, "self");
        this.identity = LinkIdentity.of(self);
        this.inboxLimits = Objects.requireNonNull(inboxLimits, "inboxLimits");
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
        // One I/O thread: InboxBudget counts on it with plain fields.
        ZContext newContext = new ZContext(1);
        newContext.setThreadFactor(this::newThread);
        // JeroMQ's default cap of 1,024 sockets would stop a node at about a thousand peers (one DEALER each);
        // the real limit is then the process's file descriptors, and a link that cannot open is counted.
        newContext.getContext().setMaxSockets(MAX_SOCKETS);
        String endpoint;
        try {
            InboxBudget newBudget = new InboxBudget(inboxLimits, waker::signal);
            ZMQ.Socket router = newInbox(newContext, newBudget, InboxWaker.ENDPOINT);
            router.bind(bindTo);
            endpoint = router.getLastEndpoint();
            waker.attach(newContext, InboxWaker.ENDPOINT);
            kicker.open(newContext, waker::signal);
            this.listener = listener;
            this.context = newContext;
            this.inbox = router;
            this.budget = newBudget;
            this.inboxEndpoint = endpoint;
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

    /**
     * Creates the inbox ROUTER with its options, bound to its wake-up endpoint only.
     *
     * @param context      the transport's context
     * @param newBudget    the allocator that counts what the new inbox holds
     * @param wakeEndpoint the {@code inproc} endpoint its {@link InboxWaker} connects to
     */
    private ZMQ.Socket newInbox(ZContext context, InboxBudget newBudget, String wakeEndpoint) {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        try {
            router.setRouterHandover(true);
            router.setIPv6(ipv6);
            router.setLinger(0);
            // A hostile peer must not make us allocate whatever a length field claims.
            router.setMaxMsgSize(config.maxFrameBytes() == 0 ? -1 : config.maxFrameBytes());
            // Nor hold a file descriptor for long without saying anything.
            router.setHandshakeIvl(INBOX_HANDSHAKE_TIMEOUT_MS);
            // Nor make us buffer a message that never ends (JeroMQ decodes every frame through this).
            router.setMsgAllocator(newBudget);
            router.bind(wakeEndpoint);
            return router;
        } catch (RuntimeException e) {
            router.close();
            throw e;
        }
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
     * towards {@code max} and the result like any other; so does a message left on a connection that the same
     * peer has since replaced, reported to {@link TransportListener#onReplacedLinkMessage}. A wake-up
     * ({@link #wakeUp()}) ends the wait and counts as nothing. The wait has millisecond granularity, rounded up
     * so that a short deadline does not turn into a busy loop. If the inbox holds more than its
     * {@link InboxBudget} allows, it is reset here (see the class comment).
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
        drained = false;
        long untilKickNs = kicker.kickIfDue();
        int received = drain(max);
        // Also before a wait: the wait must see the inbox as it is after a reset, and the I/O thread what has
        // been read.
        guardInbox();
        if (received > 0 || wokenUp || timeoutNs <= 0) {
            return received;
        }
        // Before a wait, never on the busy path: lets JeroMQ release what strangers made it queue for the kicker.
        kicker.tidy();
        int timeoutMs = (int) waitMillis(Math.min(timeoutNs, untilKickNs));
        if (timeoutMs != inboxTimeoutMs) {
            inbox.setReceiveTimeOut(timeoutMs);
            inboxTimeoutMs = timeoutMs;
        }
        byte[] routingId = inbox.recv(0);
        if (routingId == null) {
            drained = true; // timed out
            guardInbox();
            return 0;
        }
        received = accept(routingId);
        received += drain(max - received);
        guardInbox();
        return received;
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
                drained = true;
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
        if (LinkIdentity.isGenerated(routingId)) {
            return acceptUnderGeneratedId(routingId);
        }
        // The rest of a message is always there once its first frame is: ZeroMQ delivers whole messages.
        List<byte[]> frames = new ArrayList<>(4);
        long bytes = 0;
        while (inbox.hasReceiveMore()) {
            byte[] frame = inbox.recv(0);
            bytes += frame.length;
            frames.add(frame);
        }
        if (waker.isWakeUp(routingId)) {
            waker.consumed();
            wokenUp = true;
            return 0; // came over inproc: never counted by the budget
        }
        budget.consumed(frames.size(), bytes);
        deliver(routingId, frames, null, listener);
        return 1;
    }

    /**
     * Like {@link #accept}, for a routing id the ROUTER made up: the rare case where the identity the
     * connection announced (kept in each frame's metadata) tells a replaced connection from an anonymous one.
     */
    private int acceptUnderGeneratedId(byte[] routingId) {
        List<byte[]> frames = new ArrayList<>(4);
        long bytes = 0;
        String announcedIdentity = null;
        while (inbox.hasReceiveMore()) {
            Msg frame = inbox.recvMsg(0);
            Metadata metadata = frame.getMetadata();
            if (announcedIdentity == null && metadata != null) {
                announcedIdentity = metadata.get(Metadata.IDENTITY);
            }
            byte[] data = frame.data();
            bytes += data.length;
            frames.add(data);
        }
        budget.consumed(frames.size(), bytes);
        deliver(routingId, frames, announcedIdentity, listener);
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
        deliver(routingId, frames, null, listener);
    }

    /**
     * Hands one message read from the inbox to the listener, or reports why it cannot be attributed to a
     * peer: a connection replaced by a newer one from the same peer (its messages are dropped, as Zyre
     * drops them), or a routing identity that is not a ZRE one.
     *
     * @param routingId         the ROUTER's first frame, the sender's routing identity
     * @param frames            the frames after it
     * @param announcedIdentity the identity the connection announced, from the frames' metadata (see
     *                          {@link LinkIdentity#wasReplaced}); null if not looked up or none
     * @param listener          where the message or the complaint goes
     */
    static void deliver(byte[] routingId, List<byte[]> frames, String announcedIdentity,
            TransportListener listener) {
        if (LinkIdentity.wasReplaced(routingId, announcedIdentity)) {
            listener.onReplacedLinkMessage(frames.size() + " frame(s) dropped from a connection that the same peer"
                    + " has replaced with a newer one (ZeroMQ renamed the old one " + LinkIdentity.describe(routingId)
                    + ")");
        } else if (!LinkIdentity.isValid(routingId)) {
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
     * Lets the I/O thread see what has been read, and resets the inbox if its budget says so (or binds a reset
     * inbox's endpoint again if that failed so far). Cheap unless the budget's alarm is raised.
     */
    private void guardInbox() {
        if (unboundEndpoint != null && System.nanoTime() - nextRebindNs >= 0) {
            bindInboxAgain(0);
        }
        if (!budget.alarmed()) {
            budget.publish();
            return;
        }
        String overflow = budget.overflow(drained);
        if (overflow != null) {
            resetInbox(overflow);
        }
    }

    /**
     * Closes the inbox, which drops every connection to it and what JeroMQ holds for them, and binds a new
     * one on the same endpoint. Peers' DEALERs reconnect by themselves; whatever they had sent and we had
     * not read is lost, which ZRE peers notice as a gap in sequence numbers and recover from.
     *
     * <p>Why the whole inbox: JeroMQ offers no way to drop one connection of a ROUTER, and the budget cannot
     * tell whose frames it counts (the allocator does not know which connection it decodes for).
     */
    private void resetInbox(String overflow) {
        budget.retire();
        // Linger 0: what the old inbox holds is dropped as soon as JeroMQ's threads process the close (the I/O
        // thread may decode a few more batches until then).
        inbox.close();
        inboxResets++;
        String wakeEndpoint = InboxWaker.ENDPOINT + "-" + inboxResets;
        InboxBudget newBudget = new InboxBudget(inboxLimits, waker::signal);
        inbox = newInbox(context, newBudget, wakeEndpoint);
        budget = newBudget;
        inboxTimeoutMs = Integer.MIN_VALUE;
        waker.attach(context, wakeEndpoint);
        boolean bound = bindInboxAgain(REBIND_PATIENCE_NS);
        LOG.debug("node {} inbox reset: {}", self, overflow);
        listener.onInboxReset(overflow + "; the inbox at " + inboxEndpoint + (bound ? " was opened again"
                : " is closed until its port can be bound again (retried every 100 ms)"));
    }

    /**
     * Binds a reset inbox to its endpoint again. The old inbox lets go of the port as soon as JeroMQ's I/O
     * thread has processed its close, usually within a millisecond: retries until then.
     *
     * @param patienceNs how long to keep trying now (0: one attempt)
     * @return whether the inbox is bound
     */
    private boolean bindInboxAgain(long patienceNs) {
        long startNs = System.nanoTime();
        while (true) {
            try {
                inbox.bind(inboxEndpoint);
                if (unboundEndpoint != null) {
                    LOG.info("node {} inbox bound to {} again", self, inboxEndpoint);
                }
                unboundEndpoint = null;
                return true;
            } catch (ZMQException e) {
                long nowNs = System.nanoTime();
                if (nowNs - startNs >= patienceNs) {
                    if (unboundEndpoint == null) {
                        LOG.error("node {} cannot bind its inbox to {} again after a reset ({}); peers cannot reach"
                                + " it until it can", self, inboxEndpoint, describe(e));
                    }
                    unboundEndpoint = inboxEndpoint;
                    nextRebindNs = nowNs + REBIND_RETRY_NS;
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /** The current inbox's budget, for tests. */
    InboxBudget inboxBudget() {
        return budget;
    }

    /** How many times the inbox has been reset, for tests. */
    int inboxResets() {
        return inboxResets;
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
