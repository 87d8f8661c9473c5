package io.zre4j.core.codec;

import java.util.Objects;

/**
 * One message of czmq's ZeroMQ Gossip protocol (ZGOSSIP version 1), which Zyre uses for discovery where
 * UDP broadcast does not reach: a client says {@link Hello} to a server and both {@link Publish} key/value
 * tuples; Zyre's tuples are (peer uuid, inbox endpoint). {@link GossipCodec} reads and writes them.
 */
public sealed interface GossipMessage {

    /** Client to server, first: "send me every tuple you have". */
    record Hello() implements GossipMessage {
    }

    /**
     * Either way: a tuple, new or changed.
     *
     * @param key   the tuple's key, at most 255 UTF-8 bytes (Zyre: the peer's uuid, 32 upper-case hex digits)
     * @param value the tuple's value (Zyre: the peer's inbox endpoint, then {@code |public-key} with CURVE)
     * @param ttlMs time to live in milliseconds, 0 to 2^32-1 (czmq sends 0 and ignores it)
     */
    record Publish(String key, String value, long ttlMs) implements GossipMessage {

        /** Checks the fields. */
        public Publish {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (ttlMs < 0 || ttlMs > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("ttl must be 0 to 2^32-1 ms, got " + ttlMs);
            }
        }
    }

    /** Client to server: "I am alive". */
    record Ping() implements GossipMessage {
    }

    /** Server to client: the answer to a {@link Ping}. */
    record Pong() implements GossipMessage {
    }

    /** Server to client: "I do not know you, say HELLO again". */
    record Invalid() implements GossipMessage {
    }
}
