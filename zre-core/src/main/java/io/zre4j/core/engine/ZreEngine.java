package io.zre4j.core.engine;

import io.zre4j.Counter;
import io.zre4j.Frames;
import io.zre4j.MessageType;
import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreEvent;
import io.zre4j.ZreProtocolException;
import io.zre4j.core.codec.ZreCodec;
import io.zre4j.core.codec.ZreMessage;
import io.zre4j.core.discovery.TcpEndpoints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ZRE v2 protocol state machine of one node; see the package documentation for its contract.
 *
 * <p>Behaviour follows Zyre 2.x, tolerating what real Zyre and Pyre peers do, with these deliberate
 * differences: a JOIN/LEAVE whose status counter disagrees is counted and resynchronised (Zyre asserts);
 * a send refused by the transport is counted and does not consume a sequence number (Zyre destroys the
 * link silently); quiet peers are probed with a PING at half the evasive timeout, so a quiet but healthy
 * peer never shows up as EVASIVE (Zyre pings only once the peer is already evasive).
 */
public final class ZreEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ZreEngine.class);

    private final PeerId self;
    private final String name;
    private final Map<String, String> headers;
    private final EngineOutput output;
    private final Counters counters;
    /** Quiet time after which we probe a peer whose uuid is above ours; see {@link #probeAfterNs(Peer)}. */
    private final long probeAfterNs;
    /** The same for a peer whose uuid is below ours: a little later, so its probe usually comes first. */
    private final long lateProbeAfterNs;
    /** How often we send to an impatient peer at least (see {@link #onPing}): 4/5 of the evasive timeout. */
    private final long warmAfterNs;
    /** Granularity of liveness checks: a twentieth of the evasive timeout, between 1 and 100 ms. */
    private final long timerTickNs;
    private final long evasiveAfterNs;
    /** The largest HELLO header frame accepted: a real one is a few KiB; a huge one is an attack on memory. */
    public static final int MAX_HELLO_BYTES = 1024 * 1024;
    /** The most groups, and the most headers, a HELLO may carry. */
    public static final int MAX_HELLO_ENTRIES = 10_000;
    /**
     * The most peers that may be waiting for their HELLO at once; beyond it new peers are refused until some
     * answer (a flood of fake beacons must not open a socket per fake uuid). A refused peer is tried again
     * at its next beacon.
     */
    public static final int MAX_PENDING_PEERS = 512;
    /** More restarts of one peer than this within {@link #RESTART_WINDOW_NS} is a loop (or a spoof), not restarts. */
    static final int MAX_RESTARTS_IN_WINDOW = 5;
    static final long RESTART_WINDOW_NS = 10_000_000_000L;

    /** How long a stopping node waits for its peers to confirm that they got what it sent them. */
    public static final long STOP_CONFIRM_TIMEOUT_NS = 2_000_000_000L;

    private final long silentAfterNs;
    private final long expiredAfterNs;
    private final boolean sendGoodbye;

    private final Map<PeerId, Peer> peers = new LinkedHashMap<>();
    private final Map<String, Peer> peersByEndpoint = new HashMap<>();
    private final Map<String, Set<Peer>> groupMembers = new LinkedHashMap<>();
    private final Set<String> ownGroups = new LinkedHashSet<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> Long.signum(a.deadlineNs - b.deadlineNs));

    private final Elections elections;
    private final BeaconLog beaconLog;
    private final LogBudget warnings = new LogBudget();
    private final LogBudget refusals = new LogBudget();
    private int status;
    private String endpoint;
    /**
     * The time of the latest input. Commands (join, contest...) carry no time of their own; what they
     * schedule counts from the last moment the engine was told.
     */
    private long lastNowNs;
    private boolean started;
    private boolean stopped;
    /**
     * Set by {@link #stop} and never cleared, so it also holds once {@link #stopped}: from then on commands are
     * refused; until {@code stopped}, links are still read.
     */
    private boolean stopping;
    /** While stopping: the peers that have not yet confirmed that they got everything we sent them. */
    private final Set<Peer> unconfirmed = new LinkedHashSet<>();
    /** Peers created and not yet ready (waiting for their HELLO). */
    private int pendingPeers;
    /** Recent restarts per peer: {window start, count}; pruned as it grows. */
    private final Map<PeerId, long[]> restarts = new HashMap<>();
    private final LogBudget refusedWarnings = new LogBudget();
    private long stopDeadlineNs;
    /** HELLO header with sequence 1, rebuilt only when our groups change: a 1000-node start sends it 999 times. */
    private byte[] helloHeader;

    /**
     * Creates an engine.
     *
     * @param config      the node's configuration (name, headers, timeouts; groups are joined at once)
     * @param self        the node's identity
     * @param output      where effects go
     * @param counters    where counts go
     * @param sendGoodbye whether to send GOODBYE to every peer on stop: needed when discovery cannot tell
     *                    peers we leave (no UDP beacons), as Zyre does in gossip mode
     */
    public ZreEngine(ZreConfig config, PeerId self, EngineOutput output, Counters counters, boolean sendGoodbye) {
        this(config, self, output, counters, sendGoodbye, peer -> Long.MIN_VALUE);
    }

    /**
     * Creates an engine whose driver keeps routine beacons to itself and only reports when they came.
     *
     * @param config      the node's configuration (name, headers, timeouts; groups are joined at once)
     * @param self        the node's identity
     * @param output      where effects go
     * @param counters    where counts go
     * @param sendGoodbye whether to send GOODBYE to every peer on stop (see the other constructor)
     * @param beaconLog   when each peer's latest beacon arrived, for beacons not passed to {@link #handleBeacon}
     */
    public ZreEngine(ZreConfig config, PeerId self, EngineOutput output, Counters counters, boolean sendGoodbye,
            BeaconLog beaconLog) {
        this.self = Objects.requireNonNull(self, "self");
        this.name = config.effectiveName(self);
        this.headers = config.headers();
        this.output = Objects.requireNonNull(output, "output");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.evasiveAfterNs = config.evasiveTimeout().toNanos();
        this.probeAfterNs = evasiveAfterNs / 2;
        this.lateProbeAfterNs = evasiveAfterNs * 5 / 8;
        this.warmAfterNs = evasiveAfterNs * 4 / 5;
        this.timerTickNs = Math.max(1_000_000L, Math.min(100_000_000L, evasiveAfterNs / 20));
        this.silentAfterNs = config.silentTimeout().toNanos();
        this.expiredAfterNs = config.expiredTimeout().toNanos();
        this.sendGoodbye = sendGoodbye;
        this.beaconLog = Objects.requireNonNull(beaconLog, "beaconLog");
        this.elections = new Elections(new ElectionHost(), self, name);
        config.groups().forEach(this::join);
    }

    // ---------------------------------------------------------------- getters

    /** This node's identity. */
    public PeerId self() {
        return self;
    }

    /** This node's name. */
    public String name() {
        return name;
    }

    /** The endpoint announced in HELLO; null before {@link #start}. */
    public String endpoint() {
        return endpoint;
    }

    /** Whether {@link #start} was called and {@link #stop} was not. */
    public boolean isRunning() {
        return started && !stopped;
    }

    /** Our group-change counter. */
    public int status() {
        return status;
    }

    /** The groups this node is in. */
    public Set<String> ownGroups() {
        return Collections.unmodifiableSet(ownGroups);
    }

    /** The peers that have entered (said HELLO) and not exited. */
    public Set<PeerId> peers() {
        Set<PeerId> ready = new LinkedHashSet<>();
        for (Peer peer : peers.values()) {
            if (peer.ready) {
                ready.add(peer.id);
            }
        }
        return ready;
    }

    /** Number of peers known, entered or not (for tests and the monitor). */
    public int knownPeerCount() {
        return peers.size();
    }

    /** The entered peers in a group. */
    public Set<PeerId> peersByGroup(String group) {
        Set<Peer> members = groupMembers.get(group);
        Set<PeerId> ids = new LinkedHashSet<>();
        if (members != null) {
            members.forEach(peer -> ids.add(peer.id));
        }
        return ids;
    }

    /** The groups of one entered peer; empty if unknown. */
    public Set<String> peerGroups(PeerId peer) {
        Peer known = peers.get(peer);
        return known == null || !known.ready ? Set.of() : Set.copyOf(known.groups);
    }

    /** The endpoint an entered peer announced. */
    public Optional<String> peerAddress(PeerId peer) {
        Peer known = peers.get(peer);
        return known == null || !known.ready ? Optional.empty() : Optional.of(known.announcedEndpoint);
    }

    /** A header of an entered peer. */
    public Optional<String> peerHeader(PeerId peer, String key) {
        Peer known = peers.get(peer);
        return known == null || !known.ready ? Optional.empty() : Optional.ofNullable(known.headers.get(key));
    }

    // ---------------------------------------------------------------- commands

    /**
     * Starts the node: from now on it answers beacons and messages.
     *
     * @param nowNs    the current time
     * @param endpoint our inbox endpoint, announced in HELLO
     */
    public void start(long nowNs, String endpoint) {
        if (started) {
            throw new IllegalStateException("engine already started");
        }
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.started = true;
        helloHeader = null;
        lastNowNs = nowNs;
        ownGroups.forEach(group -> elections.ownJoin(nowNs, group));
    }

    /**
     * Joins a group and tells every peer (JOIN). Before start, the group travels in HELLO instead.
     *
     * @param group the group
     */
    public void join(String group) {
        join(lastNowNs, group);
    }

    /**
     * Joins a group at a given time (which an election this may start counts from).
     *
     * @param nowNs the current time
     * @param group the group
     */
    public void join(long nowNs, String group) {
        lastNowNs = nowNs;
        if (stopping || !ownGroups.add(group)) {
            return;
        }
        status = (status + 1) & 0xFF;
        helloHeader = null;
        broadcast(new ZreMessage.Join(0, group, status));
        if (started) {
            elections.ownJoin(nowNs, group);
        }
    }

    /**
     * Leaves a group and tells every peer (LEAVE).
     *
     * @param group the group
     */
    public void leave(String group) {
        if (stopping || !ownGroups.remove(group)) {
            return;
        }
        status = (status + 1) & 0xFF;
        helloHeader = null;
        broadcast(new ZreMessage.Leave(0, group, status));
        elections.ownLeave(group);
    }

    /**
     * Takes part in the leader election of a group, like {@code zyre_set_contest_in_group}; see
     * {@link Elections}. If this node is in the group, an election starts now (alone, it leads at once).
     *
     * @param group the group
     */
    public void contest(String group) {
        contest(lastNowNs, group);
    }

    /**
     * Contests a group at a given time (which the election's start counts from).
     *
     * @param nowNs the current time
     * @param group the group
     */
    public void contest(long nowNs, String group) {
        lastNowNs = nowNs;
        if (!stopping) {
            elections.contest(nowNs, group);
        }
    }

    /**
     * Sends content to every entered peer in a group.
     *
     * @param group   the group
     * @param content the frames
     * @return the number of peers the message was handed to
     */
    public int shout(String group, Frames content) {
        Set<Peer> members = groupMembers.get(group);
        if (stopping || members == null || members.isEmpty()) {
            return 0;
        }
        byte[] header = ZreCodec.encodeHeader(new ZreMessage.Shout(0, group, content));
        int sent = 0;
        for (Peer peer : members) {
            if (sendEncoded(peer, MessageType.SHOUT, header, content)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Sends content to one peer.
     *
     * @param peer    the peer
     * @param content the frames
     * @return false if the peer is unknown (counted) or the transport refused the message (counted)
     */
    public boolean whisper(PeerId peer, Frames content) {
        Peer known = peers.get(peer);
        if (stopping || known == null || !known.ready) {
            counters.increment(Counter.WHISPERS_TO_UNKNOWN_PEER);
            LOG.debug("({}) whisper to unknown peer {} dropped", name, peer);
            return false;
        }
        return send(known, new ZreMessage.Whisper(0, content));
    }

    /**
     * Stops politely. First every peer we sent something to confirms that it got all of it: we PING it and
     * wait for its PING-OK, which comes back over the same ordered link after everything sent before it, for
     * at most {@link #STOP_CONFIRM_TIMEOUT_NS}. Only then do we tell discovery that we leave
     * ({@link EngineOutput#departing()}: the leave beacon, which could otherwise overtake the messages still
     * on their way and make peers drop them), say GOODBYE when discovery cannot, close every link, forget
     * every peer and deliver STOP. Commands are refused from now on; links are still read until the end.
     *
     * @param nowNs the current time
     */
    public void stop(long nowNs) {
        lastNowNs = nowNs;
        if (stopping) {
            return;
        }
        stopping = true;
        for (Peer peer : peers.values()) {
            if (peer.ready && !peer.hasConfirmedAll()) {
                unconfirmed.add(peer);
                if (!peer.confirmationRequested()) {
                    ping(peer);
                }
            }
        }
        if (unconfirmed.isEmpty()) {
            finishStop();
        } else {
            stopDeadlineNs = nowNs + STOP_CONFIRM_TIMEOUT_NS;
            LOG.debug("({}) stopping: waiting for {} peers to confirm what we sent them", name, unconfirmed.size());
        }
    }

    /**
     * Whether {@link #stop} has finished (STOP delivered).
     *
     * @return true once stopped
     */
    public boolean hasStopped() {
        return stopped;
    }

    /** Whether a polite stop is under way, waiting for peers to confirm what they were sent. */
    private boolean awaitingConfirmations() {
        return stopping && !stopped;
    }

    private void confirmed(Peer peer) {
        if (awaitingConfirmations() && unconfirmed.remove(peer) && unconfirmed.isEmpty()) {
            finishStop();
        }
    }

    private void finishStop() {
        stopped = true;
        if (!unconfirmed.isEmpty()) {
            LOG.warn("({}) stopping: {} did not confirm within {} ms that they got everything sent to them; "
                    + "messages still on the way to them may be lost", name, unconfirmed,
                    STOP_CONFIRM_TIMEOUT_NS / 1_000_000);
            unconfirmed.clear();
        }
        output.departing();
        for (Peer peer : List.copyOf(peers.values())) {
            if (sendGoodbye && started) {
                send(peer, new ZreMessage.Goodbye(0));
            }
            forget(peer);
        }
        timers.clear();
        output.event(new ZreEvent.Stop(self, name));
    }

    // ---------------------------------------------------------------- inputs

    /**
     * Discovery heard a peer announce itself.
     *
     * @param nowNs    the current time
     * @param peerId   the peer
     * @param endpoint its inbox endpoint
     */
    public void handleBeacon(long nowNs, PeerId peerId, String endpoint) {
        counters.increment(Counter.BEACONS_RECEIVED);
        handleAnnouncement(nowNs, peerId, endpoint, true);
    }

    /**
     * Discovery was told of a peer by a third party (a static list, a gossip network): connect to it if it
     * is new or has moved, but take this as no sign that the peer is alive.
     *
     * @param nowNs    the current time
     * @param peerId   the peer
     * @param endpoint its inbox endpoint
     */
    public void handleListing(long nowNs, PeerId peerId, String endpoint) {
        handleAnnouncement(nowNs, peerId, endpoint, false);
    }

    private void handleAnnouncement(long nowNs, PeerId peerId, String endpoint, boolean signOfLife) {
        lastNowNs = nowNs;
        if (!isRunning() || stopping || peerId.equals(self)) {
            return;
        }
        Peer known = peers.get(peerId);
        if (known != null && known.endpoint.equals(endpoint)) {
            if (signOfLife) {
                beaconFrom(nowNs, known); // the common case: a known peer's routine beacon
            }
            return;
        }
        if (known != null && known.port != Peer.portOf(endpoint)) {
            if (known.ready && nowNs - known.lastHeardNs < probeAfterNs) {
                // Its link still speaks from the old port: a beacon saying otherwise is a spoof (or a stale
                // datagram); it would make the peer EXIT and ENTER for every such beacon.
                counters.increment(Counter.ANNOUNCEMENTS_REFUSED);
                output.refused(peerId);
                warnRefused(nowNs, "a beacon says {} moved to {}, but its link at {} is alive: refused", known,
                        endpoint, known.endpoint);
                return;
            }
            // Same uuid, new port: the peer restarted with a fixed uuid. Another address with the same port
            // is just another route to the same node (multi-homed hosts) and must not make it flap.
            LOG.info("({}) peer {} moved from {} to {}", name, known, known.endpoint, endpoint);
            remove(known, true);
            known = null;
        }
        if (known == null && requirePeer(nowNs, peerId, endpoint, true) == null) {
            counters.increment(Counter.ANNOUNCEMENTS_REFUSED);
            output.refused(peerId);
        }
    }

    /**
     * Discovery heard a peer say it leaves (port-0 beacon).
     *
     * @param nowNs  the current time
     * @param peerId the peer
     */
    public void handlePeerLeaving(long nowNs, PeerId peerId) {
        lastNowNs = nowNs;
        Peer known = peers.get(peerId);
        if (isRunning() && known != null) {
            LOG.debug("({}) peer {} says it leaves", name, known);
            remove(known, true);
        }
    }

    /**
     * A message arrived from a peer's link.
     *
     * @param nowNs  the current time
     * @param sender the sender, from its link identity
     * @param frames the message's frames
     */
    public void handleMessage(long nowNs, PeerId sender, List<byte[]> frames) {
        lastNowNs = nowNs;
        if (!isRunning()) {
            return;
        }
        if (isOversizedHello(frames)) {
            refuseHello(nowNs, sender, "its " + frames.get(0).length + "-byte HELLO is larger than "
                    + MAX_HELLO_BYTES + " bytes");
            return;
        }
        ZreMessage message;
        try {
            message = ZreCodec.decode(frames);
        } catch (ZreProtocolException e) {
            counters.increment(Counter.MESSAGES_MALFORMED);
            counters.malformed(e.reason());
            if (warnings.allow(nowNs)) {
                LOG.warn("({}) malformed message from {} dropped: {} (and {} more since the last warning; see statistics)",
                        name, sender, e.getMessage(), warnings.takeSuppressed());
            } else {
                LOG.debug("({}) malformed message from {} dropped: {}", name, sender, e.getMessage());
            }
            return;
        }
        counters.received(message.type());
        if (sender.equals(self)) {
            LOG.warn("({}) message from a node with our own uuid {} dropped: is the uuid configured twice?", name, self);
            return;
        }
        Peer peer = peers.get(sender);
        if (message instanceof ZreMessage.Hello hello) {
            peer = acceptHello(nowNs, sender, peer, hello);
            if (peer == null) {
                return;
            }
        } else if (peer == null || !peer.ready) {
            // A stale link from a previous life of the peer or of ours. Drop the message but keep a pending
            // peer: its HELLO is on the way, and forgetting it would make us greet it again, which it would
            // take for a restart of ours, and so on, back and forth (Zyre ignores such messages too).
            counters.increment(Counter.MESSAGES_BEFORE_HELLO);
            if (message.type() != MessageType.PING && message.type() != MessageType.PING_OK
                    && warnings.allow(nowNs)) {
                LOG.warn("({}) {} from {} dropped: it came on a link that has not said HELLO (a peer we have "
                        + "dropped, or one whose HELLO is late); counted as MESSAGES_BEFORE_HELLO ({} more since the "
                        + "last warning)", name, message.type().wireName(), sender, warnings.takeSuppressed());
            } else {
                LOG.debug("({}) {} from {} before its HELLO dropped", name, message.type().wireName(), sender);
            }
            return;
        }
        boolean inSequence = message.type() == MessageType.HELLO
                ? message.sequence() == 1
                : peer.isNextReceived(message.sequence());
        if (!inSequence) {
            counters.increment(Counter.SEQUENCE_GAPS);
            LOG.warn("({}) messages lost from {}: got sequence {} after {}; dropping the peer until it is rediscovered",
                    name, peer, message.sequence(), peer.receivedSequence);
            remove(peer, true);
            return;
        }
        peer.receivedSequence = message.sequence();
        heardFrom(nowNs, peer);
        dispatch(peer, message);
    }

    /**
     * Fires the timers that are due: probes, EVASIVE, SILENT and expiry of quiet peers. Calling it early
     * is harmless.
     *
     * @param nowNs the current time
     */
    public void handleTimeout(long nowNs) {
        lastNowNs = nowNs;
        if (awaitingConfirmations() && nowNs - stopDeadlineNs >= 0) {
            finishStop();
            return;
        }
        elections.onTimeout(nowNs);
        Timer timer;
        while ((timer = timers.peek()) != null && timer.deadlineNs - nowNs <= 0) {
            timers.poll();
            Peer peer = timer.peer;
            if (peer.removed || !peer.timerArmed || peer.timerDeadlineNs != timer.deadlineNs) {
                continue; // superseded by an earlier deadline, or the peer is gone
            }
            peer.timerArmed = false;
            checkLiveness(nowNs, peer);
        }
    }

    /**
     * When {@link #handleTimeout} should next be called.
     *
     * @return a time on the caller's clock, or {@link Long#MAX_VALUE} when nothing is pending
     */
    public long deadlineNs() {
        Timer next = timers.peek();
        long peers = next == null ? Long.MAX_VALUE : next.deadlineNs;
        long election = elections.deadlineNs();
        long earliest = peers == Long.MAX_VALUE ? election
                : election == Long.MAX_VALUE || peers - election <= 0 ? peers : election;
        if (awaitingConfirmations() && (earliest == Long.MAX_VALUE || stopDeadlineNs - earliest < 0)) {
            return stopDeadlineNs;
        }
        return earliest;
    }

    // ---------------------------------------------------------------- peer lifecycle

    private Peer acceptHello(long nowNs, PeerId sender, Peer peer, ZreMessage.Hello hello) {
        if (!TcpEndpoints.isValid(hello.endpoint())) {
            refuseHello(nowNs, sender, "its HELLO announces \"" + abbreviate(hello.endpoint())
                    + "\", which is not tcp://host:port");
            return null;
        }
        if (hello.groups().size() > MAX_HELLO_ENTRIES || hello.headers().size() > MAX_HELLO_ENTRIES) {
            refuseHello(nowNs, sender, "its HELLO carries " + hello.groups().size() + " groups and "
                    + hello.headers().size() + " headers (at most " + MAX_HELLO_ENTRIES + " of each)");
            return null;
        }
        if (peer != null && peer.ready) {
            if (isRestartLoop(nowNs, sender)) {
                // Greeted again and again: both ends taking each other's HELLO for a restart (a spoof can
                // start that), or a peer gone mad. Take the HELLO as a greeting on its new link, without the
                // EXIT, ENTER and HELLO back that would keep the loop going.
                counters.increment(Counter.RESTART_LOOPS_BROKEN);
                warnRefused(nowNs, "peer {} said HELLO more than {} times in {} s; taken as a greeting, not a restart",
                        peer, MAX_RESTARTS_IN_WINDOW, RESTART_WINDOW_NS / 1_000_000_000L);
                return peer;
            }
            // A HELLO on a link that already said HELLO: the peer restarted (same uuid). Zyre does the same.
            counters.increment(Counter.PEERS_RESTARTED);
            LOG.info("({}) peer {} restarted", name, peer);
            remove(peer, true);
            peer = null;
        } else if (peer != null && hello.endpoint().equals(endpoint)) {
            return null; // our own HELLO reflected back to us; Zyre ignores it too
        }
        if (peer == null) {
            // A peer we have not heard a beacon from: connect back to the endpoint it announced.
            peer = requirePeer(nowNs, sender, hello.endpoint(), false);
            if (peer == null) {
                refuseHello(nowNs, sender, "no link could be opened to " + hello.endpoint());
                return null;
            }
        }
        if (!peer.ready) {
            pendingPeers--;
        }
        peer.ready = true;
        return peer;
    }

    /**
     * Opens a link to a new peer and greets it.
     *
     * @param announced true when discovery announced the peer (a beacon, a list: cheap to forge, so the
     *                  checks below apply); false when the peer greeted us over TCP with a valid HELLO (it has
     *                  shown it is there: a node that restarted with a new uuid on its old port must not wait
     *                  for its old self to expire, nor a real node behind a flood of fake beacons)
     * @return the peer, or null if refused: an announced endpoint belongs to a live peer (another uuid
     *         claiming it is a spoof or a misconfiguration), too many announced peers are waiting for their
     *         HELLO, or the transport could not open the link
     */
    private Peer requirePeer(long nowNs, PeerId peerId, String peerEndpoint, boolean announced) {
        Peer previous = peersByEndpoint.get(peerEndpoint);
        if (previous != null) {
            // Alive: heard from within half the evasive timeout (it beacons every interval).
            if (announced && previous.ready && lastSignOfLifeNs(previous) - (nowNs - probeAfterNs) > 0) {
                warnRefused(nowNs, "uuid {} claims {}, the endpoint of {}, which is alive: refused (a spoofed "
                        + "beacon or HELLO, or two nodes configured with one endpoint)", peerId, peerEndpoint, previous);
                return null;
            }
            // A new uuid on an endpoint an old peer had: the old one is gone (restarted with a new uuid).
            LOG.info("({}) peer {} replaced by {} at {}", name, previous, peerId, peerEndpoint);
            remove(previous, true);
        }
        if (announced && pendingPeers >= MAX_PENDING_PEERS) {
            warnRefused(nowNs, "{} peers are waiting for their HELLO; {} at {} refused for now (a flood of fake "
                    + "beacons?)", MAX_PENDING_PEERS, peerId, peerEndpoint);
            return null;
        }
        try {
            output.connect(peerId, peerEndpoint);
        } catch (RuntimeException e) {
            counters.increment(Counter.CONNECTS_FAILED);
            warnRefused(nowNs, "no link to {} at {} could be opened: {}", peerId, peerEndpoint, e.toString());
            return null;
        }
        Peer peer = new Peer(peerId, peerEndpoint, nowNs);
        peers.put(peerId, peer);
        peersByEndpoint.put(peerEndpoint, peer);
        pendingPeers++;
        sendHello(peer);
        schedule(peer, nowNs + probeAfterNs(peer));
        return peer;
    }

    /**
     * When the peer last gave a sign of life: a message over its link or a beacon. Brings its beacon time up
     * to date from the beacon log first (routine beacons are logged there without a trip to the engine).
     */
    private long lastSignOfLifeNs(Peer peer) {
        long logged = beaconLog.lastBeaconNs(peer.id);
        if (logged != Long.MIN_VALUE && logged - peer.lastBeaconNs > 0) {
            peer.lastBeaconNs = logged;
        }
        return peer.lastBeaconNs - peer.lastHeardNs > 0 ? peer.lastBeaconNs : peer.lastHeardNs;
    }

    private boolean isRestartLoop(long nowNs, PeerId peer) {
        if (restarts.size() > MAX_PENDING_PEERS) {
            restarts.values().removeIf(window -> nowNs - window[0] > RESTART_WINDOW_NS);
        }
        long[] window = restarts.computeIfAbsent(peer, id -> new long[] {nowNs, 0});
        if (nowNs - window[0] > RESTART_WINDOW_NS) {
            window[0] = nowNs;
            window[1] = 0;
        }
        return ++window[1] > MAX_RESTARTS_IN_WINDOW;
    }

    private static boolean isOversizedHello(List<byte[]> frames) {
        if (frames.isEmpty()) {
            return false;
        }
        byte[] header = frames.get(0);
        return header.length > MAX_HELLO_BYTES && header.length > 2 && header[2] == MessageType.HELLO.id();
    }

    private void refuseHello(long nowNs, PeerId sender, String why) {
        counters.increment(Counter.HELLOS_REFUSED);
        warnRefused(nowNs, "HELLO from {} refused: {}", sender, why);
    }

    private void warnRefused(long nowNs, String format, Object... args) {
        if (refusedWarnings.allow(nowNs)) {
            LOG.warn("(" + name + ") " + format + " (see statistics for how many)", args);
        } else {
            LOG.debug("(" + name + ") " + format, args);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** Forgets a peer: EXIT if the application knew it, links closed, groups cleaned. */
    private void remove(Peer peer, boolean announce) {
        boolean wasReady = peer.ready;
        List<String> groups = List.copyOf(peer.groups);
        forget(peer);
        if (wasReady) {
            counters.increment(Counter.PEERS_EXITED);
            if (announce) {
                output.event(new ZreEvent.Exit(peer.id, peer.name));
            }
            groups.forEach(group -> elections.memberLeft(lastNowNs, group, peer));
        }
        confirmed(peer); // a peer that is gone confirms nothing more: stop waiting for it
    }

    private void forget(Peer peer) {
        if (!peer.ready) {
            pendingPeers--;
        }
        peer.removed = true;
        peers.remove(peer.id);
        if (peer.ready) {
            output.forgotten(peer.id, peer.pulse);
        }
        peersByEndpoint.remove(peer.endpoint, peer);
        for (String group : peer.groups) {
            removeMember(group, peer);
        }
        output.disconnect(peer.id);
    }

    // ---------------------------------------------------------------- messages

    private void dispatch(Peer peer, ZreMessage message) {
        switch (message.type()) {
            case HELLO -> onHello(peer, (ZreMessage.Hello) message);
            case WHISPER -> output.event(new ZreEvent.Whisper(peer.id, peer.name, ((ZreMessage.Whisper) message).content()));
            case SHOUT -> onShout(peer, (ZreMessage.Shout) message);
            case JOIN -> {
                ZreMessage.Join join = (ZreMessage.Join) message;
                onGroupChange(peer, join.group(), join.status(), true);
            }
            case LEAVE -> {
                ZreMessage.Leave leave = (ZreMessage.Leave) message;
                onGroupChange(peer, leave.group(), leave.status(), false);
            }
            case PING -> onPing(peer);
            case PING_OK -> {
                // Liveness was refreshed when the message arrived; this also confirms what we sent before.
                peer.pingOkReceived();
                if (peer.hasConfirmedAll()) {
                    confirmed(peer);
                }
            }
            case ELECT -> elections.onElect(peer, (ZreMessage.Elect) message);
            case LEADER -> elections.onLeader(peer, (ZreMessage.Leader) message);
            case GOODBYE -> remove(peer, true);
        }
    }

    private void onHello(Peer peer, ZreMessage.Hello hello) {
        peer.name = hello.name();
        peer.headers = hello.headers();
        peer.announcedEndpoint = hello.endpoint();
        counters.increment(Counter.PEERS_ENTERED);
        output.entered(peer.id, peer.pulse);
        output.event(new ZreEvent.Enter(peer.id, peer.name, peer.headers, peer.announcedEndpoint));
        for (String group : hello.groups()) {
            joinPeer(peer, group);
        }
        peer.status = hello.status();
    }

    private void onShout(Peer peer, ZreMessage.Shout shout) {
        if (ownGroups.contains(shout.group())) {
            output.event(new ZreEvent.Shout(peer.id, peer.name, shout.group(), shout.content()));
        } else {
            counters.increment(Counter.SHOUTS_NOT_MEMBER);
        }
    }

    private void onGroupChange(Peer peer, String group, int newStatus, boolean joined) {
        int expected = (peer.status + 1) & 0xFF;
        if (newStatus != expected) {
            // Zyre asserts here and crashes; a lost JOIN/LEAVE cannot be recovered, so take the peer's word.
            counters.increment(Counter.STATUS_MISMATCHES);
            LOG.warn("({}) group status of {} is {}, expected {}; resynchronised", name, peer, newStatus, expected);
        }
        peer.status = newStatus;
        if (joined) {
            joinPeer(peer, group);
        } else if (peer.groups.remove(group)) {
            removeMember(group, peer);
            output.event(new ZreEvent.Leave(peer.id, peer.name, group));
            elections.memberLeft(lastNowNs, group, peer);
        }
    }

    private void joinPeer(Peer peer, String group) {
        if (peer.groups.add(group)) {
            groupMembers.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(peer);
            output.event(new ZreEvent.Join(peer.id, peer.name, group));
            elections.memberJoined(lastNowNs, group);
        }
    }

    private void removeMember(String group, Peer peer) {
        Set<Peer> members = groupMembers.get(group);
        if (members != null && members.remove(peer) && members.isEmpty()) {
            groupMembers.remove(group);
        }
    }

    // ---------------------------------------------------------------- liveness
    //
    // A peer is alive while we hear from it: any message over TCP, or its beacons. Quiet on both for half the
    // evasive timeout: probe it (PING); quiet for the evasive timeout: EVASIVE and PING again; until the silent
    // timeout: SILENT. Independently, the link itself must carry traffic: with no TCP message for half the
    // expired timeout we PING even though beacons arrive, and with none for the expired timeout the peer is
    // gone (EXIT), beacons or not, as in Zyre. So a quiet, healthy peer costs one PING and PING-OK per link
    // every ~15 s, and is never reported EVASIVE.

    private void heardFrom(long nowNs, Peer peer) {
        Peer.Liveness before = peer.liveness();
        peer.lastHeardNs = nowNs;
        peer.pulse.heard(nowNs);
        peer.keepAliveSent = false;
        peer.liveness(Peer.Liveness.ALIVE);
        if (before.compareTo(Peer.Liveness.EVASIVE) >= 0) {
            // Its pending check is far off (silent or expiry time): bring the next one forward.
            schedule(peer, nowNs + probeAfterNs(peer));
        }
    }

    private void beaconFrom(long nowNs, Peer peer) {
        peer.lastBeaconNs = nowNs;
        if (peer.liveness() != Peer.Liveness.ALIVE) {
            peer.liveness(Peer.Liveness.ALIVE);
            schedule(peer, nowNs + probeAfterNs(peer));
        }
    }

    private void checkLiveness(long nowNs, Peer peer) {
        long quietLinkNs = nowNs - peer.lastHeardNs;
        if (quietLinkNs >= expiredAfterNs) {
            if (peer.ready) {
                counters.increment(Counter.PEERS_EXPIRED);
                LOG.info("({}) peer {} expired after {} ms without a message", name, peer, quietLinkNs / 1_000_000);
            }
            remove(peer, true);
            return;
        }
        if (!peer.ready) {
            // Not entered yet: only expiry applies, but look again soon so that a HELLO arriving meanwhile
            // gets its first probe in time.
            schedule(peer, Math.min(peer.lastHeardNs + expiredAfterNs, nowNs + probeAfterNs(peer)));
            return;
        }
        long lastAnyNs = lastSignOfLifeNs(peer);
        if (nowNs - lastAnyNs < probeAfterNs(peer)) {
            peer.liveness(Peer.Liveness.ALIVE); // heard again (a beacon): back at the bottom of the ladder
        }
        advanceLiveness(peer, nowNs - lastAnyNs);
        if (peer.liveness() == Peer.Liveness.ALIVE && !peer.keepAliveSent && quietLinkNs >= keepAliveAfterNs(peer)) {
            peer.keepAliveSent = true;
            ping(peer);
        }
        if (peer.impatient && nowNs - peer.lastSentNs >= warmAfterNs) {
            ping(peer); // keeps us from looking evasive to a peer that does not count our beacons (Zyre)
        }
        long nextByQuiet = lastAnyNs + nextThreshold(peer);
        long nextByLink = peer.lastHeardNs
                + (peer.liveness() == Peer.Liveness.ALIVE && !peer.keepAliveSent ? keepAliveAfterNs(peer) : expiredAfterNs);
        long next = nextByQuiet - nextByLink < 0 ? nextByQuiet : nextByLink;
        if (peer.impatient && peer.lastSentNs + warmAfterNs - next < 0) {
            next = peer.lastSentNs + warmAfterNs;
        }
        schedule(peer, next);
    }

    /**
     * Answers a PING. A peer that pings us while we still send it more often than our own link checks
     * would does not count our beacons as a sign of life (Zyre reports such a peer EVASIVE after 5 s): from
     * then on we keep its link warm, so that we never look evasive to it.
     */
    private void onPing(Peer peer) {
        // A zre4j peer checks a beacon-kept link after half the expiry at the earliest; sooner means impatience.
        if (!peer.impatient && lastNowNs - peer.lastSentNs < expiredAfterNs / 2) {
            peer.impatient = true;
            schedule(peer, lastNowNs + warmAfterNs);
        }
        send(peer, new ZreMessage.PingOk(0));
    }

    /** Climbs the quiet-peer ladder; a late check climbs several rungs at once, in order. */
    private void advanceLiveness(Peer peer, long quietNs) {
        if (quietNs >= evasiveAfterNs && peer.liveness().compareTo(Peer.Liveness.EVASIVE) < 0) {
            peer.liveness(Peer.Liveness.EVASIVE);
            counters.increment(Counter.EVASIVE_EVENTS);
            ping(peer);
            output.event(new ZreEvent.Evasive(peer.id, peer.name));
        } else if (quietNs >= probeAfterNs(peer) && peer.liveness() == Peer.Liveness.ALIVE) {
            peer.liveness(Peer.Liveness.PROBED);
            ping(peer);
        }
        if (quietNs >= silentAfterNs && peer.liveness() == Peer.Liveness.EVASIVE) {
            peer.liveness(Peer.Liveness.SILENT);
            counters.increment(Counter.SILENT_EVENTS);
            output.event(new ZreEvent.Silent(peer.id, peer.name));
        }
    }

    /**
     * When to probe a quiet peer. Both ends of a quiet link would otherwise probe each other at the same
     * moment; the end with the lower uuid probes first, and its PING refreshes the other end, which then
     * has no need to probe: one PING and one PING-OK per quiet link and period instead of two of each.
     */
    private long probeAfterNs(Peer peer) {
        return self.compareTo(peer.id) < 0 ? probeAfterNs : lateProbeAfterNs;
    }

    /** When to check a link that only beacons keep alive; staggered like the probes. */
    private long keepAliveAfterNs(Peer peer) {
        return self.compareTo(peer.id) < 0 ? expiredAfterNs / 2 : expiredAfterNs * 5 / 8;
    }

    /** How long after it was last heard (either way) the peer must be looked at next. */
    private long nextThreshold(Peer peer) {
        return switch (peer.liveness()) {
            case ALIVE -> probeAfterNs(peer);
            case PROBED -> evasiveAfterNs;
            case EVASIVE -> silentAfterNs;
            case SILENT -> expiredAfterNs;
        };
    }

    private void ping(Peer peer) {
        counters.increment(Counter.PINGS_SENT);
        send(peer, new ZreMessage.Ping(0));
    }

    /**
     * Arms the peer's timer for {@code deadlineNs} unless it is armed for an earlier time. The queue may
     * then hold an older entry for the peer; entries that no longer match the peer's deadline are skipped.
     */
    private void schedule(Peer peer, long exactDeadlineNs) {
        // Deadlines snap to a coarse grid so that the checks of many peers fall due together: a node with 999
        // peers then wakes a few times a second, not thousands of times.
        long late = Math.floorMod(exactDeadlineNs, timerTickNs);
        long deadlineNs = late == 0 ? exactDeadlineNs : exactDeadlineNs + (timerTickNs - late);
        if (peer.timerArmed && peer.timerDeadlineNs - deadlineNs <= 0) {
            return;
        }
        peer.timerArmed = true;
        peer.timerDeadlineNs = deadlineNs;
        timers.add(new Timer(deadlineNs, peer));
    }

    private record Timer(long deadlineNs, Peer peer) {
    }

    // ---------------------------------------------------------------- elections

    /** The engine as the elections see it. */
    private final class ElectionHost implements Elections.Host {
        @Override
        public Collection<Peer> members(String group) {
            Set<Peer> members = groupMembers.get(group);
            return members == null ? List.of() : members;
        }

        @Override
        public void send(Peer peer, ZreMessage message) {
            ZreEngine.this.send(peer, message);
        }

        @Override
        public void leader(String group, PeerId leader, String leaderName) {
            output.event(new ZreEvent.Leader(leader, leaderName, group));
        }

        @Override
        public boolean isMember(String group) {
            return ownGroups.contains(group);
        }

        @Override
        public Peer peer(PeerId id) {
            Peer peer = peers.get(id);
            return peer != null && peer.ready ? peer : null;
        }
    }

    // ---------------------------------------------------------------- sending

    private void sendHello(Peer peer) {
        if (helloHeader == null) {
            helloHeader = ZreCodec.encodeHeader(new ZreMessage.Hello(1, endpoint, new ArrayList<>(ownGroups), status,
                    name, headers));
        }
        sendEncoded(peer, MessageType.HELLO, helloHeader, Frames.empty());
    }

    /** Sends a JOIN or LEAVE to every known peer, entered or not (they will expect it after our HELLO). */
    private void broadcast(ZreMessage message) {
        if (!isRunning() || peers.isEmpty()) {
            return;
        }
        byte[] header = ZreCodec.encodeHeader(message);
        for (Peer peer : peers.values()) {
            sendEncoded(peer, message.type(), header, Frames.empty());
        }
    }

    private boolean send(Peer peer, ZreMessage message) {
        Frames content = message instanceof ZreMessage.Whisper whisper ? whisper.content() : Frames.empty();
        return sendEncoded(peer, message.type(), ZreCodec.encodeHeader(message), content);
    }

    /** Sends a header (its sequence patched for this link) and content; rolls the sequence back if refused. */
    private boolean sendEncoded(Peer peer, MessageType type, byte[] header, Frames content) {
        byte[] sequenced = ZreCodec.withSequence(header, peer.nextSentSequence());
        List<byte[]> frames;
        if (content.isEmpty()) {
            frames = Collections.singletonList(sequenced);
        } else {
            byte[][] all = new byte[content.size() + 1][];
            all[0] = sequenced;
            for (int i = 0; i < content.size(); i++) {
                all[i + 1] = content.frame(i);
            }
            frames = Arrays.asList(all);
        }
        if (!output.send(peer.id, frames)) {
            peer.unsend();
            counters.increment(Counter.SENDS_REFUSED);
            if (refusals.allow(lastNowNs)) {
                LOG.warn("({}) {} to {} dropped: the transport refused it (the link holds sendHighWaterMark messages,"
                        + " or is gone); counted as SENDS_REFUSED ({} more since the last warning)", name,
                        type.wireName(), peer, refusals.takeSuppressed());
            } else {
                LOG.debug("({}) {} to {} refused by the transport", name, type.wireName(), peer);
            }
            return false;
        }
        counters.sent(type);
        peer.lastSentNs = lastNowNs;
        peer.sent(type);
        return true;
    }
}
