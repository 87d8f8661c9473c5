package io.zre4j;

/**
 * Receives a node's events as they happen, on the node's own thread.
 *
 * <p>Contract: be fast and never block (hand long work to your own executor); an exception thrown here
 * is caught, logged and counted ({@link Counter#LISTENER_FAILURES}), and the node carries on.
 */
@FunctionalInterface
public interface ZreEventListener {

    /**
     * Called once per event, in order.
     *
     * @param event the event
     */
    void onEvent(ZreEvent event);
}
