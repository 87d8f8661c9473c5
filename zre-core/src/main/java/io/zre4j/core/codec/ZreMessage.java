package io.zre4j.core.codec;

import io.zre4j.Frames;
import io.zre4j.MessageType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ZRE v2 message, as it travels on a link: the header frame's fields plus, for WHISPER and SHOUT,
 * the content frames. {@link ZreCodec} turns these into frames and back.
 *
 * <p>{@code sequence} is the per-link cyclic counter (HELLO carries 1), an unsigned 16-bit value held in
 * an int; {@code status} is the sender's group-change counter, an unsigned byte held in an int.
 */
public sealed interface ZreMessage {

    /** The sequence number (0 to 65535). */
    int sequence();

    /** The message type. */
    MessageType type();

    /** The same message with another sequence number. */
    ZreMessage withSequence(int sequence);

    /** HELLO: greets a peer so it can connect back to us. */
    record Hello(int sequence, String endpoint, List<String> groups, int status, String name,
            Map<String, String> headers) implements ZreMessage {
        public Hello {
            checkSequence(sequence);
            Objects.requireNonNull(endpoint, "endpoint");
            groups = List.copyOf(groups);
            checkStatus(status);
            Objects.requireNonNull(name, "name");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            // LinkedHashMap takes null keys and values, which no wire encoding can carry.
            headers.forEach((key, value) -> {
                Objects.requireNonNull(key, "header key");
                Objects.requireNonNull(value, "header value");
            });
        }

        @Override
        public MessageType type() {
            return MessageType.HELLO;
        }

        @Override
        public Hello withSequence(int sequence) {
            return new Hello(sequence, endpoint, groups, status, name, headers);
        }
    }

    /** WHISPER: a message to one peer. */
    record Whisper(int sequence, Frames content) implements ZreMessage {
        public Whisper {
            checkSequence(sequence);
            Objects.requireNonNull(content, "content");
        }

        @Override
        public MessageType type() {
            return MessageType.WHISPER;
        }

        @Override
        public Whisper withSequence(int sequence) {
            return new Whisper(sequence, content);
        }
    }

    /** SHOUT: a message to a group. */
    record Shout(int sequence, String group, Frames content) implements ZreMessage {
        public Shout {
            checkSequence(sequence);
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public MessageType type() {
            return MessageType.SHOUT;
        }

        @Override
        public Shout withSequence(int sequence) {
            return new Shout(sequence, group, content);
        }
    }

    /** JOIN: the sender joined a group; status is its group counter after the change. */
    record Join(int sequence, String group, int status) implements ZreMessage {
        public Join {
            checkSequence(sequence);
            Objects.requireNonNull(group, "group");
            checkStatus(status);
        }

        @Override
        public MessageType type() {
            return MessageType.JOIN;
        }

        @Override
        public Join withSequence(int sequence) {
            return new Join(sequence, group, status);
        }
    }

    /** LEAVE: the sender left a group; status is its group counter after the change. */
    record Leave(int sequence, String group, int status) implements ZreMessage {
        public Leave {
            checkSequence(sequence);
            Objects.requireNonNull(group, "group");
            checkStatus(status);
        }

        @Override
        public MessageType type() {
            return MessageType.LEAVE;
        }

        @Override
        public Leave withSequence(int sequence) {
            return new Leave(sequence, group, status);
        }
    }

    /** PING: are you alive? */
    record Ping(int sequence) implements ZreMessage {
        public Ping {
            checkSequence(sequence);
        }

        @Override
        public MessageType type() {
            return MessageType.PING;
        }

        @Override
        public Ping withSequence(int sequence) {
            return new Ping(sequence);
        }
    }

    /** PING-OK: the answer to PING. */
    record PingOk(int sequence) implements ZreMessage {
        public PingOk {
            checkSequence(sequence);
        }

        @Override
        public MessageType type() {
            return MessageType.PING_OK;
        }

        @Override
        public PingOk withSequence(int sequence) {
            return new PingOk(sequence);
        }
    }

    /** ELECT: leader election challenge in a group; the challenger id is a uuid as 32 hex digits. */
    record Elect(int sequence, String group, String challengerId) implements ZreMessage {
        public Elect {
            checkSequence(sequence);
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(challengerId, "challengerId");
        }

        @Override
        public MessageType type() {
            return MessageType.ELECT;
        }

        @Override
        public Elect withSequence(int sequence) {
            return new Elect(sequence, group, challengerId);
        }
    }

    /** LEADER: the elected leader of a group; the leader id is a uuid as 32 hex digits. */
    record Leader(int sequence, String group, String leaderId) implements ZreMessage {
        public Leader {
            checkSequence(sequence);
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(leaderId, "leaderId");
        }

        @Override
        public MessageType type() {
            return MessageType.LEADER;
        }

        @Override
        public Leader withSequence(int sequence) {
            return new Leader(sequence, group, leaderId);
        }
    }

    /** GOODBYE: the sender is leaving (Zyre uses it in gossip mode). */
    record Goodbye(int sequence) implements ZreMessage {
        public Goodbye {
            checkSequence(sequence);
        }

        @Override
        public MessageType type() {
            return MessageType.GOODBYE;
        }

        @Override
        public Goodbye withSequence(int sequence) {
            return new Goodbye(sequence);
        }
    }

    private static void checkSequence(int sequence) {
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence must be 0 to 65535, got " + sequence);
        }
    }

    private static void checkStatus(int status) {
        if (status < 0 || status > 0xFF) {
            throw new IllegalArgumentException("status must be 0 to 255, got " + status);
        }
    }
}
