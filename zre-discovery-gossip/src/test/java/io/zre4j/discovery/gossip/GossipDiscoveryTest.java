package io.zre4j.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zre4j.Counter;
import io.zre4j.PeerId;
import io.zre4j.Zre;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNetworkException;
import io.zre4j.ZreNode;
import io.zre4j.core.codec.GossipMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real nodes (JeroMQ transport) finding each other by gossip on loopback, and the gossip wire spoken by hand
 * as czmq speaks it. Every node binds its inbox on {@code lo}; every gossip endpoint is a free loopback port.
 */
class GossipDiscoveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<ZreNode> nodes = new ArrayList<>();
    private final Map<PeerId, List<ZreEvent>> events = new ConcurrentHashMap<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(ZreNode::close);
    }

    private ZreNode start(String name, GossipDiscoveryProvider gossip) {
        ZreNode node = Zre.builder().name(name).interfaceName("lo").beaconInterval(Duration.ofMillis(100))
                .evasiveTimeout(Duration.ofMillis(600)).expiredTimeout(Duration.ofSeconds(3))
                .discovery(gossip).build();
        nodes.add(node);
        List<ZreEvent> seen = new CopyOnWriteArrayList<>();
        events.put(node.uuid(), seen);
        node.onEvent(seen::add);
        return node.start();
    }

    private <T extends ZreEvent> List<T> events(ZreNode node, Class<T> type) {
        return events.get(node.uuid()).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String freeEndpoint() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nodesThatConnectToAHubMeetTheHubAndEachOther() {
        String hubEndpoint = freeEndpoint();
        ZreNode hub = start("hub", GossipDiscovery.bind(hubEndpoint));
        ZreNode alice = start("alice", GossipDiscovery.connect(hubEndpoint));
        ZreNode bob = start("bob", GossipDiscovery.connect(hubEndpoint));

        await().atMost(PATIENCE).until(() -> nodes.stream().allMatch(node -> node.peers().size() == 2));

        assertThat(alice.peers()).containsExactlyInAnyOrder(hub.uuid(), bob.uuid());
        assertThat(bob.peers()).containsExactlyInAnyOrder(hub.uuid(), alice.uuid());
        assertThat(hub.peers()).containsExactlyInAnyOrder(alice.uuid(), bob.uuid());
        assertThat(alice.peerAddress(bob.uuid())).contains(bob.endpoint());
    }

    @Test
    void aChainOfHubsPassesTuplesAlong() {
        String first = freeEndpoint();
        String second = freeEndpoint();
        ZreNode left = start("left", GossipDiscovery.bind(first));
        ZreNode middle = start("middle", GossipDiscovery.bind(second).connect(first));
        ZreNode right = start("right", GossipDiscovery.connect(second));

        await().atMost(PATIENCE).until(() -> nodes.stream().allMatch(node -> node.peers().size() == 2));

        assertThat(left.peers()).contains(right.uuid());
        assertThat(right.peers()).contains(left.uuid(), middle.uuid());
    }

    @Test
    void aNodeLeavingPolitelySaysGoodbyeSoItsPeersSeeItExitBeforeItExpires() {
        String hubEndpoint = freeEndpoint();
        ZreNode hub = start("hub", GossipDiscovery.bind(hubEndpoint));
        ZreNode alice = start("alice", GossipDiscovery.connect(hubEndpoint));
        await().atMost(PATIENCE).until(() -> hub.peers().contains(alice.uuid()));

        alice.stop();

        await().atMost(PATIENCE).until(() -> !events(hub, ZreEvent.Exit.class).isEmpty());
        assertThat(events(hub, ZreEvent.Exit.class)).containsExactly(new ZreEvent.Exit(alice.uuid(), "alice"));
        assertThat(hub.statistics().get(Counter.PEERS_EXPIRED)).isZero();
    }

    @Test
    void theHubGivesANewClientEveryTupleAndAnswersItsPings() {
        String hubEndpoint = freeEndpoint();
        ZreNode hub = start("hub", GossipDiscovery.bind(hubEndpoint));

        try (RawGossipPeer client = RawGossipPeer.clientOf(hubEndpoint)) {
            client.send(new GossipMessage.Hello());
            assertThat(client.receive()).isEqualTo(new GossipMessage.Publish(hub.uuid().toString(), hub.endpoint(), 0));

            client.send(new GossipMessage.Ping());
            assertThat(client.receive()).isEqualTo(new GossipMessage.Pong());
        }
    }

    @Test
    void aClientThatPublishesBeforeHelloIsToldInvalidButItsTupleIsKept() {
        String hubEndpoint = freeEndpoint();
        ZreNode hub = start("hub", GossipDiscovery.bind(hubEndpoint));

        try (RawGossipPeer client = RawGossipPeer.clientOf(hubEndpoint)) {
            client.send(new GossipMessage.Publish("config/colour", "blue", 0));
            assertThat(client.receive()).isEqualTo(new GossipMessage.Invalid());

            client.send(new GossipMessage.Hello());
            assertThat(client.receiveUntil(message -> message.equals(new GossipMessage.Publish("config/colour", "blue", 0))))
                    .contains(new GossipMessage.Publish(hub.uuid().toString(), hub.endpoint(), 0));
        }
    }

    @Test
    void aTupleFromAClientNamingAZreNodeMakesTheHubConnectToIt() {
        String hubEndpoint = freeEndpoint();
        ZreNode hub = start("hub", GossipDiscovery.bind(hubEndpoint));
        // carol gossips nowhere useful: only the hand-written tuple tells the hub about her.
        ZreNode carol = start("carol", GossipDiscovery.bind(freeEndpoint()));

        try (RawGossipPeer client = RawGossipPeer.clientOf(hubEndpoint)) {
            client.send(new GossipMessage.Hello());
            client.send(new GossipMessage.Publish(carol.uuid().toString(), carol.endpoint(), 0));

            await().atMost(PATIENCE).until(() -> hub.peers().contains(carol.uuid()) && carol.peers().contains(hub.uuid()));
        }
    }

    @Test
    void aNodeGreetsItsServerPublishesItselfPingsAndGreetsAgainWhenToldInvalid() {
        String serverEndpoint = freeEndpoint();
        try (RawGossipPeer server = RawGossipPeer.serverAt(serverEndpoint)) {
            ZreNode alice = start("alice", GossipDiscovery.connect(serverEndpoint));
            GossipMessage ownTuple = new GossipMessage.Publish(alice.uuid().toString(), alice.endpoint(), 0);

            assertThat(server.receive()).isEqualTo(new GossipMessage.Hello());
            assertThat(server.receive()).isEqualTo(ownTuple);
            assertThat(server.receive()).isEqualTo(new GossipMessage.Ping());

            server.send(new GossipMessage.Invalid());
            List<GossipMessage> after = server.receiveUntil(ownTuple::equals);
            assertThat(after).contains(new GossipMessage.Hello());
        }
    }

    @Test
    void aTupleFromTheServerMakesTheNodeConnectToThatPeer() {
        String serverEndpoint = freeEndpoint();
        ZreNode carol = start("carol", GossipDiscovery.bind(freeEndpoint()));
        try (RawGossipPeer server = RawGossipPeer.serverAt(serverEndpoint)) {
            ZreNode alice = start("alice", GossipDiscovery.connect(serverEndpoint));
            server.receive(); // HELLO: now the server can answer

            server.send(new GossipMessage.Publish(carol.uuid().toString(), carol.endpoint(), 0));

            await().atMost(PATIENCE).until(() -> alice.peers().contains(carol.uuid()) && carol.peers().contains(alice.uuid()));
            assertThat(events(alice, ZreEvent.Enter.class)).extracting(ZreEvent.Enter::name).containsExactly("carol");
        }
    }

    @Test
    void garbageAtTheHubIsDroppedAndCountedAndTheHubServesOthers() {
        String hubEndpoint = freeEndpoint();
        ZreNode hub = start("hub", GossipDiscovery.bind(hubEndpoint));

        try (RawGossipPeer vandal = RawGossipPeer.clientOf(hubEndpoint)) {
            vandal.sendRaw("garbage".getBytes(StandardCharsets.US_ASCII));
            vandal.sendRaw(new byte[] {(byte) 0xAA, (byte) 0xA0, 2, 1, 9, 'k'}); // a key past the end
            vandal.sendRaw(new byte[] {(byte) 0xAA, (byte) 0xA0, 1, 1}, new byte[] {1}); // two frames
            vandal.sendRaw(new byte[0]);
            await().atMost(PATIENCE).until(() -> hub.statistics().get(Counter.BEACONS_MALFORMED) >= 4);
        }
        ZreNode alice = start("alice", GossipDiscovery.connect(hubEndpoint));
        await().atMost(PATIENCE).until(() -> hub.peers().contains(alice.uuid()) && alice.peers().contains(hub.uuid()));
    }

    @Test
    void tuplesThatAreNotZrePeersArePassedOnButNotConnectedTo() {
        String hubEndpoint = freeEndpoint();
        ZreNode hub = start("hub", GossipDiscovery.bind(hubEndpoint));

        try (RawGossipPeer client = RawGossipPeer.clientOf(hubEndpoint);
             RawGossipPeer listener = RawGossipPeer.clientOf(hubEndpoint)) {
            listener.send(new GossipMessage.Hello());
            listener.receive(); // the hub's own tuple
            client.send(new GossipMessage.Hello());
            client.send(new GossipMessage.Publish(PeerId.random().toString(), "tcp://127.0.0.1:1|CURVEPUBLICKEY", 0));
            client.send(new GossipMessage.Publish(PeerId.random().toString(), "not an endpoint", 0));
            client.send(new GossipMessage.Publish("sensor/7", "42", 0));

            assertThat(listener.receiveUntil(message -> message instanceof GossipMessage.Publish publish
                    && publish.key().equals("sensor/7"))).hasSize(3);
            await().atMost(PATIENCE).until(() -> hub.statistics().get(Counter.BEACONS_IGNORED) == 1
                    && hub.statistics().get(Counter.BEACONS_MALFORMED) == 1);
            assertThat(hub.peers()).isEmpty();
        }
    }

    @Test
    void aFloodOfTuplesIsCappedAndTheHubServesOn() {
        String hubEndpoint = freeEndpoint();
        ZreNode hub = start("hub", GossipDiscovery.bind(hubEndpoint));
        int extra = 25;

        try (RawGossipPeer flooder = RawGossipPeer.clientOf(hubEndpoint)) {
            for (int i = 0; i < GossipLoop.MAX_TUPLES + extra; i++) {
                flooder.send(new GossipMessage.Publish("flood/" + i, "x", 0)); // not greeted: no echo back
            }
            await().atMost(PATIENCE).until(() -> hub.statistics().get(Counter.BEACONS_IGNORED) >= extra);
        }
        // The hub's own tuple is one of the MAX_TUPLES, so exactly `extra` + 1 floods were refused.
        assertThat(hub.statistics().get(Counter.BEACONS_IGNORED)).isEqualTo(extra + 1);
        ZreNode alice = start("alice", GossipDiscovery.connect(hubEndpoint));
        await().atMost(PATIENCE).until(() -> hub.peers().contains(alice.uuid()) && alice.peers().contains(hub.uuid()));
    }

    @Test
    void aGossipEndpointThatCannotBeBoundIsAClearNetworkError() {
        String taken = freeEndpoint();
        start("first", GossipDiscovery.bind(taken));

        assertThatThrownBy(() -> start("second", GossipDiscovery.bind(taken)))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining(taken);
    }

    @Test
    void aProviderNeedsAnEndpointAndChecksEachOne() {
        assertThatThrownBy(() -> GossipDiscovery.connect("10.0.0.1:5670"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://host:port");
        assertThatThrownBy(() -> GossipDiscovery.bind())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void closingNodesReleasesTheGossipThreads() {
        String hubEndpoint = freeEndpoint();
        for (int i = 0; i < 10; i++) {
            ZreNode hub = start("hub" + i, GossipDiscovery.bind(hubEndpoint));
            ZreNode client = start("client" + i, GossipDiscovery.connect(hubEndpoint));
            client.close();
            hub.close();
        }

        await().atMost(PATIENCE).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith(GossipDiscovery.THREAD_NAME_PREFIX)));
    }
}
