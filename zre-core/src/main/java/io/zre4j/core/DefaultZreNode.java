package io.zre4j.core;

import io.zre4j.Counter;
import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.PeerLiveness;
import io.zre4j.Statistics;
import io.zre4j.UnknownPeerException;
import io.zre4j.ZreConfig;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEventListener;
import io.zre4j.ZreNode;
import io.zre4j.core.engine.Counters;
import io.zre4j.core.engine.ZreEngine;
import io.zre4j.spi.AgentRunner;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ZreNode} implementation: the application-facing half of a node. It validates commands and
 * posts them to the node's {@link NodeAgent}, and receives the agent's events into a view, a bounded
 * queue and the registered listeners.
 */
public final class DefaultZreNode implements ZreNode {

    /**
     * Commands (shout, whisper, join, leave, contest) that may wait for the node's thread before the next one
     * makes its caller wait until there is room again: backpressure on an application that sends faster than
     * the node can. Without a bound, such an application would fill the heap with queued messages; Zyre's
     * actor pipe blocks its caller the same way. The node's own thread (an event listener that shouts) never
     * waits.
     */
    public static final int MAX_WAITING_COMMANDS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(DefaultZreNode.class);
    /** recv() and poll() wait in slices of this, so that a close() meanwhile ends their wait. */
    private static final long POLL_SLICE_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private enum State { NEW, RUNNING, STOPPED, CLOSED }

    private final Object lifecycle = new Object();
    private final NodeComponents components;
    private final PeerId uuid;
    private final Set<String> ownGroups;
    private final Counters counters = new Counters();
    private final PeerView view = new PeerView();
    private final BlockingQueue<ZreEvent> events;
    private final List<ZreEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ZreEventListener> observers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean overflowing = new AtomicBoolean();

    private ZreConfig config;
    private volatile State state = State.NEW;
    private volatile boolean terminated;
    private volatile NodeAgent agent;
    private AgentRunner.Running running;
    private volatile String endpoint;

    /**
     * Creates an unstarted node.
     *
     * @param config     the configuration
     * @param components the transport, discovery, runner and clock to use
     */
    public DefaultZreNode(ZreConfig config, NodeComponents components) {
        this.config = Objects.requireNonNull(config, "config");
        this.components = Objects.requireNonNull(components, "components");
        this.uuid = config.uuid().orElseGet(PeerId::random);
        this.ownGroups = Collections.synchronizedSet(new LinkedHashSet<>(config.groups()));
        this.events = new LinkedBlockingQueue<>(config.eventQueueCapacity());
    }

    @Override
    public PeerId uuid() {
        return uuid;
    }

    @Override
    public String name() {
        return config.effectiveName(uuid);
    }

    @Override
    public ZreConfig config() {
        synchronized (lifecycle) {
            return config;
        }
    }

