package io.zre4j.core.discovery;

/**
 * How a discovery's {@code close()} waits for its own thread: a bounded time, and not at all when the thread
 * itself is closing (a listener called back into the node), since a thread cannot wait for its own end.
 */
public final class DiscoveryThreads {

    private DiscoveryThreads() {
    }

    /**
     * Waits up to {@code timeoutMs} for {@code thread} to end; keeps the caller's interrupt status.
     *
     * @param thread    the discovery's thread, or null if it never started
     * @param timeoutMs how long to wait
     * @return true if the thread has ended (or is the caller, which ends once the call returns), false if it
     *         is still running after the wait or the wait was interrupted
     */
    public static boolean awaitEnd(Thread thread, long timeoutMs) {
        if (thread == null || thread == Thread.currentThread()) {
            return true;
        }
        try {
            thread.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
