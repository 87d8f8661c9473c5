package io.zre4j.core.engine;

import io.zre4j.Counter;
import io.zre4j.MessageType;
import io.zre4j.Statistics;
import io.zre4j.ZreProtocolException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A node's counters. Written mostly by the node's thread, sometimes by a discovery thread; read from any
 * thread as a {@link Statistics} snapshot. Atomic increments keep both correct at a cost of a few
 * nanoseconds, far below the cost of the message being counted.
 */
public final class Counters {

    private static final int COUNTERS = Counter.values().length;
    private static final int TYPES = MessageType.values().length;
    private static final int REASONS = ZreProtocolException.Reason.values().length;

    private final AtomicLongArray values = new AtomicLongArray(COUNTERS + 2 * TYPES + REASONS);

    /**
     * Adds one to a counter.
     *
     * @param counter the counter
     */
    public void increment(Counter counter) {
        values.incrementAndGet(counter.ordinal());
    }

    /**
     * Counts a message received.
     *
     * @param type its type
     */
    public void received(MessageType type) {
        values.incrementAndGet(COUNTERS + type.ordinal());
    }

    /**
     * Counts a message sent.
     *
     * @param type its type
     */
    public void sent(MessageType type) {
        values.incrementAndGet(COUNTERS + TYPES + type.ordinal());
    }

    /**
     * Counts malformed input by reason.
     *
     * @param reason the reason
     */
    public void malformed(ZreProtocolException.Reason reason) {
        values.incrementAndGet(COUNTERS + 2 * TYPES + reason.ordinal());
    }

    /**
     * The current value of a counter.
     *
     * @param counter the counter
     * @return its value
     */
    public long get(Counter counter) {
        return values.get(counter.ordinal());
    }

    /**
     * A consistent-enough snapshot (each value is exact; values are read one after another).
     *
     * @return the statistics
     */
    public Statistics snapshot() {
        return new Statistics(slice(0, COUNTERS), slice(COUNTERS, TYPES), slice(COUNTERS + TYPES, TYPES),
                slice(COUNTERS + 2 * TYPES, REASONS));
    }

    private long[] slice(int from, int length) {
        long[] slice = new long[length];
        for (int i = 0; i < length; i++) {
            slice[i] = values.get(from + i);
        }
        return slice;
    }
}
