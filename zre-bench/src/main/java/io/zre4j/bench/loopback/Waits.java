package io.zre4j.bench.loopback;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits for the loopback benchmarks. They park between checks rather than spin: on a 2-core machine
 * a spinning benchmark thread would take the CPU from the node threads it is waiting for.
 */
final class Waits {

    /** Between two checks of a delivery count: short against a burst (tens of milliseconds). */
    static final long DELIVERY_CHECK_NS = TimeUnit.MICROSECONDS.toNanos(50);
    /** Between two checks of membership, which changes at network pace. */
    static final long MEMBERSHIP_CHECK_NS = TimeUnit.MILLISECONDS.toNanos(5);

    private Waits() {
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @param what        what is awaited, for the error
     * @param condition   checked every {@code checkNs}
     * @param limit       the longest wait
     * @param checkNs     time between checks
     * @param diagnostics what to add to the error when the wait fails
     * @throws IllegalStateException if the condition does not hold in time
     */
    static void until(String what, BooleanSupplier condition, Duration limit, long checkNs, Supplier<String> diagnostics) {
        long deadlineNs = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadlineNs > 0) {
                throw new IllegalStateException(what + " did not happen within " + limit + ": " + diagnostics.get());
            }
            LockSupport.parkNanos(checkNs);
        }
    }
}
