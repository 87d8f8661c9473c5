package io.zre4j;

/**
 * The catalogue of a node's counters, beside the per-message-type and per-reason counts of
 * {@link Statistics}. Every drop and every recovered fault has a counter, so nothing is lost silently.
 */
public enum Counter {
    /** Beacons this node sent, including the final port-0 beacon. */
    BEACONS_SENT("beacons sent"),
    /** Well-formed beacons heard from other nodes. */
    BEACONS_RECEIVED("beacons received"),
    /** Datagrams on the beacon port that were not valid beacons (with gossip discovery: malformed gossip); dropped. */
    BEACONS_MALFORMED("malformed beacons dropped"),
    /**
     * Beacons ignored: another protocol version (e.g. CURVE's version 3), or from outside our interface's
     * networks; with gossip discovery, tuples with a CURVE key or beyond the tuple limit.
     */
    BEACONS_IGNORED("beacons ignored (other version or another link)"),
    /** Frames from a peer that did not decode; dropped (see also {@link Statistics#malformed}). */
    MESSAGES_MALFORMED("malformed messages dropped"),
    /** Messages from a peer that had not said HELLO first; dropped. */
    MESSAGES_BEFORE_HELLO("messages before HELLO dropped"),
    /** Peers dropped because a sequence number skipped (messages were lost on the way). */
    SEQUENCE_GAPS("peers dropped for a sequence gap"),
    /** JOIN/LEAVE whose status counter disagreed with ours; logged and resynchronised (Zyre asserts). */
    STATUS_MISMATCHES("group status counters resynchronised"),
    /** SHOUTs for groups this node is not in; dropped as the protocol says. */
    SHOUTS_NOT_MEMBER("shouts for groups we are not in dropped"),
    /** Messages refused by the transport (send high-water mark reached); the peer is told nothing. */
    SENDS_REFUSED("sends refused by the transport (high-water mark)"),
    /** Whispers to a peer that exited before the message could be sent. */
    WHISPERS_TO_UNKNOWN_PEER("whispers to a peer that has gone dropped"),
    /** Events the application did not consume in time; dropped because the event queue was full. */
    EVENTS_DROPPED("events dropped, event queue full"),
    /** Exceptions thrown by an application event listener; caught and logged. */
    LISTENER_FAILURES("event listener exceptions"),
    /** Peers that entered (ENTER events). */
    PEERS_ENTERED("peers entered"),
    /** Peers that exited (EXIT events), for any reason. */
    PEERS_EXITED("peers exited"),
    /** Peers that expired (no traffic for the expired timeout). */
    PEERS_EXPIRED("peers expired"),
    /** Peers that restarted: a HELLO arrived from a peer that was already known. */
    PEERS_RESTARTED("peers restarted"),
    /** PING probes sent to quiet peers. */
    PINGS_SENT("pings sent to quiet peers"),
    /** EVASIVE events. */
    EVASIVE_EVENTS("evasive events"),
    /** SILENT events. */
    SILENT_EVENTS("silent events"),
    /**
     * Announcements refused: a new peer while too many are still to answer our HELLO (a flood of fake
     * beacons), or a new uuid at an endpoint where a live peer is (a spoof).
     */
    ANNOUNCEMENTS_REFUSED("announcements refused (flood of new peers, or a live peer's endpoint)"),
    /** Links the transport could not open (e.g. out of sockets or file descriptors); the peer is dropped. */
    CONNECTS_FAILED("links that could not be opened"),
    /** HELLOs refused: too large, a bad endpoint, or a live peer's endpoint claimed by another uuid. */
    HELLOS_REFUSED("hellos refused"),
    /** Peers that greeted again and again (a restart loop, or a spoof): their extra HELLOs were taken as greetings. */
    RESTART_LOOPS_BROKEN("restart loops broken"),
    /** Messages left on a connection that a peer's reconnection replaced; dropped (the sequence check follows). */
    MESSAGES_ON_REPLACED_LINK("messages on a replaced connection dropped"),
    /**
     * Times the inbox was rebuilt because unfinished messages (frames without an end) piled up beyond the
     * limit: every connection to it was dropped, and peers reconnected.
     */
    INBOX_RESETS("inbox resets after a flood of unfinished messages");

    private final String label;

    Counter(String label) {
        this.label = label;
    }

    /**
     * A short human-readable description.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
