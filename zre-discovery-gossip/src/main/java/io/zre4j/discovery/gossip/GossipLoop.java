package io.zre4j.discovery.gossip;

import io.zre4j.PeerId;
import io.zre4j.ZreNetworkException;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.core.codec.GossipCodec;
import io.zre4j.core.codec.GossipMessage;
import io.zre4j.core.discovery.TcpEndpoints;
import io.zre4j.spi.DiscoveryListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The gossip thread's work: a ROUTER per bind endpoint serving clients as czmq's zgossip server does, a
 * DEALER per connect endpoint acting as its client, and the table of tuples. Every socket and field is
 * touched by the gossip thread only, after the constructor (which runs on the starting thread and hands the
 * sockets over through {@link Thread#start()}); {@link #stopListing()} and {@link #shutDown()} only set
 * flags.
 */
final class GossipLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GossipLoop.class);

    /** At most this many tuples are kept; new keys beyond it are refused (a flood must not exhaust memory). */
    static final int MAX_TUPLES = 10_000;
    /** At most this many client sessions are kept; the least recently heard is forgotten first. */
    static final int MAX_SESSIONS = 1_024;
    /** The largest gossip frame accepted; a peer sending more is disconnected by JeroMQ. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    /** czmq forgets a client that is silent for a second; ping well within that. */
    private static final long PING_INTERVAL_NS = 400_000_000L;
    /** A remote that does not answer is pinged only this often, so pings do not pile up while it is away. */
    private static final long UNANSWERED_PING_INTERVAL_NS = 5_000_000_000L;
    private static final int POLL_MS = 100;
    /** Messages read from one socket per pass, so one busy socket cannot starve the others or the timers. */
    private static final int DRAIN_LIMIT = 1_000;
    /**
     * How long a connection may take over its ZeroMQ handshake before JeroMQ drops and redoes it (default
     * 30 s). JeroMQ 0.6.0 sometimes leaves a fresh outgoing connection silent before its greeting (zeromq/jeromq
     * PR #1022); 1 s keeps that from holding discovery up for half a minute, and bounds what a client that
     * never completes its handshake costs a hub.
     */
    private static final int HANDSHAKE_TIMEOUT_MS = 1_000;
    /** Queued per remote while it is away; czmq uses an unbounded queue, we bound it. */
    private static final int REMOTE_SEND_HWM = 20_000;

    private static final byte[] HELLO = GossipCodec.encode(new GossipMessage.Hello());
    private static final byte[] PING = GossipCodec.encode(new GossipMessage.Ping());
    private static final byte[] PONG = GossipCodec.encode(new GossipMessage.Pong());
    private static final byte[] INVALID = GossipCodec.encode(new GossipMessage.Invalid());
    /** What JeroMQ hands a DEALER when its connection broke (its "hiccup" message); never a gossip frame. */
    private static final byte[] RECONNECTING = {0};

    private final String name;
    private final String selfKey;
    private final String ownEndpoint;
    private final DiscoveryListener listener;
    private final long relistIntervalNs;
    private final ZContext context;
    private final List<ZMQ.Socket> routers = new ArrayList<>();
    private final List<Remote> remotes = new ArrayList<>();
    /** Every tuple known, ours first; insertion order is the order new clients get them in. */
    private final Map<String, String> tuples = new LinkedHashMap<>();
    /** The tuples that name ZRE peers, listed to the node again every relist interval. */
    private final Map<PeerId, String> peers = new LinkedHashMap<>();
    /** Client sessions by socket and routing id, least recently heard first. */
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    private volatile boolean listing = true;
    private volatile boolean running = true;
    private boolean tuplesFullWarned;
    private String claimWarnedFor;
    private boolean listenerFailureWarned;

    /**
     * Opens the sockets on the calling thread.
     *
     * @throws ZreNetworkException if a bind endpoint cannot be bound
     */
    GossipLoop(String name, PeerId self, String ownEndpoint, DiscoveryListener listener, List<String> binds,
               List<String> connects, long relistIntervalNs) {
        this.name = name;
        this.selfKey = self.toString();
        this.ownEndpoint = ownEndpoint;
        this.listener = listener;
        this.relistIntervalNs = relistIntervalNs;
        this.context = new ZContext(1);
        tuples.put(selfKey, ownEndpoint);
        try {
            for (String endpoint : binds) {
                routers.add(bindRouter(endpoint));
            }
            for (String endpoint : connects) {
                Remote remote = new Remote(endpoint, connectDealer(endpoint));
                remotes.add(remote);
                sendAllTuples(remote); // queued behind the HELLO that JeroMQ sends on connecting
            }
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** A socket with the options every gossip socket has: no linger, bounded frames, a short handshake. */
    private ZMQ.Socket newSocket(SocketType type) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        socket.setMaxMsgSize(MAX_FRAME_BYTES);
        socket.setHandshakeIvl(HANDSHAKE_TIMEOUT_MS);
        return socket;
    }

    private ZMQ.Socket bindRouter(String endpoint) {
        ZMQ.Socket router = newSocket(SocketType.ROUTER);
        // Sending to a client that went away fails at once, and its session is dropped.
        router.setRouterMandatory(true);
        try {
            router.bind(endpoint);
        } catch (ZMQException | IllegalArgumentException e) {
            throw new ZreNetworkException("cannot bind the gossip endpoint " + endpoint + ": " + e.getMessage()
                    + " (is the port in use, or the address not one of this host's?)", e);
        }
        return router;
    }

    private ZMQ.Socket connectDealer(String endpoint) {
        ZMQ.Socket dealer = newSocket(SocketType.DEALER);
        dealer.setSndHWM(REMOTE_SEND_HWM);
        // JeroMQ sends HELLO first on every connection it makes, reconnections included, and tells us when a
        // connection broke, so that our tuples follow the HELLO again.
        dealer.setHelloMsg(HELLO);
        // JeroMQ 0.6.0 has the hiccup option but no setter for it in ZMQ.Socket.
        dealer.base().setSocketOpt(zmq.ZMQ.ZMQ_HICCUP_MSG, RECONNECTING);
        try {
            dealer.connect(endpoint);
        } catch (ZMQException | IllegalArgumentException e) {
            throw new ZreNetworkException("cannot connect to the gossip endpoint " + endpoint + ": " + e.getMessage(), e);
        }
        return dealer;
    }

    /** Stops reporting peers to the node; serving the gossip network goes on. Any thread. */
    void stopListing() {
        listing = false;
    }

    /** Ends the loop within one poll interval; the loop closes the sockets. Any thread. */
    void shutDown() {
        running = false;
    }

    @Override
    public void run() {
        ZMQ.Poller poller = context.createPoller(routers.size() + remotes.size());
        try {
            routers.forEach(router -> poller.register(router, ZMQ.Poller.POLLIN));
            remotes.forEach(remote -> poller.register(remote.dealer, ZMQ.Poller.POLLIN));
            long now = System.nanoTime();
            long nextPing = now;
            long nextRelist = now + relistIntervalNs;
            while (running) {
                poller.poll(POLL_MS);
                for (int i = 0; i < routers.size(); i++) {
                    if (poller.pollin(i)) {
                        drainClients(routers.get(i), i);
                    }
                }
                for (int i = 0; i < remotes.size(); i++) {
                    if (poller.pollin(routers.size() + i)) {
                        drainRemote(remotes.get(i));
                    }
                }
                now = System.nanoTime();
                if (now - nextPing >= 0) {
                    pingRemotes(now);
                    nextPing = now + PING_INTERVAL_NS;
                }
                if (now - nextRelist >= 0) {
                    peers.forEach(this::list);
                    nextRelist = now + relistIntervalNs;
                }
            }
        } catch (RuntimeException | Error e) {
            if (running) {
                LOG.error("{}: the gossip thread failed; this node no longer discovers peers by gossip", name, e);
            }
        } finally {
            poller.close();
            context.close();
        }
    }

    // ---------------------------------------------------------------- as a server (bound endpoints)

    private void drainClients(ZMQ.Socket router, int routerIndex) {
        for (int i = 0; i < DRAIN_LIMIT; i++) {
            byte[] id = router.recv(ZMQ.DONTWAIT);
            if (id == null) {
                return;
            }
            byte[] frame = router.hasReceiveMore() ? router.recv(ZMQ.DONTWAIT) : null;
            if (skipExtraFrames(router) || frame == null) {
                listener.malformed(Reason.BAD_FRAMING, "a gossip message from a client is one frame");
                continue;
            }
            GossipMessage message = decode(frame, "a client");
            if (message != null) {
                onClientMessage(session(router, routerIndex, id), message);
            }
        }
    }

    private Session session(ZMQ.Socket router, int routerIndex, byte[] id) {
        String key = routerIndex + ":" + HexFormat.of().formatHex(id);
        Session session = sessions.get(key);
        if (session == null) {
            session = new Session(key, router, id);
            sessions.put(key, session);
        }
        return session;
    }

    private void onClientMessage(Session session, GossipMessage message) {
        if (message instanceof GossipMessage.Hello) {
            session.greeted = true;
            sendAllTuples(frame -> sendToClient(session, frame));
        } else if (message instanceof GossipMessage.Publish publish) {
            if (!session.greeted) {
                // czmq answers INVALID (the client then says HELLO) and drops the tuple; we keep the tuple too.
                sendToClient(session, INVALID);
            }
            accept(publish.key(), publish.value());
        } else if (message instanceof GossipMessage.Ping) {
            // czmq answers PONG even to a client it does not know; INVALID makes a zre4j client that outlived
            // us (we restarted) say HELLO and publish again. czmq clients never ping.
            sendToClient(session, session.greeted ? PONG : INVALID);
        }
        // PONG and INVALID are a server's words; from a client they mean nothing.
    }

    private void sendToClient(Session session, byte[] frame) {
        try {
            if (!session.router.send(session.id, ZMQ.SNDMORE | ZMQ.DONTWAIT)
                    || !session.router.send(frame, ZMQ.DONTWAIT)) {
                LOG.debug("{}: gossip client {} reads too slowly; a message to it was dropped", name, session.key);
            }
        } catch (ZMQException e) {
            // Host unreachable: the client disconnected. Forget it; it says HELLO again if it comes back.
            sessions.remove(session.key);
        }
    }

    // ---------------------------------------------------------------- as a client (connected endpoints)

    private void drainRemote(Remote remote) {
        for (int i = 0; i < DRAIN_LIMIT; i++) {
            byte[] frame = remote.dealer.recv(ZMQ.DONTWAIT);
            if (frame == null) {
                return;
            }
            if (skipExtraFrames(remote.dealer)) {
                listener.malformed(Reason.BAD_FRAMING, "a gossip message from " + remote.endpoint + " is one frame");
                continue;
            }
            if (Arrays.equals(frame, RECONNECTING)) {
                LOG.debug("{}: gossip connection to {} broke; publishing again when it is back", name, remote.endpoint);
                sendAllTuples(remote);
                continue;
            }
            remote.answered = true;
            GossipMessage message = decode(frame, remote.endpoint);
            if (message instanceof GossipMessage.Publish publish) {
                accept(publish.key(), publish.value());
            } else if (message instanceof GossipMessage.Invalid) {
                // The server does not know us (it restarted, or forgot a silent client): greet it again.
                sendToRemote(remote, HELLO);
                sendAllTuples(remote);
            }
        }
    }

    private void pingRemotes(long now) {
        for (Remote remote : remotes) {
            if (remote.answered || now - remote.lastPingNs >= UNANSWERED_PING_INTERVAL_NS) {
                remote.answered = false;
                remote.lastPingNs = now;
                sendToRemote(remote, PING);
            }
        }
    }

    private void sendAllTuples(Remote remote) {
        sendAllTuples(frame -> sendToRemote(remote, frame));
    }

    /** Hands every known tuple, as a PUBLISH frame, to {@code send}; our own counts as an announcement. */
    private void sendAllTuples(Consumer<byte[]> send) {
        tuples.forEach((key, value) -> {
            send.accept(publishFrame(key, value));
            if (key.equals(selfKey)) {
                listener.announcementSent();
            }
        });
    }

    private static byte[] publishFrame(String key, String value) {
        return GossipCodec.encode(new GossipMessage.Publish(key, value, 0)); // czmq sends and ignores ttl 0
    }

    private void sendToRemote(Remote remote, byte[] frame) {
        if (!remote.dealer.send(frame, ZMQ.DONTWAIT)) {
            LOG.debug("{}: gossip queue to {} is full; a message was dropped", name, remote.endpoint);
        }
    }

    // ---------------------------------------------------------------- tuples

    /** A tuple arrived (from a client or a remote): keep it if new, tell the node, and pass it on. */
    private void accept(String key, String value) {
        if (key.equals(selfKey)) {
            if (!value.equals(ownEndpoint) && !value.equals(claimWarnedFor)) {
                claimWarnedFor = value;
                LOG.warn("{}: the gossip network says our uuid {} is at {}, but we are at {} (another node with our "
                        + "uuid, or a restart of ours that others still remember); ignored", name, key, value, ownEndpoint);
            }
            return;
        }
        String old = tuples.get(key);
        if (value.equals(old)) {
            return; // gossip repeats itself: a tuple we know
        }
        if (old == null && tuples.size() >= MAX_TUPLES) {
            if (!tuplesFullWarned) {
                tuplesFullWarned = true;
                LOG.warn("{}: {} gossip tuples known; new ones are refused (a flood, or a network this large "
                        + "should use several gossip domains)", name, MAX_TUPLES);
            }
            listener.ignored("gossip tuple " + key + " refused: " + MAX_TUPLES + " tuples known");
            return;
        }
        tuples.put(key, value);
        learnPeer(key, value);
        byte[] publish = publishFrame(key, value);
        for (Session session : new ArrayList<>(sessions.values())) {
            if (session.greeted) {
                sendToClient(session, publish);
            }
        }
        remotes.forEach(remote -> sendToRemote(remote, publish));
    }

    /** Tells the node of a tuple that names a ZRE peer; other tuples are gossip the node has no use for. */
    private void learnPeer(String key, String value) {
        PeerId peer;
        try {
            peer = PeerId.parse(key);
        } catch (IllegalArgumentException e) {
            LOG.debug("{}: gossip tuple {} is not a ZRE peer; passed on only", name, key);
            return;
        }
        peers.remove(peer);
        if (value.indexOf('|') >= 0) {
            listener.ignored("gossip tuple of " + peer + " carries a CURVE public key (CURVE is not supported): " + value);
        } else if (!TcpEndpoints.isValid(value)) {
            listener.malformed(Reason.INVALID_FIELD, "gossip tuple of " + peer + ": \"" + value
                    + "\" is not tcp://host:port");
        } else {
            peers.put(peer, value);
            list(peer, value);
        }
    }

    private void list(PeerId peer, String endpoint) {
        if (!listing) {
            return;
        }
        try {
            listener.peerListed(peer, endpoint);
        } catch (RuntimeException e) {
            if (listenerFailureWarned) {
                LOG.debug("{}: the discovery listener failed again on {} at {}", name, peer, endpoint, e);
            } else {
                listenerFailureWarned = true;
                LOG.warn("{}: the discovery listener failed on {} at {} (further failures are logged at DEBUG)",
                        name, peer, endpoint, e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private GossipMessage decode(byte[] frame, String from) {
        try {
            return GossipCodec.decode(frame);
        } catch (ZreProtocolException e) {
            listener.malformed(e.reason(), "gossip from " + from + ": " + e.getMessage());
            return null;
        }
    }

    /** Reads and drops the rest of a multipart message; true if there was any. */
    private static boolean skipExtraFrames(ZMQ.Socket socket) {
        boolean extra = false;
        while (socket.hasReceiveMore()) {
            socket.recv(ZMQ.DONTWAIT);
            extra = true;
        }
        return extra;
    }

    /** A client of one of our bound endpoints. */
    private static final class Session {
        final String key;
        final ZMQ.Socket router;
        final byte[] id;
        boolean greeted;

        Session(String key, ZMQ.Socket router, byte[] id) {
            this.key = key;
            this.router = router;
            this.id = id;
        }
    }

    /** A gossip endpoint we connect to. */
    private static final class Remote {
        final String endpoint;
        final ZMQ.Socket dealer;
        long lastPingNs;
        boolean answered = true;

        Remote(String endpoint, ZMQ.Socket dealer) {
            this.endpoint = endpoint;
            this.dealer = dealer;
        }
    }
}