    @Override
    public void setHeader(String key, String value) {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("headers travel in HELLO: set them before start()");
            }
            config = config.newBuilder().header(key, value).build();
        }
    }

    @Override
    public ZreNode start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("a node starts once; this one is " + state.name().toLowerCase());
            }
            Transport transport = components.transport().create(config, uuid);
            Discovery discovery = null;
            try {
                discovery = components.discovery().create(config);
                agent = new NodeAgent(config, uuid, transport, discovery, components.clock(), counters, this::deliver);
                String bound = transport.open(agent);
                agent.engine().start(components.clock().nanoTime(), bound);
                discovery.start(uuid, bound, agent);
                endpoint = bound;
                state = State.RUNNING;
                running = components.runner().start(agent);
                LOG.info("({}) started as {} at {}", name(), uuid, bound);
                return this;
            } catch (RuntimeException e) {
                state = State.CLOSED;
                terminated = true;
                if (discovery != null) {
                    quietly(discovery::close);
                }
                quietly(transport::close);
                throw e;
            }
        }
    }

    @Override
    public void stop() {
        end(NodeAgent::postStop);
    }

    /**
     * Stops the node abruptly, as if its process were killed: no leave beacon, no goodbye; links simply
     * close and peers notice only when the node expires. For demos and failure tests; applications use
     * {@link #stop()} or {@link #close()}.
     */
    public void crash() {
        end(NodeAgent::postCrash);
    }

    /** Posts the way to end (polite or abrupt) to a running node, then waits for its thread to finish. */
    private void end(java.util.function.Consumer<NodeAgent> howToEnd) {
        AgentRunner.Running toAwait;
        synchronized (lifecycle) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.STOPPED;
            howToEnd.accept(agent);
            toAwait = running;
        }
        awaitTermination(toAwait);
    }

    @Override
    public void close() {
        stop();
        synchronized (lifecycle) {
            if (state == State.NEW) {
                terminated = true;
            }
            state = State.CLOSED;
        }
    }

    private void awaitTermination(AgentRunner.Running toAwait) {
        try {
            if (!toAwait.awaitTermination(ThreadAgentRunner.defaultJoinTimeout())) {
                LOG.warn("({}) node thread did not finish in time", name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String endpoint() {
        String bound = endpoint;
        if (bound == null) {
            throw new IllegalStateException("the node has no endpoint before start()");
        }
        return bound;
    }

    // ---------------------------------------------------------------- commands

    @Override
    public void join(String group) {
        ZreConfig.checkGroup(group);
        ownGroups.add(group);
        command(now -> engine().join(now, group));
    }

    @Override
    public void leave(String group) {
        ZreConfig.checkGroup(group);
        ownGroups.remove(group);
        command(now -> engine().leave(group));
    }

    @Override
    public void contest(String group) {
        ZreConfig.checkGroup(group);
        command(now -> engine().contest(now, group));
    }

    @Override
    public void shout(String group, byte[]... content) {
        shout(group, Frames.of(content));
    }

    @Override
    public void shout(String group, Frames content) {
        ZreConfig.checkGroup(group);
        Objects.requireNonNull(content, "content");
        command(now -> engine().shout(group, content));
    }

    @Override
    public void shouts(String group, String format, Object... args) {
        shout(group, Frames.ofText(String.format(format, args)));
    }

    @Override
    public void whisper(PeerId peer, byte[]... content) {
        whisper(peer, Frames.of(content));
    }

    @Override
    public void whisper(PeerId peer, Frames content) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(content, "content");
        if (!view.contains(peer)) {
            throw new UnknownPeerException(peer);
        }
        command(now -> engine().whisper(peer, content));
    }

    @Override
    public void whispers(PeerId peer, String format, Object... args) {
        whisper(peer, Frames.of(String.format(format, args).getBytes(StandardCharsets.UTF_8)));
    }

    private void command(NodeAgent.Command command) {
        NodeAgent running = agent;
        if (running != null) {
            running.awaitRoom(); // outside the lock: a stop() from another thread must not wait behind it
        }
        synchronized (lifecycle) {
            switch (state) {
                case NEW -> throw new IllegalStateException("start() the node first");
                case RUNNING -> agent.post(command);
                default -> throw new IllegalStateException("the node is " + state.name().toLowerCase());
            }
        }
    }

    private ZreEngine engine() {
        return agent.engine();
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Set<PeerId> peers() {
        return view.peers();
    }

    @Override
    public Set<PeerId> peersByGroup(String group) {
        return view.peersByGroup(group);
    }

    @Override
    public Set<String> ownGroups() {
        synchronized (ownGroups) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(ownGroups));
        }
    }

    @Override
    public Set<String> peerGroups() {
        return view.groups();
    }

    @Override
    public Set<String> peerGroups(PeerId peer) {
        Objects.requireNonNull(peer, "peer");
        return view.get(peer).map(PeerView.PeerInfo::groups).orElse(Set.of());
    }

    @Override
    public Optional<String> peerAddress(PeerId peer) {
        Objects.requireNonNull(peer, "peer");
        return view.get(peer).map(PeerView.PeerInfo::address);
    }

    @Override
    public Optional<PeerLiveness> peerLiveness(PeerId peer) {
        Objects.requireNonNull(peer, "peer");
        NodeAgent running = agent;
        return running == null ? Optional.empty() : running.liveness(peer);
    }

    @Override
    public Optional<String> peerName(PeerId peer) {
        Objects.requireNonNull(peer, "peer");
        return view.get(peer).map(PeerView.PeerInfo::name);
    }

    @Override
    public Optional<String> peerHeader(PeerId peer, String key) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(key, "key");
        return view.get(peer).map(info -> info.headers().get(key));
    }

    @Override
    public Map<String, String> peerHeaders(PeerId peer) {
        Objects.requireNonNull(peer, "peer");
        return view.get(peer).map(PeerView.PeerInfo::headers).orElse(Map.of());
    }

    @Override
    public Statistics statistics() {
        return counters.snapshot();
    }

    // ---------------------------------------------------------------- events

    @Override
    public ZreEvent recv() throws InterruptedException {
        while (true) {
            checkReadable();
            ZreEvent event = events.poll(POLL_SLICE_NS, TimeUnit.NANOSECONDS);
            if (event != null) {
                return event;
            }
        }
    }

    @Override
    public Optional<ZreEvent> poll(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (!listeners.isEmpty()) {
            throw new IllegalStateException("events go to the registered listener, not to poll()");
        }
        long deadlineNs = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            checkReadable();
            long leftNs = deadlineNs - System.nanoTime();
            ZreEvent event = events.poll(Math.max(0, Math.min(leftNs, POLL_SLICE_NS)), TimeUnit.NANOSECONDS);
            if (event != null || leftNs <= POLL_SLICE_NS) {
                return Optional.ofNullable(event);
            }
        }
    }

    private void checkReadable() {
        if (!listeners.isEmpty()) {
            throw new IllegalStateException("events go to the registered listener, not to recv()");
        }
        if (terminated && events.isEmpty()) {
            throw new IllegalStateException("the node has stopped and every event has been read");
        }
    }

    @Override
    public void onEvent(ZreEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Sees every event on the node's thread without taking events away from {@link #recv()} (unlike
     * {@link #onEvent}); for tools such as the simulator's trace and the CLI monitor. Same contract as a listener.
     *
     * @param observer the observer
     */
    public void observe(ZreEventListener observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    /** Called on the node's thread for each event the engine emits. */
    private void deliver(ZreEvent event) {
        view.apply(event);
        if (event instanceof ZreEvent.Stop) {
            terminated = true;
        }
        observers.forEach(observer -> safely(observer, event));
        if (!listeners.isEmpty()) {
            listeners.forEach(listener -> safely(listener, event));
        } else if (events.offer(event)) {
            overflowing.set(false);
        } else {
            counters.increment(Counter.EVENTS_DROPPED);
            if (overflowing.compareAndSet(false, true)) {
                LOG.warn("({}) event queue full ({} events): the application is not reading events fast enough; "
                        + "dropping new events (see statistics)", name(), config.eventQueueCapacity());
            }
        }
    }

    private void safely(ZreEventListener listener, ZreEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            // An Error too (a listener recursing without end, a missing class): it is the listener's, not the
            // node's, and must not kill the node's thread. Only running out of memory goes on up.
            counters.increment(Counter.LISTENER_FAILURES);
            LOG.warn("({}) event listener failed on {}", name(), event.type(), e);
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.debug("failure while cleaning up", e);
        }
    }

    @Override
    public String toString() {
        return "ZreNode[" + name() + " " + uuid + " " + state.name().toLowerCase() + "]";
    }

}
