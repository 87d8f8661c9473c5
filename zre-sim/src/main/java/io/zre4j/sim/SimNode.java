package io.zre4j.sim;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A simulated machine with its node, as a test sees it: a stable handle across crashes and restarts, and
 * the record of every event the node delivered (the simulator takes events through a listener, so read
 * them here rather than with {@code recv()}).
 */
public final class SimNode {

    private final String name;
    private final int index;
    ZreConfig config;
    SimHost host;
    ZreNode node;
    private boolean alive;
    private final List<ZreEvent> events = new ArrayList<>();
    private int incarnation;

    SimNode(String name, int index) {
        this.name = name;
        this.index = index;
    }

    void attach(SimHost newHost, ZreNode newNode, ZreConfig newConfig) {
        host = newHost;
        node = newNode;
        config = newConfig;
        alive = true;
        incarnation++;
    }

    void markDown() {
        alive = false;
    }

    void record(ZreEvent event) {
        events.add(event);
        if (event instanceof ZreEvent.Stop) {
            alive = false;
        }
    }

    /**
     * The node's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The position of this node in the simulation, from 0.
     *
     * @return the index
     */
    public int index() {
        return index;
    }

    /**
     * The current incarnation of the node (a restart makes a new one).
     *
     * @return the node
     */
    public ZreNode node() {
        return node;
    }

    /**
     * The current incarnation's identity.
     *
     * @return the uuid
     */
    public PeerId uuid() {
        return node.uuid();
    }

    /**
     * Whether the node is running (not crashed, not stopped).
     *
     * @return true while it runs
     */
    public boolean isAlive() {
        return alive;
    }

    /**
     * How many times the node was started (1 until a restart).
     *
     * @return the incarnation count
     */
    public int incarnation() {
        return incarnation;
    }

    /**
     * Every event the node delivered, over all its incarnations, in order.
     *
     * @return an unmodifiable view
     */
    public List<ZreEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * The events of one kind.
     *
     * @param type the event record type, e.g. {@code ZreEvent.Shout.class}
     * @param <T>  the event type
     * @return the matching events, in order
     */
    public <T extends ZreEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /**
     * Forgets the events recorded so far (to assert on what happens next).
     */
    public void clearEvents() {
        events.clear();
    }

    @Override
    public String toString() {
        return name + (alive ? "" : " (down)");
    }
}
