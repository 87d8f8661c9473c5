package io.zre4j.core.engine;

/**
 * Lets one warning a second through: hostile or broken input must be counted every time, but must not be
 * able to flood the log. Not thread-safe: one per thread of control.
 */
public final class LogBudget {

    private static final long PERIOD_NS = 1_000_000_000L;

    private long lastNs;
    private boolean used;
    private long suppressed;

    /**
     * Whether a warning may be logged now; if not, it is counted as suppressed.
     *
     * @param nowNs the current time
     * @return true at most once a second
     */
    public boolean allow(long nowNs) {
        if (!used || nowNs - lastNs >= PERIOD_NS) {
            used = true;
            lastNs = nowNs;
            return true;
        }
        suppressed++;
        return false;
    }

    /**
     * How many warnings were held back since the last call, for a "(and N more)" note.
     *
     * @return the number held back, then reset to zero
     */
    public long takeSuppressed() {
        long count = suppressed;
        suppressed = 0;
        return count;
    }
}
