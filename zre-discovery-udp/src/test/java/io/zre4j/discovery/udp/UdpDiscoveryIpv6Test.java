package io.zre4j.discovery.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.core.codec.Beacon;
import io.zre4j.discovery.udp.RecordingListener.Announced;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * IPv6 beacons go to ff02::1 on the interface. Linux's lo has no multicast route, so on an ordinary
 * host the first test is skipped and the second shows that the failing sends are survived. To run the
 * first one, give it an interface in a network namespace of your own, e.g. a veth end:
 * {@code -Dzre.test.ipv6.interface=v0} (never a real network's interface).
 */
class UdpDiscoveryIpv6Test {

    private static final String INTERFACE = System.getProperty("zre.test.ipv6.interface", "lo");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final int beaconPort = LoopbackUdp.freePort();
    private final List<UdpDiscovery> discoveries = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        discoveries.forEach(UdpDiscovery::close);
    }

    private RecordingListener start(String interfaceName, PeerId id, int inboxPort) {
        ZreConfig config = ZreConfig.builder().name("v6-" + inboxPort).interfaceName(interfaceName).ipv6(true)
                .beaconPort(beaconPort).beaconInterval(Duration.ofMillis(50)).build();
        UdpDiscovery discovery = new UdpDiscovery(config);
        discoveries.add(discovery);
        RecordingListener heard = new RecordingListener();
        discovery.start(id, "tcp://[::1]:" + inboxPort, heard);
        return heard;
    }

    @Test
    void ipv6DiscoveriesHearEachOtherOverTheAllNodesGroup() {
        assumeTrue(allNodesGroupReachable(INTERFACE), "ff02::1 is not reachable on " + INTERFACE);
        PeerId alice = PeerId.random();
        PeerId bob = PeerId.random();
        RecordingListener aliceHeard = start(INTERFACE, alice, 41001);
        RecordingListener bobHeard = start(INTERFACE, bob, 41002);

        await().atMost(PATIENCE).until(() -> aliceHeard.announcedPeers().contains(bob)
                && bobHeard.announcedPeers().contains(alice));

        assertThat(aliceHeard.callsOf(Announced.class)).first().extracting(Announced::endpoint).asString()
                .startsWith("tcp://[").endsWith("]:41002");
    }

    @Test
    void failingSendsDoNotStopTheDiscoveryFromListening() throws Exception {
        assumeTrue(hasIpv6("lo"), "lo has no IPv6 address");
        assumeFalse(allNodesGroupReachable("lo"), "ff02::1 is reachable on lo here, so sends do not fail");
        RecordingListener heard = start("lo", PeerId.random(), 41001);
        PeerId first = PeerId.random();
        PeerId second = PeerId.random();

        sendToLocalhost(new Beacon(first, 5555).encode());
        await().atMost(PATIENCE).until(() -> heard.announcedPeers().contains(first));
        sendToLocalhost(new Beacon(second, 5556).encode());
        await().atMost(PATIENCE).until(() -> heard.announcedPeers().contains(second));

        assertThat(heard.callsOf(Announced.class)).contains(new Announced(first, "tcp://[0:0:0:0:0:0:0:1]:5555"));
        assertThat(heard.sent).hasValue(0);
    }

    private void sendToLocalhost(byte[] datagram) throws IOException {
        InetAddress localhost = InetAddress.getByName("::1");
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(localhost, 0))) {
            socket.send(new DatagramPacket(datagram, datagram.length, localhost, beaconPort));
        }
    }

    /** Whether the kernel routes a datagram to ff02::1 on the interface (probing sends one byte there). */
    private static boolean allNodesGroupReachable(String interfaceName) {
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            NetworkInterface nif = NetworkInterface.getByName(interfaceName);
            if (nif == null) {
                return false;
            }
            probe.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            InetAddress group = Inet6Address.getByAddress(null, InetAddress.getByName("ff02::1").getAddress(), nif);
            probe.send(ByteBuffer.wrap(new byte[1]), new InetSocketAddress(group, LoopbackUdp.freePort()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasIpv6(String interfaceName) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(interfaceName);
            return nif != null && nif.inetAddresses().anyMatch(Inet6Address.class::isInstance);
        } catch (IOException e) {
            return false;
        }
    }
}
