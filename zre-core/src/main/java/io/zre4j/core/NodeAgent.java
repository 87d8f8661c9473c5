package io.zre4j.core;

import io.zre4j.Counter;
import io.zre4j.PeerId;
import io.zre4j.PeerLiveness;
import io.zre4j.ZreConfig;
import io.zre4j.ZreEvent;
import io.zre4j.ZreProtocolException;
import io.zre4j.core.engine.Counters;
import io.zre4j.core.engine.EngineOutput;
import io.zre4j.core.engine.LogBudget;
import io.zre4j.core.engine.PeerPulse;
import io.zre4j.core.engine.ZreEngine;
import io.zre4j.spi.Agent;
import io.zre4j.spi.Clock;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryListener;
import io.zre4j.spi.Transport;
import io.zre4j.spi.TransportListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's single thread of control: it owns the engine, the transport and the discovery, applies the
 * commands the application and the discovery post, feeds received messages and timers to the engine, and
 * carries the engine's effects out. One agent per node; a runner decides which thread runs it.
 */
final class NodeAgent implements Agent, EngineOutput, TransportListener, DiscoveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
    /** Bounds per cycle keep one busy source from starving the others and the timers. */
    private static final int COMMANDS_PER_CYCLE = 1024;
    private static final int MESSAGES_PER_CYCLE = 256;
    /** Safety net: even if a wake-up were lost, a queued command waits no longer than this. */
    private static final long MAX_IDLE_NS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Non-blocking looks for work before the agent blocks; a few microseconds in all. */
    private static final int SPINS_BEFORE_BLOCKING = 20;
    private static final long FIRST_PAUSE_NS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long LONGEST_PAUSE_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A unit of work posted to the node's thread. */
    @FunctionalInterface
    interface Command {
        void apply(long nowNs);
    }

    private final String roleName;
    private final ZreEngine engine;
    private final Transport transport;
    private final Discovery discovery;
    private final Clock clock;
    private final Counters counters;
    private final Consumer<ZreEvent> events;
    private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
    /** Commands posted and not yet taken by the node's thread. */
    private final AtomicInteger waitingCommands = new AtomicInteger();
    /** The thread that runs {@link #doWork}; it never waits for room, since only it makes room. */
    private volatile Thread agentThread;
    /** Malformed input is counted every time but logged at most once a second (node thread only). */
    private final LogBudget warnings = new LogBudget();
    /**
     * Peers whose beacons reached the engine, with the endpoint it was given and when the latest beacon came.
     * A routine beacon (same endpoint) only updates the time here: it needs no trip to the node's thread.
     * Dropped when the engine lets go of the peer, so that its next beacon goes to the engine again.
     */
    private final Map<PeerId, Sighting> sightings = new ConcurrentHashMap<>();
    /** The entered peers' pulses, for {@link #liveness} on any thread; written by the engine's thread. */
    private final Map<PeerId, PeerPulse> pulses = new ConcurrentHashMap<>();

    /** The endpoint a peer's beacons announced, and when the latest came. */
    private static final class Sighting {
        final String endpoint;
        volatile long lastNs;

        Sighting(String endpoint, long lastNs) {
            this.endpoint = endpoint;
            this.lastNs = lastNs;
        }
    }

    private long nowNs;
    private boolean readClockOnDelivery;
    private volatile boolean done;
    /**
     * False only while {@link #doWork} runs: a command posted then needs no wake-up, because the runner calls
     * {@code doWork} again, or {@link #deadlineNs}/{@link #idle}, which look at the queue first. At any other
     * time the agent may be blocked, or its runner waiting for the deadline, so a post wakes it. Under load
     * most posts land during {@code doWork}, and each wake-up saved is a message the poster does not send
     * and the node does not read.
     */
    private volatile boolean waiting = true;

    /**
     * Creates the agent and its engine. The engine gets this agent as its output; it emits nothing before
     * {@code start}, so handing out {@code this} from the constructor is safe.
     */
    NodeAgent(ZreConfig config, PeerId self, Transport transport, Discovery discovery, Clock clock,
            Counters counters, Consumer<ZreEvent> events) {
        this.roleName = "zre-node-" + config.effectiveName(self);
        this.engine = new ZreEngine(config, self, this, counters, !discovery.announcesDeparture(), this::lastBeaconNs);
        this.transport = transport;
        this.discovery = discovery;
        this.clock = clock;
        this.counters = counters;
        this.events = events;
    }

    /** The engine; touch it only on the node's thread (or before the agent runs). */
    ZreEngine engine() {
        return engine;
    }

    /** Posts a command to the node's thread; safe from any thread. */
    void post(Command command) {
        // Add, then read the flag; doWork() sets the flag on its way out, then the runner looks at the queue
        // (in idle() or deadlineNs()). Both are volatile, so at least one side sees the other: the node finds
        // the command, or the poster wakes the node.
        waitingCommands.incrementAndGet();
        commands.add(command);
        if (waiting) {
            transport.wakeUp();
        }
    }

    /**
     * Makes the caller wait while {@value DefaultZreNode#MAX_WAITING_COMMANDS} commands wait for the node's
     * thread: backpressure on an application that sends faster than the node can. Call it before
     * {@link #post} for the application's commands, outside any lock the node's thread might need. It returns
     * at once on the node's own thread (an event listener that shouts), once the agent is done, or when the caller is
     * interrupted (the interrupt stays set). The bound is soft: callers that pass together may exceed it by
     * their number.
     */
    void awaitRoom() {
        if (waitingCommands.get() < DefaultZreNode.MAX_WAITING_COMMANDS || Thread.currentThread() == agentThread) {
            return;
        }
        long pauseNs = FIRST_PAUSE_NS;
        while (waitingCommands.get() >= DefaultZreNode.MAX_WAITING_COMMANDS && !done
                && !Thread.currentThread().isInterrupted()) {
            // Pausing, not signalling: this only happens while the application outruns the node, and the node
            // thread then need not spend anything on waking anyone.
            LockSupport.parkNanos(this, pauseNs);
            pauseNs = Math.min(LONGEST_PAUSE_NS, pauseNs * 2);
        }
    }

    /**
     * Posts the polite stop: peers confirm what they were sent, then the leave beacon, links closed, STOP
     * event, and the agent is done.
     */
    void postStop() {
        post(now -> {
            if (!done) {
                engine.stop(now); // done once the engine has finished stopping (see work())
            }
        });
    }

    /** Posts an abrupt end: nothing is said to anyone; sockets close when the agent does. */
    void postCrash() {
        post(now -> done = true);
    }

    // ---------------------------------------------------------------- Agent

    @Override
    public String roleName() {
        return roleName;
    }

    @Override
    public int doWork() {
        if (agentThread == null) {
            agentThread = Thread.currentThread();
        }
        waiting = false;
        try {
            return work();
        } finally {
            waiting = true;
        }
    }

    private int work() {
        nowNs = clock.nanoTime();
        readClockOnDelivery = false;
        int work = 0;
        Command command;
        try {
            while (work < COMMANDS_PER_CYCLE && !done && (command = commands.poll()) != null) {
                work++;
                command.apply(nowNs);
            }
        } finally {
            // Also when a command throws: the runner carries on, and so must the count.
            waitingCommands.addAndGet(-work);
        }
        if (!done) {
            work += transport.receive(MESSAGES_PER_CYCLE, 0);
        }
        long deadline = engine.deadlineNs();
        if (!done && deadline != Long.MAX_VALUE && deadline - nowNs <= 0) {
            engine.handleTimeout(nowNs);
            work++;
        }
        if (engine.hasStopped()) {
            done = true;
        }
        return work;
    }

    @Override
    public void idle() {
        long now = clock.nanoTime();
        long deadline = engine.deadlineNs();
        long waitNs = deadline == Long.MAX_VALUE ? MAX_IDLE_NS : Math.min(MAX_IDLE_NS, Math.max(0, deadline - now));
        if (waitNs <= 0) {
            return;
        }
        readClockOnDelivery = true;
        // Look a few more times before blocking: under load the next message is usually microseconds away,
        // and a blocking poll (a selector call, then a wake-up) costs far more than these checks.
        for (int spin = 0; spin < SPINS_BEFORE_BLOCKING; spin++) {
            if (!commands.isEmpty() || transport.receive(MESSAGES_PER_CYCLE, 0) > 0) {
                return;
            }
            Thread.onSpinWait();
        }
        if (commands.isEmpty()) {
            transport.receive(MESSAGES_PER_CYCLE, waitNs);
        }
    }

    @Override
    public long deadlineNs() {
        return commands.isEmpty() ? engine.deadlineNs() : clock.nanoTime();
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void onClose() {
        done = true;
        closeQuietly(discovery::close, "discovery");
        closeQuietly(transport::close, "transport");
    }

    private void closeQuietly(Runnable close, String what) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: failure closing the {}", roleName, what, e);
        }
    }

    // ---------------------------------------------------------------- EngineOutput

    @Override
    public void connect(PeerId peer, String endpoint) {
        transport.connect(peer, endpoint);
    }

    @Override
    public boolean send(PeerId peer, List<byte[]> frames) {
        return transport.send(peer, frames);
    }

    @Override
    public void disconnect(PeerId peer) {
        sightings.remove(peer);
        transport.disconnect(peer);
    }

    /**
     * How this node sees a peer now; any thread. Last seen counts beacons (from the discovery's sightings)
     * and messages (from the engine's pulse).
     */
    Optional<PeerLiveness> liveness(PeerId peer) {
        PeerPulse pulse = pulses.get(peer);
        if (pulse == null) {
            return Optional.empty();
        }
        long heard = pulse.lastHeardNs();
        long beacon = lastBeaconNs(peer);
        long last = beacon != Long.MIN_VALUE && beacon - heard > 0 ? beacon : heard;
        return Optional.of(new PeerLiveness(Duration.ofNanos(Math.max(0, clock.nanoTime() - last)), pulse.state()));
    }

    private long lastBeaconNs(PeerId peer) {
        Sighting sighting = sightings.get(peer);
        return sighting == null ? Long.MIN_VALUE : sighting.lastNs;
    }

    @Override
    public void refused(PeerId peer) {
        sightings.remove(peer);
    }

    @Override
    public void entered(PeerId peer, PeerPulse pulse) {
        pulses.put(peer, pulse);
    }

    @Override
    public void forgotten(PeerId peer, PeerPulse pulse) {
        pulses.remove(peer, pulse);
    }

    @Override
    public void departing() {
        try {
            discovery.stop();
        } catch (RuntimeException e) {
            LOG.warn("{}: discovery failed to stop politely", roleName, e);
        }
    }

    @Override
    public void event(ZreEvent event) {
        events.accept(event);
    }

    // ---------------------------------------------------------------- TransportListener

    @Override
    public void onMessage(PeerId sender, List<byte[]> frames) {
        if (readClockOnDelivery) {
            // Delivered after a wait: time has moved since the cycle began.
            nowNs = clock.nanoTime();
            readClockOnDelivery = false;
        }
        engine.handleMessage(nowNs, sender, frames);
    }

    @Override
    public void onMalformed(ZreProtocolException.Reason reason, String detail) {
        counters.increment(Counter.MESSAGES_MALFORMED);
        counters.malformed(reason);
        if (warnings.allow(clock.nanoTime())) {
            LOG.warn("{}: malformed input dropped: {} (and {} more since the last warning; see statistics)", roleName,
                    detail, warnings.takeSuppressed());
        } else {
            LOG.debug("{}: malformed input dropped: {}", roleName, detail);
        }
    }

    @Override
    public void onReplacedLinkMessage(String detail) {
        counters.increment(Counter.MESSAGES_ON_REPLACED_LINK);
        LOG.debug("{}: message on a replaced connection dropped: {}", roleName, detail);
    }

    @Override
    public void onInboxReset(String detail) {
        counters.increment(Counter.INBOX_RESETS);
        LOG.warn("{}: inbox reset, every connection to it dropped (peers reconnect): {}", roleName, detail);
    }

    // ---------------------------------------------------------------- DiscoveryListener (any thread)

    @Override
    public void peerAnnounced(PeerId peer, String endpoint) {
        long now = clock.nanoTime();
        Sighting known = sightings.get(peer);
        if (known != null && known.endpoint.equals(endpoint)) {
            known.lastNs = now;
            counters.increment(Counter.BEACONS_RECEIVED);
            return;
        }
        sightings.put(peer, new Sighting(endpoint, now));
        post(at -> engine.handleBeacon(at, peer, endpoint));
    }

    @Override
    public void peerListed(PeerId peer, String endpoint) {
        post(at -> engine.handleListing(at, peer, endpoint));
    }

    @Override
    public void peerLeaving(PeerId peer) {
        post(now -> engine.handlePeerLeaving(now, peer));
    }

    @Override
    public void malformed(ZreProtocolException.Reason reason, String detail) {
        counters.increment(Counter.BEACONS_MALFORMED);
        counters.malformed(reason);
        LOG.debug("{}: malformed beacon dropped: {}", roleName, detail);
    }

    @Override
    public void ignored(String detail) {
        counters.increment(Counter.BEACONS_IGNORED);
        LOG.debug("{}: beacon ignored: {}", roleName, detail);
    }

    @Override
    public void announcementSent() {
        counters.increment(Counter.BEACONS_SENT);
    }
}
