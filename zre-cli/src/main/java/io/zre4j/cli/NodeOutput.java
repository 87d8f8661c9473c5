package io.zre4j.cli;

import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.util.List;

/**
 * Where the {@code node} command writes: one line per item, flushed at once. Called from the event pump and
 * from the stdin reader, so implementations are thread-safe.
 */
interface NodeOutput {

    /**
     * The node started.
     *
     * @param node the node
     */
    void ready(ZreNode node);

    /**
     * An event arrived.
     *
     * @param event the event
     */
    void event(ZreEvent event);

    /**
     * The answer to {@code peers}.
     *
     * @param peers the known peers
     */
    void peers(List<PeerInfo> peers);
}
