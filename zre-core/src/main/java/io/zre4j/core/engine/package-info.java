/**
 * The ZRE protocol engine: one single-threaded state machine holding all ZRE v2 behaviour.
 *
 * <p>Contract, as in quinn-proto: the engine is deterministic, does no I/O, starts no thread and never
 * reads a clock. Time is a parameter of every input ({@code handle…(nowNs, …)}); {@link
 * io.zre4j.core.engine.ZreEngine#deadlineNs()} says when it next wants {@code handleTimeout}, and a
 * spurious timeout is harmless. Four kinds of methods:
 * <ul>
 *   <li>inputs: {@code handleBeacon}, {@code handlePeerLeaving}, {@code handleMessage}, {@code handleTimeout};</li>
 *   <li>commands: {@code start}, {@code join}, {@code leave}, {@code shout}, {@code whisper}, {@code stop};</li>
 *   <li>outputs: effects handed synchronously, in order, to the {@link io.zre4j.core.engine.EngineOutput}
 *       given at construction (connect, send, disconnect, event);</li>
 *   <li>getters: peers, groups, endpoint.</li>
 * </ul>
 * Outputs are synchronous calls rather than a queue to poll because a send refused by the transport
 * (high-water mark) must not consume a sequence number: the engine needs the answer at once, or the peer
 * would see a gap and drop us.
 *
 * <p>The same engine runs in production (driven by the node's thread over JeroMQ and UDP) and in the
 * simulator (hundreds of engines on one thread in virtual time).
 */
package io.zre4j.core.engine;
