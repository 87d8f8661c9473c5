package io.zre4j.discovery.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void portIsReadFromAnIpv4Endpoint() {
        assertThat(Endpoints.portOf("tcp://127.0.0.1:41012")).isEqualTo(41012);
    }

    @Test
    void portIsReadFromAnIpv6Endpoint() {
        assertThat(Endpoints.portOf("tcp://[fe80::1%eth0]:41012")).isEqualTo(41012);
    }

    @Test
    void endpointWithoutABoundPortIsRejected() {
        for (String bad : new String[] {"tcp://127.0.0.1:*", "tcp://127.0.0.1:0", "tcp://127.0.0.1:70000",
                "tcp://127.0.0.1", "udp://127.0.0.1:5", "tcp://:5"}) {
            assertThatThrownBy(() -> Endpoints.portOf(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void ipv4PeerEndpointIsAddressAndPort() throws Exception {
        NetworkInterface lo = NetworkInterface.getByName("lo");

        assertThat(Endpoints.of(InetAddress.getByName("127.0.0.1"), 41012, lo)).isEqualTo("tcp://127.0.0.1:41012");
    }

    @Test
    void ipv6PeerEndpointIsBracketed() throws Exception {
        NetworkInterface lo = NetworkInterface.getByName("lo");

        assertThat(Endpoints.of(InetAddress.getByName("::1"), 41012, lo)).isEqualTo("tcp://[0:0:0:0:0:0:0:1]:41012");
    }

    @Test
    void linkLocalIpv6PeerEndpointKeepsItsScopeByInterfaceName() throws Exception {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        InetAddress linkLocal = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(),
                lo.getIndex());

        assertThat(Endpoints.of(linkLocal, 41012, lo)).isEqualTo("tcp://[fe80:0:0:0:0:0:0:1%lo]:41012");
    }
}
