package io.zre4j.core.engine;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreEvent;
import io.zre4j.core.codec.ZreCodec;
import io.zre4j.core.codec.ZreMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Real engines wired to each other in memory, with a virtual clock: the smallest network that lets a test
 * state a protocol behaviour. Links are FIFO and lossless; nothing moves until the test says so.
 */
final class EngineNet {

    long nowNs = 1_000_000_000L;
    private final Map<String, Node> byEndpoint = new HashMap<>();
    private final Deque<Delivery> inFlight = new ArrayDeque<>();
    private int nextPort = 40000;
    /** Messages handed to their receiver so far. */
    int delivered;

    record Delivery(Node from, Node to, List<byte[]> frames) {
    }

    /** One engine plus everything it did. */
    final class Node implements EngineOutput {
        final PeerId id;
        final String endpoint;
        final ZreEngine engine;
        final Counters counters = new Counters();
        final List<ZreEvent> events = new ArrayList<>();
        final Map<PeerId, String> links = new LinkedHashMap<>();
        final List<ZreMessage> sent = new ArrayList<>();
        boolean refuseSends;

        Node(ZreConfig config, PeerId id, String endpoint, boolean sendGoodbye) {
            this.id = id;
            this.endpoint = endpoint;
            this.engine = new ZreEngine(config, id, this, counters, sendGoodbye);
        }

        /** Makes the transport fail to open links, as when it is out of sockets. */
        boolean failConnects;

        @Override
        public void connect(PeerId peer, String peerEndpoint) {
            if (failConnects) {
                throw new IllegalStateException("out of sockets (on purpose)");
            }
            links.put(peer, peerEndpoint);
        }

        @Override
        public boolean send(PeerId peer, List<byte[]> frames) {
            String target = links.get(peer);
            if (target == null || refuseSends) {
                return false;
            }
            sent.add(ZreCodec.decode(frames));
            Node to = byEndpoint.get(target);
            if (to != null) {
                inFlight.add(new Delivery(this, to, List.copyOf(frames)));
            }
            return true;
        }

        @Override
        public void disconnect(PeerId peer) {
            links.remove(peer);
        }

        /** How many events the node had delivered when it said it leaves (the leave beacon); -1 before. */
        int departedAfterEvents = -1;
        /** How many messages its peers had been handed when it said it leaves. */
        int deliveredWhenDeparted = -1;

        @Override
        public void departing() {
            departedAfterEvents = events.size();
            deliveredWhenDeparted = delivered;
        }

        @Override
        public void event(ZreEvent event) {
            events.add(event);
        }

        /** Events of one type, in order. */
        <T extends ZreEvent> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
        }

        List<ZreEvent.EventType> eventTypes() {
            return events.stream().map(ZreEvent::type).collect(Collectors.toList());
        }

        /** Messages of one type this node sent, in order. */
        <T extends ZreMessage> List<T> sent(Class<T> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
        }

        /** This node hears the other's beacon. */
        void hears(Node other) {
            engine.handleBeacon(nowNs, other.id, other.endpoint);
        }

        /** A raw message arrives as if sent by {@code sender} on its link to us. */
        void receive(PeerId sender, ZreMessage message) {
            engine.handleMessage(nowNs, sender, ZreCodec.encode(message));
        }
    }

    Node node(String name) {
        return node(name, builder -> builder);
    }

    Node node(String name, UnaryOperator<ZreConfig.Builder> configure) {
        return node(name, PeerId.random(), configure, false);
    }

    Node node(String name, PeerId id, UnaryOperator<ZreConfig.Builder> configure, boolean sendGoodbye) {
        String endpoint = "tcp://127.0.0.1:" + nextPort++;
        Node node = new Node(configure.apply(ZreConfig.builder().name(name)).build(), id, endpoint, sendGoodbye);
        byEndpoint.put(endpoint, node);
        node.engine.start(nowNs, endpoint);
        return node;
    }

    /** Both nodes hear each other's beacons and every message is delivered. */
    void meet(Node a, Node b) {
        a.hears(b);
        b.hears(a);
        deliverAll();
    }

    /** Delivers every message in flight, including the answers they cause. */
    void deliverAll() {
        Delivery delivery;
        while ((delivery = inFlight.poll()) != null) {
            delivered++;
            delivery.to.engine.handleMessage(nowNs, delivery.from.id, delivery.frames);
        }
    }

    /** Drops every message in flight, as if the links had broken. */
    void loseInFlight() {
        inFlight.clear();
    }

    int inFlightCount() {
        return inFlight.size();
    }

    /** Advances virtual time, firing every engine's timers in order and delivering what they send. */
    void advance(Duration duration, Node... nodes) {
        run(duration, true, nodes);
    }

    /**
     * Advances time while nothing is delivered (a frozen peer, a stalled network); what is sent meanwhile
     * stays in flight, in order, like bytes in a TCP buffer.
     */
    void advanceUndelivered(Duration duration, Node... nodes) {
        run(duration, false, nodes);
    }

    private void run(Duration duration, boolean deliver, Node... nodes) {
        long end = nowNs + duration.toNanos();
        while (true) {
            long next = Long.MAX_VALUE;
            for (Node node : nodes) {
                long deadline = node.engine.deadlineNs();
                if (deadline != Long.MAX_VALUE && deadline - end <= 0 && (next == Long.MAX_VALUE || deadline - next < 0)) {
                    next = deadline;
                }
            }
            if (next == Long.MAX_VALUE) {
                break;
            }
            nowNs = Math.max(nowNs, next);
            for (Node node : nodes) {
                node.engine.handleTimeout(nowNs);
            }
            if (deliver) {
                deliverAll();
            }
        }
        nowNs = end;
    }
}
