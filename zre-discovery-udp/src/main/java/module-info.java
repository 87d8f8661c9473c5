/**
 * zre4j's production discovery: Zyre's 22-byte UDP beacons, broadcast (IPv4) or multicast to ff02::1
 * (IPv6) on the chosen interface. Found by {@link java.util.ServiceLoader}, or bound in Guice with
 * {@link io.zre4j.discovery.udp.UdpDiscoveryModule}.
 */
module io.zre4j.discovery.udp {
    requires io.zre4j.core;
    requires org.slf4j;

    exports io.zre4j.discovery.udp;

    provides io.zre4j.spi.DiscoveryProvider with io.zre4j.discovery.udp.UdpDiscoveryProvider;

    opens io.zre4j.discovery.udp to com.google.guice;
}
