package io.zre4j;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One ZRE node: it announces itself, discovers peers, and exchanges group and direct messages with them.
 *
 * <p>Create one with {@link Zre#builder()}; call {@link #start()}; read events with {@link #recv()},
 * {@link #poll(Duration)} or {@link #onEvent(ZreEventListener)}; {@link #close()} it when done.
 *
 * <p>Threading: every method may be called from any thread. Commands ({@code join}, {@code shout}, ...)
 * are handed to the node's own thread and return at once; they are applied in the order they were
 * called. An application that sends faster than the node can is made to wait for room instead (the default
 * node does so once 10,000 commands are waiting), so that queued messages cannot fill the heap; a command
 * given on the node's own thread, from an event listener, never waits. Queries ({@link #peers()} and the like) answer from a view that is updated just before each
 * event is delivered, so the view never shows a peer whose ENTER has not been delivered, nor keeps one
 * whose EXIT has.
 */
public interface ZreNode extends AutoCloseable {

    /**
     * This node's identity.
     *
     * @return the uuid
     */
    PeerId uuid();

    /**
     * This node's public name.
     *
     * @return the name
     */
    String name();

    /**
     * The configuration the node was built with (headers set later with {@link #setHeader} included).
     *
     * @return the configuration
     */
    ZreConfig config();

    /**
     * Sets a header announced in HELLO, like {@code zyre_set_header}. Only before {@link #start()}.
     *
     * @param key   1 to 255 UTF-8 bytes
     * @param value any text
     * @throws IllegalStateException if the node has started
     */
    void setHeader(String key, String value);

    /**
     * Starts discovery and connection: binds the inbox, begins beaconing, joins the configured groups.
     *
     * @return this node
     * @throws IllegalStateException if the node was already started or closed
     * @throws ZreNetworkException if the interface or ports cannot be used; the node is then closed
     */
    ZreNode start();

    /**
     * Leaves politely, losing nothing that was sent: first every peer this node sent something to confirms
     * that it got all of it (a PING answered over the same ordered link, within at most 2 s), then peers are
     * told at once (a port-0 beacon) and see this node EXIT; the last event delivered is
     * {@link ZreEvent.Stop}. Commands made meanwhile are ignored. Returns once the node has stopped; does
     * nothing if it has not started or is already stopped.
     */
    void stop();

    /** Stops (politely, if still running) and releases every socket and thread. Idempotent. */
    @Override
    void close();

    /**
     * The endpoint this node's inbox is bound to and announces, e.g. {@code tcp://127.0.0.1:49152}.
     *
     * @return the endpoint
     * @throws IllegalStateException before {@link #start()}
     */
    String endpoint();

    /**
     * Joins a group; peers see a JOIN. Joining a group this node is in does nothing.
     *
     * @param group 1 to 255 UTF-8 bytes
     */
    void join(String group);

    /**
     * Leaves a group; peers see a LEAVE. Leaving a group this node is not in does nothing.
     *
     * @param group 1 to 255 UTF-8 bytes
     */
    void leave(String group);

    /**
     * Takes part in the leader election of a group, like {@code zyre_set_contest_in_group}: a
     * {@link ZreEvent.Leader} event names the winner (the lowest uuid among contesting members).
     *
     * @param group the group
     */
    void contest(String group);

    /**
     * Sends a message to every peer in a group. This node need not be a member.
     *
     * @param group   the group
     * @param content the frames, copied before this method returns
     */
    void shout(String group, byte[]... content);

    /**
     * Sends a message to every peer in a group.
     *
     * @param group   the group
     * @param content the frames
     */
    void shout(String group, Frames content);

    /**
     * Sends one text frame to every peer in a group, formatted like {@link String#format}.
     *
     * @param group  the group
     * @param format the format
     * @param args   its arguments
     */
    void shouts(String group, String format, Object... args);

    /**
     * Sends a message to one peer.
     *
     * @param peer    the peer
     * @param content the frames, copied before this method returns
     * @throws UnknownPeerException if the peer is not currently known (see {@link #peers()})
     */
    void whisper(PeerId peer, byte[]... content);

    /**
     * Sends a message to one peer.
     *
     * @param peer    the peer
     * @param content the frames
     * @throws UnknownPeerException if the peer is not currently known
     */
    void whisper(PeerId peer, Frames content);

    /**
     * Sends one text frame to one peer, formatted like {@link String#format}.
     *
     * @param peer   the peer
     * @param format the format
     * @param args   its arguments
     * @throws UnknownPeerException if the peer is not currently known
     */
    void whispers(PeerId peer, String format, Object... args);

    /**
     * The peers that have entered and not exited.
     *
     * @return an immutable snapshot
     */
    Set<PeerId> peers();

    /**
     * The peers in a group.
     *
     * @param group the group
     * @return an immutable snapshot, empty for an unknown group
     */
    Set<PeerId> peersByGroup(String group);

    /**
     * The groups this node is in.
     *
     * @return an immutable snapshot
     */
    Set<String> ownGroups();

    /**
     * The groups that known peers are in.
     *
     * @return an immutable snapshot
     */
    Set<String> peerGroups();

    /**
     * The groups one peer is in.
     *
     * @param peer the peer
     * @return an immutable snapshot, empty for an unknown peer
     */
    Set<String> peerGroups(PeerId peer);

    /**
     * The endpoint a peer announced.
     *
     * @param peer the peer
     * @return its endpoint, or empty for an unknown peer
     */
    Optional<String> peerAddress(PeerId peer);

    /**
     * The name of a peer.
     *
     * @param peer the peer
     * @return its name, or empty for an unknown peer
     */
    Optional<String> peerName(PeerId peer);

    /**
     * One header a peer announced.
     *
     * @param peer the peer
     * @param key  the header name
     * @return the value, or empty when the peer or the header is unknown
     */
    Optional<String> peerHeader(PeerId peer, String key);

    /**
     * How this node sees a peer now: how long ago it last heard of it (a beacon or any message) and
     * whether it answers (alive, evasive, silent). Unlike the EVASIVE and SILENT events, this also shows a
     * peer that has come back.
     *
     * @param peer the peer
     * @return its liveness, or empty for an unknown peer (or a node that is not running)
     */
    Optional<PeerLiveness> peerLiveness(PeerId peer);

    /**
     * Every header a peer announced.
     *
     * @param peer the peer
     * @return the headers in the order sent, empty for an unknown peer
     */
    Map<String, String> peerHeaders(PeerId peer);

    /**
     * Waits for the next event.
     *
     * @return the event
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws IllegalStateException if a listener is registered (events then go to the listener) or the
     *                               node is closed and every event has been read
     */
    ZreEvent recv() throws InterruptedException;

    /**
     * Waits up to {@code timeout} for the next event.
     *
     * @param timeout how long to wait; zero to only check
     * @return the event, or empty if none came in time
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws IllegalStateException if a listener is registered (events then go to the listener) or the
     *                               node is closed and every event has been read
     */
    Optional<ZreEvent> poll(Duration timeout) throws InterruptedException;

    /**
     * Delivers every later event to {@code listener} on the node's thread, instead of queueing it for
     * {@link #recv()}. Several listeners may be added; each sees every event.
     *
     * @param listener the listener; see its contract
     */
    void onEvent(ZreEventListener listener);

    /**
     * A snapshot of the node's counters.
     *
     * @return the statistics
     */
    Statistics statistics();
}
