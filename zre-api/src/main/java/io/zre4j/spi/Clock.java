package io.zre4j.spi;

/**
 * The time source of a node: monotonic nanoseconds, like {@link System#nanoTime()}. The simulator
 * supplies a virtual clock so that a 30-second expiry costs no wall time.
 *
 * <p>Thread-safety: implementations must be safe to call from any thread.
 */
@FunctionalInterface
public interface Clock {

    /**
     * The current time in nanoseconds. Only differences between values are meaningful; compare them by
     * subtraction ({@code a - b > 0}), never with {@code <}, so that wrap-around is harmless.
     *
     * @return monotonic nanoseconds
     */
    long nanoTime();

    /**
     * The system's monotonic clock.
     *
     * @return a clock reading {@link System#nanoTime()}
     */
    static Clock system() {
        return System::nanoTime;
    }
}
