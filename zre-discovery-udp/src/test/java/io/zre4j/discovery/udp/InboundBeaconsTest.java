package io.zre4j.discovery.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.core.codec.Beacon;
import io.zre4j.discovery.udp.RecordingListener.Announced;
import io.zre4j.discovery.udp.RecordingListener.Ignored;
import io.zre4j.discovery.udp.RecordingListener.Leaving;
import io.zre4j.discovery.udp.RecordingListener.Malformed;
import io.zre4j.spi.NetworkSelection;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How datagrams on the beacon port become listener calls; no socket involved. */
class InboundBeaconsTest {

    private static final NetworkSelection LOOPBACK = NetworkSelection.select(ZreConfig.loopback(), Map.of());
    private static final InetSocketAddress FROM_LOOPBACK = new InetSocketAddress("127.0.0.1", 5670);

    private final PeerId self = PeerId.random();
    private final PeerId peer = PeerId.random();
    private final RecordingListener heard = new RecordingListener();
    private final InboundBeacons inbound =
            new InboundBeacons(self, LinkScope.of(LOOPBACK), LOOPBACK.networkInterface(), heard);

    private void receive(InetSocketAddress source, byte[] datagram) {
        byte[] buffer = new byte[512];
        System.arraycopy(datagram, 0, buffer, 0, datagram.length);
        inbound.onDatagram(source, buffer, datagram.length);
    }

    @Test
    void beaconIsAnnouncedWithTheSourceAddressAndTheAnnouncedPort() {
        receive(new InetSocketAddress("127.0.0.9", 5670), new Beacon(peer, 41012).encode());

        assertThat(heard.calls).containsExactly(new Announced(peer, "tcp://127.0.0.9:41012"));
    }

    @Test
    void beaconWithPortZeroIsALeave() {
        receive(FROM_LOOPBACK, new Beacon(peer, 0).encode());

        assertThat(heard.calls).containsExactly(new Leaving(peer));
    }

    @Test
    void ownBeaconIsDroppedSilently() {
        receive(FROM_LOOPBACK, new Beacon(self, 41012).encode());
        receive(FROM_LOOPBACK, new Beacon(self, 0).encode());

        assertThat(heard.calls).isEmpty();
    }

    @Test
    void otherVersionOfTheUsualSizeIsMalformed() {
        byte[] version2 = new Beacon(peer, 41012).encode();
        version2[3] = 2;

        receive(FROM_LOOPBACK, version2);

        assertThat(heard.callsOf(Malformed.class)).singleElement()
                .extracting(Malformed::reason).isEqualTo(Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void curveBeaconIsIgnored() {
        byte[] curve = new byte[InboundBeacons.CURVE_BEACON_SIZE];
        System.arraycopy(new Beacon(peer, 41012).encode(), 0, curve, 0, Beacon.SIZE);
        curve[3] = 3;

        receive(FROM_LOOPBACK, curve);

        assertThat(heard.callsOf(Ignored.class)).singleElement().extracting(Ignored::detail).asString()
                .contains("CURVE");
    }

    @Test
    void malformedDetailNamesTheSenderWithoutRepeatingTheReason() {
        receive(new InetSocketAddress("127.0.0.9", 6000), new byte[] {1, 2, 3});

        Malformed malformed = heard.callsOf(Malformed.class).get(0);
        assertThat(malformed.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(malformed.detail()).contains("127.0.0.9 port 6000").doesNotStartWith("BAD_SIGNATURE");
    }

    @Test
    void beaconFromAnotherLinkIsIgnored() {
        // 198.51.100.0/24 is reserved for documentation: never the address of lo.
        receive(new InetSocketAddress("198.51.100.7", 5670), new Beacon(peer, 41012).encode());

        assertThat(heard.callsOf(Ignored.class)).singleElement().extracting(Ignored::detail).asString()
                .contains("198.51.100.7").contains("not on interface lo");
        assertThat(heard.announcedPeers()).isEmpty();
    }
}
