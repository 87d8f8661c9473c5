package io.zre4j.core;

import io.zre4j.spi.Agent;
import io.zre4j.spi.AgentRunner;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production runner: one daemon thread per agent, looping {@code doWork()} and, when there was
 * nothing to do, {@code idle()}. Daemon, so that an application that forgets {@code close()} can still exit.
 */
public final class ThreadAgentRunner implements AgentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadAgentRunner.class);

    /** The runner; it holds no state, so one instance serves every node. */
    public static final ThreadAgentRunner INSTANCE = new ThreadAgentRunner();

    private static final long FAILURES_LOGGED_IN_FULL = 10;
    private static final long FAILURES_PER_LOG = 10_000;

    private ThreadAgentRunner() {
    }

    @Override
    public Running start(Agent agent) {
        Thread thread = new Thread(() -> run(agent), agent.roleName());
        thread.setDaemon(true);
        thread.start();
        return timeout -> {
            if (Thread.currentThread() == thread) {
                return false; // stop() called from an event listener: the loop ends once this callback returns
            }
            thread.join(Math.max(1, timeout.toMillis()));
            return !thread.isAlive();
        };
    }

    private static void run(Agent agent) {
        long failures = 0;
        try {
            while (!agent.isDone()) {
                try {
                    if (agent.doWork() == 0 && !agent.isDone()) {
                        agent.idle();
                    }
                } catch (RuntimeException | Error e) {
                    // Nothing may kill the node's thread silently, an Error included (running out of memory
                    // under a flood can pass once the flood is dropped): log it, drop what was being handled,
                    // carry on. A failure that repeats is logged in full only now and then.
                    failures++;
                    if (failures <= FAILURES_LOGGED_IN_FULL || failures % FAILURES_PER_LOG == 0) {
                        LOG.error("{}: unexpected failure ({} so far), continuing", agent.roleName(), failures, e);
                    }
                }
            }
        } finally {
            try {
                agent.onClose();
            } catch (RuntimeException | Error e) {
                LOG.warn("{}: failure while closing", agent.roleName(), e);
            }
        }
    }

    /**
     * How long {@code close()} waits for a node's thread, by default.
     *
     * @return the default wait
     */
    static Duration defaultJoinTimeout() {
        return Duration.ofSeconds(10);
    }
}
