package io.zre4j.spi;

import java.time.Duration;

/**
 * Runs {@link Agent}s. The default gives each agent a thread that loops {@code doWork()} and
 * {@code idle()}; the simulator steps every agent of a scenario on one thread in virtual time.
 *
 * <p>Thread-safety: {@link #start} may be called from any thread.
 */
@FunctionalInterface
public interface AgentRunner {

    /**
     * Starts running an agent until it is done.
     *
     * @param agent the agent
     * @return a handle to wait for the agent to finish
     */
    Running start(Agent agent);

    /** A started agent. */
    @FunctionalInterface
    interface Running {
        /**
         * Waits until the agent is done and closed.
         *
         * @param timeout the longest wait
         * @return true if the agent finished in time
         * @throws InterruptedException if interrupted while waiting
         */
        boolean awaitTermination(Duration timeout) throws InterruptedException;
    }
}
