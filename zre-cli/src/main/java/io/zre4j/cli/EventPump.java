package io.zre4j.cli;

import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that takes a node's events with {@link ZreNode#recv()} and hands each to a sink, until the node's
 * STOP event (the last one a node delivers). It keeps slow output (a full pipe, a slow terminal) off the
 * node's own thread, which an event listener must never block.
 */
final class EventPump {

    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);

    /** How long stopping may take: the node's own stop, then the last events reaching the sink. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private final ZreNode node;
    private final Thread thread;

    private EventPump(ZreNode node, Consumer<ZreEvent> sink) {
        this.node = node;
        thread = new Thread(() -> pump(node, sink), "zre4j-events-" + node.name());
        // Never the reason the JVM stays up: the command decides when to end.
        thread.setDaemon(true);
    }

    /**
     * Starts pumping.
     *
     * @param node the node, started
     * @param sink receives every event, in order, on the pump's thread
     * @return the running pump
     */
    static EventPump start(ZreNode node, Consumer<ZreEvent> sink) {
        EventPump pump = new EventPump(Objects.requireNonNull(node, "node"), Objects.requireNonNull(sink, "sink"));
        pump.thread.start();
        return pump;
    }

    private static void pump(ZreNode node, Consumer<ZreEvent> sink) {
        try {
            while (true) {
                ZreEvent event = node.recv();
                try {
                    sink.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("could not handle event {}", event.type(), e);
                }
                if (event instanceof ZreEvent.Stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // The node was closed and every event has been read.
            LOG.debug("event pump ends: {}", e.getMessage());
        }
    }

    /**
     * Stops the node politely and waits until the pump has handed over its last event (STOP). Idempotent,
     * and safe from a shutdown hook while another thread does the same.
     *
     * @return true if the pump finished in time
     */
    boolean stopNode() {
        node.stop();
        try {
            thread.join(STOP_PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
