package io.zre4j.bench.loopback;

import io.zre4j.Counter;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEventListener;
import io.zre4j.ZreNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the messages receiving nodes deliver to their application and waits, burst by burst, until a
 * sender's messages have all arrived. A message the sender's transport refused ({@code SENDS_REFUSED}) is not
 * waited for; it is counted instead, so a refusal shows up in the report rather than as a hang.
 */
final class Deliveries {

    /** The longest a burst may take before the benchmark gives up. */
    static final Duration BURST_LIMIT = Duration.ofSeconds(60);

    private final AtomicLong delivered = new AtomicLong();
    private long expected;
    private long refused;

    /**
     * A listener that counts the events of one type; register it on every receiving node.
     *
     * @param type the event to count, e.g. {@code ZreEvent.Whisper.class}
     * @return the listener
     */
    ZreEventListener counting(Class<? extends ZreEvent> type) {
        return event -> {
            if (type.isInstance(event)) {
                delivered.incrementAndGet();
            }
        };
    }

    /**
     * Waits until this burst's messages have been delivered or refused.
     *
     * @param sender     the sending node
     * @param deliveries deliveries the burst should make (a SHOUT to N peers makes N)
     * @return how many sends the sender refused during the burst
     */
    long awaitBurst(ZreNode sender, long deliveries) {
        long target = expected + deliveries;
        expected = target;
        // Refusals are rare and the snapshot costs more than a read of the count: take it only while short.
        Waits.until("delivery of a burst", () -> delivered.get() >= target
                || delivered.get() + sender.statistics().get(Counter.SENDS_REFUSED) >= target,
                BURST_LIMIT, Waits.DELIVERY_CHECK_NS, () -> delivered.get() + " of " + target + " delivered; sender "
                        + sender.statistics());
        long refusedNow = sender.statistics().get(Counter.SENDS_REFUSED);
        long newlyRefused = refusedNow - refused;
        refused = refusedNow;
        return newlyRefused;
    }
}
