package io.zre4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable snapshot of a node's counters: messages in and out per type, drops by reason, and the
 * {@link Counter} catalogue.
 */
public final class Statistics {

    private final long[] counters;
    private final long[] messagesIn;
    private final long[] messagesOut;
    private final long[] malformed;

    /**
     * Creates a snapshot from raw arrays indexed by enum ordinal; the arrays are copied.
     *
     * @param counters    one value per {@link Counter}
     * @param messagesIn  one value per {@link MessageType}
     * @param messagesOut one value per {@link MessageType}
     * @param malformed   one value per {@link ZreProtocolException.Reason}
     */
    public Statistics(long[] counters, long[] messagesIn, long[] messagesOut, long[] malformed) {
        this.counters = sized(counters, Counter.values().length);
        this.messagesIn = sized(messagesIn, MessageType.values().length);
        this.messagesOut = sized(messagesOut, MessageType.values().length);
        this.malformed = sized(malformed, ZreProtocolException.Reason.values().length);
    }

    private static long[] sized(long[] values, int length) {
        if (values.length != length) {
            throw new IllegalArgumentException("expected " + length + " values, got " + values.length);
        }
        return values.clone();
    }

    /**
     * A snapshot where every count is zero.
     *
     * @return the empty snapshot
     */
    public static Statistics empty() {
        return new Statistics(new long[Counter.values().length], new long[MessageType.values().length],
                new long[MessageType.values().length], new long[ZreProtocolException.Reason.values().length]);
    }

    /**
     * The value of one counter.
     *
     * @param counter the counter
     * @return its value
     */
    public long get(Counter counter) {
        return counters[counter.ordinal()];
    }

    /**
     * Messages of one type received from peers (well-formed ones only).
     *
     * @param type the message type
     * @return the count
     */
    public long messagesIn(MessageType type) {
        return messagesIn[type.ordinal()];
    }

    /**
     * Messages of one type handed to the transport for sending.
     *
     * @param type the message type
     * @return the count
     */
    public long messagesOut(MessageType type) {
        return messagesOut[type.ordinal()];
    }

    /**
     * Malformed input dropped, for one reason (messages and beacons together).
     *
     * @param reason the reason
     * @return the count
     */
    public long malformed(ZreProtocolException.Reason reason) {
        return malformed[reason.ordinal()];
    }

    /**
     * Every non-zero value, keyed by a stable name ({@code counter.PEERS_ENTERED}, {@code in.SHOUT},
     * {@code out.HELLO}, {@code malformed.TRUNCATED}), in catalogue order.
     *
     * @return the non-zero values
     */
    public Map<String, Long> nonZero() {
        Map<String, Long> values = new java.util.LinkedHashMap<>();
        for (Counter counter : Counter.values()) {
            put(values, "counter." + counter.name(), counters[counter.ordinal()]);
        }
        for (MessageType type : MessageType.values()) {
            put(values, "in." + type.name(), messagesIn[type.ordinal()]);
        }
        for (MessageType type : MessageType.values()) {
            put(values, "out." + type.name(), messagesOut[type.ordinal()]);
        }
        for (ZreProtocolException.Reason reason : ZreProtocolException.Reason.values()) {
            put(values, "malformed." + reason.name(), malformed[reason.ordinal()]);
        }
        return Collections.unmodifiableMap(values);
    }

    private static void put(Map<String, Long> values, String key, long value) {
        if (value != 0) {
            values.put(key, value);
        }
    }

    /**
     * The counters of the catalogue as a map.
     *
     * @return every {@link Counter} with its value
     */
    public Map<Counter, Long> counters() {
        Map<Counter, Long> map = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            map.put(counter, counters[counter.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Statistics that
                && Arrays.equals(counters, that.counters)
                && Arrays.equals(messagesIn, that.messagesIn)
                && Arrays.equals(messagesOut, that.messagesOut)
                && Arrays.equals(malformed, that.malformed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counters) * 31 + Arrays.hashCode(messagesIn);
    }

    @Override
    public String toString() {
        return "Statistics" + nonZero();
    }
}
