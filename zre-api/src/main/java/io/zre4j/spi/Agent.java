package io.zre4j.spi;

/**
 * A unit of single-threaded work, in the style of Agrona's agents: a node is one agent. An
 * {@link AgentRunner} decides who calls it: a dedicated thread in production, the simulator's single
 * thread in a simulation.
 *
 * <p>Threading: a runner calls these methods from one thread at a time, never concurrently.
 */
public interface Agent {

    /**
     * A name for the thread or trace, e.g. {@code zre-node-alice}.
     *
     * @return the agent's name
     */
    String roleName();

    /**
     * Does whatever is due now: applies queued commands, handles received input, fires timers. Never blocks.
     *
     * @return the amount of work done; 0 when there was nothing to do
     */
    int doWork();

    /**
     * Blocks until input may be ready, someone wakes the agent, or {@link #deadlineNs()} passes. Runners
     * that drive time themselves (the simulator) never call this.
     */
    void idle();

    /**
     * When the agent next needs to run even if no input arrives, on its {@link Clock}.
     *
     * @return the deadline in clock nanoseconds, or {@link Long#MAX_VALUE} when there is none
     */
    long deadlineNs();

    /**
     * Whether the agent has finished for good; the runner then calls {@link #onClose()} and lets go.
     *
     * @return true once the agent is done
     */
    boolean isDone();

    /** Called once, on the agent's thread, after it is done: release what the agent's thread owns. */
    void onClose();
}
