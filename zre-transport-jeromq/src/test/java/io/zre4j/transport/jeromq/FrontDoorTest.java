package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.zre4j.PeerId;
import io.zre4j.Zre;
import io.zre4j.ZreConfig;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import io.zre4j.core.ZreModule;
import io.zre4j.core.discovery.StaticDiscovery;
import io.zre4j.discovery.udp.UdpDiscoveryModule;
import io.zre4j.spi.DiscoveryProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ways in: the builder with providers found on the class path, Guice, and a swapped discovery. */
class FrontDoorTest {

    @Test
    void theBuilderFindsTheTransportAndDiscoveryOnTheClassPath() throws Exception {
        int port = LoopbackCluster.freeUdpPort();
        try (ZreNode alice = Zre.builder().name("alice").interfaceName("lo").beaconPort(port).build().start();
                ZreNode bob = Zre.builder().name("bob").interfaceName("lo").beaconPort(port).build().start()) {
            ZreEvent event = alice.poll(LoopbackCluster.PATIENCE).orElseThrow();
            assertThat(event).isInstanceOf(ZreEvent.Enter.class);
            assertThat(event.name()).isEqualTo("bob");
        }
    }

    @Test
    void guiceComposesTheCoreTransportAndDiscoveryModules() throws Exception {
        int port = LoopbackCluster.freeUdpPort();
        ZreConfig config = ZreConfig.loopback().newBuilder().beaconPort(port).beaconInterval(Duration.ofMillis(100)).build();
        Injector aliceInjector = Guice.createInjector(new ZreModule(config.newBuilder().name("alice").build()),
                new JeromqTransportModule(), new UdpDiscoveryModule());
        Injector bobInjector = Guice.createInjector(new ZreModule(config.newBuilder().name("bob").build()),
                new JeromqTransportModule(), new UdpDiscoveryModule());
        try (ZreNode alice = aliceInjector.getInstance(ZreNode.class).start();
                ZreNode bob = bobInjector.getInstance(ZreNode.class).start()) {
            assertThat(aliceInjector.getInstance(ZreNode.class)).isSameAs(alice);
            await().atMost(LoopbackCluster.PATIENCE).until(() -> alice.peers().contains(bob.uuid()));
        }
    }

    @Test
    void swappingDiscoveryForAStaticEndpointListIsOneLine() throws Exception {
        PeerId aliceId = PeerId.random();
        PeerId bobId = PeerId.random();
        String aliceEndpoint = "tcp://127.0.0.1:" + freeTcpPort();
        String bobEndpoint = "tcp://127.0.0.1:" + freeTcpPort();
        Map<PeerId, String> everyone = Map.of(aliceId, aliceEndpoint, bobId, bobEndpoint);

        try (ZreNode alice = Zre.builder().name("alice").uuid(aliceId).endpoint(aliceEndpoint)
                        .discovery(StaticDiscovery.provider(everyone)) // <- the one line
                        .build().start();
                ZreNode bob = Zre.builder().name("bob").uuid(bobId).endpoint(bobEndpoint)
                        .discovery(StaticDiscovery.provider(everyone))
                        .build().start()) {
            await().atMost(LoopbackCluster.PATIENCE).until(() -> alice.peers().contains(bobId) && bob.peers().contains(aliceId));
            alice.whispers(bobId, "no broadcast needed");
            ZreEvent.Whisper whisper = nextWhisper(bob);
            assertThat(whisper.content().text()).isEqualTo("no broadcast needed");

            // Static discovery cannot announce a departure, so a polite stop sends GOODBYE instead.
            alice.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> !bob.peers().contains(aliceId));
        }
    }

    @Test
    void withGuiceTheSameSwapIsOneBinding() throws Exception {
        PeerId aliceId = PeerId.random();
        String aliceEndpoint = "tcp://127.0.0.1:" + freeTcpPort();
        ZreConfig config = ZreConfig.builder().name("alice").uuid(aliceId).endpoint(aliceEndpoint).build();
        Injector injector = Guice.createInjector(new ZreModule(config), new JeromqTransportModule(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(DiscoveryProvider.class).toInstance(StaticDiscovery.provider(Map.of()));
                    }
                });
        try (ZreNode alice = injector.getInstance(ZreNode.class).start()) {
            assertThat(alice.endpoint()).isEqualTo(aliceEndpoint);
        }
    }

    private static ZreEvent.Whisper nextWhisper(ZreNode node) throws InterruptedException {
        long deadline = System.nanoTime() + LoopbackCluster.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            ZreEvent event = node.poll(Duration.ofMillis(200)).orElse(null);
            if (event instanceof ZreEvent.Whisper whisper) {
                return whisper;
            }
        }
        throw new AssertionError("no whisper arrived");
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
