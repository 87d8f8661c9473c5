package io.zre4j.cli;

/**
 * Runs an action when the JVM is asked to end (Ctrl-C, SIGTERM), e.g. to stop a node politely so peers see
 * its EXIT at once instead of after the expiry timeout. {@link #remove()} unregisters it, so that commands
 * run in process (tests) leave nothing behind.
 */
final class ShutdownHook {

    private final Thread thread;

    private ShutdownHook(Runnable action) {
        thread = new Thread(action, "zre4j-shutdown");
    }

    /**
     * Registers {@code action} to run at shutdown.
     *
     * @param action what to do, quickly
     * @return the hook, to remove when the action is no longer wanted
     */
    static ShutdownHook install(Runnable action) {
        ShutdownHook hook = new ShutdownHook(action);
        Runtime.getRuntime().addShutdownHook(hook.thread);
        return hook;
    }

    /** Unregisters the hook (if the JVM is not already shutting down). */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run, as it should.
        }
    }
}
