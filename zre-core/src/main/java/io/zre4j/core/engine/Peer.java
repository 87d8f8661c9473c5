package io.zre4j.core.engine;

import io.zre4j.MessageType;
import io.zre4j.PeerId;
import io.zre4j.PeerLiveness;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows of one remote node: its link state (sequence numbers both ways), what its HELLO
 * said, the groups it is in, and its liveness. Owned by the engine's thread.
 */
final class Peer {

    /** How far a peer has gone in the quiet-peer ladder since it was last heard. */
    enum Liveness {
        /** Heard recently. */
        ALIVE,
        /** Quiet for half the evasive timeout: a PING probe was sent, no event yet. */
        PROBED,
        /** Quiet for the evasive timeout: EVASIVE reported, pinged again. */
        EVASIVE,
        /** Quiet for the silent timeout: SILENT reported. */
        SILENT
    }

    final PeerId id;
    /** The endpoint our link connects to. */
    final String endpoint;
    /** The port of {@link #endpoint}, to tell a restart (new port) from another route to the same node. */
    final int port;

    /** True once the peer's HELLO arrived: only then does the application know it (ENTER). */
    boolean ready;
    String name;
    Map<String, String> headers = Map.of();
    /** The endpoint the peer announced in its HELLO (the ENTER address). */
    String announcedEndpoint;
    final Set<String> groups = new LinkedHashSet<>();
    /** The peer's group-change counter, as last seen. */
    int status;

    /** Sequence number of the last message we sent to this peer (0 before HELLO). */
    int sentSequence;
    /** Sequence number of the last message we received from this peer. */
    int receivedSequence;

    /** When the peer's last message arrived (any message over its link). */
    long lastHeardNs;
    /** When its last beacon arrived. */
    long lastBeaconNs;
    /** When we last sent this peer anything. */
    long lastSentNs;
    /** Whether the peer wants our traffic more often than our link checks send it (it pinged us early). */
    boolean impatient;
    /** Whether the link-check PING of the current quiet period has gone (see the engine's liveness notes). */
    boolean keepAliveSent;
    private Liveness liveness = Liveness.ALIVE;
    /** What other threads may read of this peer's liveness. */
    final PeerPulse pulse;

    /** PINGs sent on this link, and PING-OKs received; each PING-OK answers the PING of the same rank. */
    private long pingsSent;
    private long pingOksReceived;
    /** How many PINGs had been sent when we last sent anything else; -1 if nothing else was sent. */
    private long pingsBeforeLastMessage = -1;

    /** When the engine must look at this peer next; valid while {@link #timerArmed}. */
    long timerDeadlineNs;
    boolean timerArmed;
    /** Set once the peer is forgotten, so a stale timer entry is skipped. */
    boolean removed;

    Peer(PeerId id, String endpoint, long nowNs) {
        this.id = id;
        this.endpoint = endpoint;
        this.port = portOf(endpoint);
        this.name = id.shortName();
        this.lastHeardNs = nowNs;
        this.lastBeaconNs = nowNs;
        this.lastSentNs = nowNs;
        this.pulse = new PeerPulse(nowNs);
    }

    Liveness liveness() {
        return liveness;
    }

    void liveness(Liveness newLiveness) {
        liveness = newLiveness;
        pulse.state(switch (newLiveness) {
            case ALIVE, PROBED -> PeerLiveness.State.ALIVE;
            case EVASIVE -> PeerLiveness.State.EVASIVE;
            case SILENT -> PeerLiveness.State.SILENT;
        });
    }

    /** Counts a message that went out on the link. */
    void sent(MessageType type) {
        if (type == MessageType.PING) {
            pingsSent++;
        } else if (type != MessageType.PING_OK) {
            pingsBeforeLastMessage = pingsSent;
        }
    }

    void pingOkReceived() {
        pingOksReceived++;
    }

    /**
     * Whether the peer has confirmed everything we sent it: it answered a PING sent after our last message.
     * Messages and answers travel in order on the link, so that PING-OK came after all of them were read.
     */
    boolean hasConfirmedAll() {
        return pingsBeforeLastMessage < 0 || pingOksReceived > pingsBeforeLastMessage;
    }

    /** Whether a PING has gone after our last message (its answer would confirm everything). */
    boolean confirmationRequested() {
        return pingsSent > pingsBeforeLastMessage;
    }

    /** Takes the next outgoing sequence number: HELLO gets 1, then +1 wrapping at 16 bits like Zyre. */
    int nextSentSequence() {
        sentSequence = (sentSequence + 1) & 0xFFFF;
        return sentSequence;
    }

    /** Gives back a sequence number whose message the transport refused, so the peer sees no gap. */
    void unsend() {
        sentSequence = (sentSequence - 1) & 0xFFFF;
    }

    /**
     * Whether {@code sequence} is the one that must follow the last received one. After 65534, both 65535
     * (Zyre, the spec) and 0 (Pyre and zyre.js wrap modulo 65535) are accepted, so long-lived Pyre links
     * do not flap.
     */
    boolean isNextReceived(int sequence) {
        int expected = (receivedSequence + 1) & 0xFFFF;
        return sequence == expected || (receivedSequence == 0xFFFE && sequence == 0);
    }

    Set<String> groupsView() {
        return Collections.unmodifiableSet(groups);
    }

    static int portOf(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(endpoint.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return name + "(" + id + ")";
    }
}
