package io.zre4j.transport.jeromq;


import io.zre4j.PeerId;
import io.zre4j.Zre;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Real nodes (JeroMQ transport, UDP beacons) on loopback only: interface {@code lo}, a free random beacon
 * port per cluster (never 5670, so parallel tests never hear each other), short timers. Records every
 * event each node delivers; closes every node afterwards.
 */
final class LoopbackCluster implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    final int beaconPort = freeUdpPort();
    private final List<ZreNode> nodes = new ArrayList<>();
    private final Map<PeerId, List<ZreEvent>> events = new ConcurrentHashMap<>();

    /** A started node with fast beacons and short liveness timers. */
    ZreNode start(String name) {
        return start(name, builder -> builder);
    }

    ZreNode start(String name, UnaryOperator<Zre.NodeBuilder> configure) {
        ZreNode node = configure.apply(Zre.builder().name(name).interfaceName("lo").beaconPort(beaconPort)
                .beaconInterval(Duration.ofMillis(100)).evasiveTimeout(Duration.ofMillis(600))
                .expiredTimeout(Duration.ofMillis(2000))).build();
        List<ZreEvent> seen = new CopyOnWriteArrayList<>();
        events.put(node.uuid(), seen);
        node.onEvent(seen::add);
        nodes.add(node);
        return node.start();
    }

    /** Everything a node delivered so far. */
    List<ZreEvent> events(ZreNode node) {
        return events.get(node.uuid());
    }

    <T extends ZreEvent> List<T> events(ZreNode node, Class<T> type) {
        return events(node).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits (bounded) until the node has delivered an event matching {@code predicate}, and returns it. */
    <T extends ZreEvent> T awaitEvent(ZreNode node, Class<T> type, Predicate<T> predicate) {
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> find(node, type, predicate).isPresent());
        return find(node, type, predicate).orElseThrow();
    }

    private <T extends ZreEvent> Optional<T> find(ZreNode node, Class<T> type, Predicate<T> predicate) {
        return events(node, type).stream().filter(predicate).findFirst();
    }

    /** Waits until every node knows every other node. */
    void awaitFullMembership() {
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> nodes.stream().allMatch(node -> node.peers().size() == nodes.size() - 1));
    }

    @Override
    public void close() {
        nodes.forEach(ZreNode::close);
    }

    static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            return port == 5670 ? freeUdpPort() : port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
