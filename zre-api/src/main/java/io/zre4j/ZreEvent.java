package io.zre4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened on the network, as seen by one node. Every event names the peer it is
 * about (its uuid and name); switch over the records to handle each kind:
 *
 * <pre>{@code
 * ZreEvent event = node.recv();
 * if (event instanceof ZreEvent.Enter e) {
 *     System.out.println(e.name() + " entered from " + e.address());
 * } else if (event instanceof ZreEvent.Shout s) {
 *     System.out.println(s.name() + " in " + s.group() + ": " + s.content().text());
 * }
 * }</pre>
 *
 * <p>Order per peer: ENTER comes first, then one JOIN per group the peer was already in, then the
 * peer's traffic in the order it was sent, and EXIT last.
 */
public sealed interface ZreEvent {

    /**
     * The peer this event is about (for {@link Stop}, this node itself).
     *
     * @return the peer's identity
     */
    PeerId peer();

    /**
     * The name of the peer this event is about.
     *
     * @return the peer's name
     */
    String name();

    /**
     * The kind of event, as Zyre names it in the first frame of its events.
     *
     * @return the event type
     */
    EventType type();

    /** The kinds of event, named as Zyre names them. */
    enum EventType {
        /** A peer was discovered and greeted us. */
        ENTER,
        /** A peer left, politely or by expiring. */
        EXIT,
        /** A peer joined a group. */
        JOIN,
        /** A peer left a group. */
        LEAVE,
        /** A peer sent us a message. */
        WHISPER,
        /** A peer sent a message to a group we are in. */
        SHOUT,
        /** A peer has been quiet for the evasive timeout; it was pinged. */
        EVASIVE,
        /** A peer did not answer the ping sent when it became evasive. */
        SILENT,
        /** A group elected its leader. */
        LEADER,
        /** This node stopped. */
        STOP
    }

    /**
     * A peer entered: it greeted us with HELLO.
     *
     * @param peer    the peer's identity
     * @param name    the peer's name
     * @param headers the headers the peer announced, in the order it sent them; unmodifiable
     * @param address the endpoint the peer announced, e.g. {@code tcp://192.168.1.7:49152}
     */
    record Enter(PeerId peer, String name, Map<String, String> headers, String address) implements ZreEvent {
        /** Validates and freezes the fields. */
        public Enter {
            requirePeer(peer, name);
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
            Objects.requireNonNull(address, "address");
        }

        @Override
        public EventType type() {
            return EventType.ENTER;
        }
    }

    /**
     * A peer exited: it stopped politely, expired, or was dropped after losing messages.
     *
     * @param peer the peer's identity
     * @param name the peer's name
     */
    record Exit(PeerId peer, String name) implements ZreEvent {
        /** Validates the fields. */
        public Exit {
            requirePeer(peer, name);
        }

        @Override
        public EventType type() {
            return EventType.EXIT;
        }
    }

    /**
     * A peer joined a group.
     *
     * @param peer  the peer's identity
     * @param name  the peer's name
     * @param group the group
     */
    record Join(PeerId peer, String name, String group) implements ZreEvent {
        /** Validates the fields. */
        public Join {
            requirePeer(peer, name);
            Objects.requireNonNull(group, "group");
        }

        @Override
        public EventType type() {
            return EventType.JOIN;
        }
    }

    /**
     * A peer left a group.
     *
     * @param peer  the peer's identity
     * @param name  the peer's name
     * @param group the group
     */
    record Leave(PeerId peer, String name, String group) implements ZreEvent {
        /** Validates the fields. */
        public Leave {
            requirePeer(peer, name);
            Objects.requireNonNull(group, "group");
        }

        @Override
        public EventType type() {
            return EventType.LEAVE;
        }
    }

    /**
     * A peer sent a message to this node.
     *
     * @param peer    the sender's identity
     * @param name    the sender's name
     * @param content the frames, intact
     */
    record Whisper(PeerId peer, String name, Frames content) implements ZreEvent {
        /** Validates the fields. */
        public Whisper {
            requirePeer(peer, name);
            Objects.requireNonNull(content, "content");
        }

        @Override
        public EventType type() {
            return EventType.WHISPER;
        }
    }

    /**
     * A peer sent a message to a group this node is in.
     *
     * @param peer    the sender's identity
     * @param name    the sender's name
     * @param group   the group
     * @param content the frames, intact
     */
    record Shout(PeerId peer, String name, String group, Frames content) implements ZreEvent {
        /** Validates the fields. */
        public Shout {
            requirePeer(peer, name);
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public EventType type() {
            return EventType.SHOUT;
        }
    }

    /**
     * A peer has sent nothing for the evasive timeout and did not answer an earlier probe; it was pinged.
     *
     * @param peer the peer's identity
     * @param name the peer's name
     */
    record Evasive(PeerId peer, String name) implements ZreEvent {
        /** Validates the fields. */
        public Evasive {
            requirePeer(peer, name);
        }

        @Override
        public EventType type() {
            return EventType.EVASIVE;
        }
    }

    /**
     * A peer did not answer the ping sent when it became evasive: the link or the peer is in trouble.
     *
     * @param peer the peer's identity
     * @param name the peer's name
     */
    record Silent(PeerId peer, String name) implements ZreEvent {
        /** Validates the fields. */
        public Silent {
            requirePeer(peer, name);
        }

        @Override
        public EventType type() {
            return EventType.SILENT;
        }
    }

    /**
     * A group elected its leader (only for groups this node contests, see {@link ZreNode#contest}).
     *
     * @param peer  the leader's identity (possibly this node's own)
     * @param name  the leader's name
     * @param group the group
     */
    record Leader(PeerId peer, String name, String group) implements ZreEvent {
        /** Validates the fields. */
        public Leader {
            requirePeer(peer, name);
            Objects.requireNonNull(group, "group");
        }

        @Override
        public EventType type() {
            return EventType.LEADER;
        }
    }

    /**
     * This node stopped; it is the last event a node delivers.
     *
     * @param peer this node's identity
     * @param name this node's name
     */
    record Stop(PeerId peer, String name) implements ZreEvent {
        /** Validates the fields. */
        public Stop {
            requirePeer(peer, name);
        }

        @Override
        public EventType type() {
            return EventType.STOP;
        }
    }

    private static void requirePeer(PeerId peer, String name) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(name, "name");
    }
}
