/**
 * ZRE discovery over UDP beacons, as Zyre and Pyre do it.
 *
 * <p>Every {@code beaconInterval} a node sends {@code 'Z' 'R' 'E' 0x01}, its uuid and its inbox port to
 * the broadcast address of its interface (IPv6: the all-nodes group {@code ff02::1}) on the beacon port,
 * and reports every beacon it hears from another node. One daemon thread per node, named
 * {@code zre-beacon-<name>}, owns the socket; the public types are {@link io.zre4j.discovery.udp.UdpDiscovery},
 * its {@link io.zre4j.discovery.udp.UdpDiscoveryProvider} and the Guice
 * {@link io.zre4j.discovery.udp.UdpDiscoveryModule}.
 */
package io.zre4j.discovery.udp;
