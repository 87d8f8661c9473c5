package io.zre4j.spi;

import io.zre4j.PeerId;
import java.util.List;

/**
 * Carries ZRE messages between nodes: an inbox that peers connect to, and one outgoing link per peer.
 * Links must behave like TCP: ordered and reliable until they break. Production implementation:
 * {@code zre-transport-jeromq} (a ROUTER inbox and one DEALER per peer); the simulator has an in-memory one.
 *
 * <p>Lifecycle: {@link #open} once, then any of the others, then {@link #close()} once.
 *
 * <p>Threading: every method except {@link #wakeUp()} is called only on the node's thread, so
 * implementations need no locking; {@link #wakeUp()} may be called from any thread.
 */
public interface Transport extends AutoCloseable {

    /**
     * Binds the inbox. Received messages will be delivered to {@code listener} from {@link #receive}.
     *
     * @param listener where received messages go
     * @return the endpoint peers must connect to, e.g. {@code tcp://192.168.1.7:49152}
     * @throws io.zre4j.ZreNetworkException if the inbox cannot be bound
     */
    String open(TransportListener listener);

    /**
     * Opens our outgoing link to a peer's inbox. Messages sent on it arrive at the peer marked as coming
     * from this node. Connecting to a peer that already has a link replaces the old link.
     *
     * @param peer     the peer
     * @param endpoint the peer's inbox endpoint
     */
    void connect(PeerId peer, String endpoint);

    /**
     * Sends one message (its frames stay together) on the link to {@code peer}, without blocking.
     *
     * @param peer   a peer previously {@link #connect connected}
     * @param frames the message's frames; the transport must not modify them
     * @return false if the message was refused (high-water mark reached, or no link): nothing was sent
     */
    boolean send(PeerId peer, List<byte[]> frames);

    /**
     * Closes the link to a peer, discarding what it has not yet sent. Unknown peers are ignored.
     *
     * @param peer the peer
     */
    void disconnect(PeerId peer);

    /**
     * Delivers received messages to the listener, up to {@code max} of them. When none is ready, waits
     * up to {@code timeoutNs} for one or for {@link #wakeUp()}; a timeout of 0 never blocks.
     *
     * @param max       the most messages to deliver in this call
     * @param timeoutNs the longest wait when nothing is ready
     * @return the number of messages delivered
     */
    int receive(int max, long timeoutNs);

    /** Makes a waiting (or the next) {@link #receive} return promptly. Safe from any thread. */
    void wakeUp();

    /** Closes the inbox and every link. */
    @Override
    void close();
}
