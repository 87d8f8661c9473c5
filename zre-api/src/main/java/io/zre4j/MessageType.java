package io.zre4j;

/**
 * The ZRE messages, with their wire ids (ZRE v2 as Zyre 2.x speaks it; ELECT, LEADER and GOODBYE are
 * in Zyre's model though in no RFC).
 */
public enum MessageType {
    /** Greeting: endpoint, groups, status, name, headers. Always the first message on a link. */
    HELLO(1),
    /** A message to one peer. */
    WHISPER(2),
    /** A message to a group. */
    SHOUT(3),
    /** The sender joined a group. */
    JOIN(4),
    /** The sender left a group. */
    LEAVE(5),
    /** Are you alive? */
    PING(6),
    /** Yes, alive. */
    PING_OK(7),
    /** Leader election: a challenger's id. */
    ELECT(8),
    /** Leader election: the winner. */
    LEADER(9),
    /** The sender is leaving (Zyre uses it in gossip mode). */
    GOODBYE(10);

    private static final MessageType[] BY_ID = new MessageType[11];

    static {
        for (MessageType type : values()) {
            BY_ID[type.id] = type;
        }
    }

    private final int id;

    MessageType(int id) {
        this.id = id;
    }

    /**
     * The message id byte on the wire.
     *
     * @return the id, 1 to 10
     */
    public int id() {
        return id;
    }

    /**
     * The name Zyre uses in logs and specs ({@code PING-OK} rather than {@code PING_OK}).
     *
     * @return the wire name
     */
    public String wireName() {
        return this == PING_OK ? "PING-OK" : name();
    }

    /**
     * Looks up a message id.
     *
     * @param id the id byte, unsigned
     * @return the type, or null when the id is not a ZRE message
     */
    public static MessageType byId(int id) {
        return id > 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
