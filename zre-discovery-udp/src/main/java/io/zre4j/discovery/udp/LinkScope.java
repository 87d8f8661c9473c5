package io.zre4j.discovery.udp;

import io.zre4j.spi.NetworkSelection;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which senders are on the chosen interface's link. The beacon socket is bound to the wildcard address
 * (the only binding that lets many nodes share the port everywhere, loopback included), so it also hears
 * beacons that reached the host through other interfaces; a node must not report those, or it would
 * connect to peers through an interface the user did not choose (Zyre's "wrong IP" flapping).
 *
 * <p>The subnets are read once, when discovery starts: a node whose interface changes its addresses
 * needs a restart anyway, since its inbox is bound to the old one.
 */
final class LinkScope {

    private final String interfaceName;
    private final int interfaceIndex;
    private final List<InterfaceAddress> subnets;

    private LinkScope(String interfaceName, int interfaceIndex, List<InterfaceAddress> subnets) {
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
        this.subnets = subnets;
    }

    /**
     * The subnets of the selected interface, in the selected address family.
     *
     * @param selection the interface choice
     * @return the scope
     */
    static LinkScope of(NetworkSelection selection) {
        Class<? extends InetAddress> family = selection.ipv6() ? Inet6Address.class : Inet4Address.class;
        List<InterfaceAddress> subnets = selection.networkInterface().getInterfaceAddresses().stream()
                .filter(ia -> family.isInstance(ia.getAddress()))
                .toList();
        return new LinkScope(selection.networkInterface().getName(), selection.networkInterface().getIndex(), subnets);
    }

    /**
     * Whether a datagram from {@code source} came from a node on our link.
     *
     * @param source the sender's address
     * @return true when it is in one of the interface's subnets (or, for IPv6 link-local, on this interface)
     */
    boolean contains(InetAddress source) {
        if (source instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
            // Every link has fe80::/64; only the scope tells the links apart.
            return v6.getScopeId() == 0 || v6.getScopeId() == interfaceIndex;
        }
        for (InterfaceAddress subnet : subnets) {
            if (inSubnet(source, subnet.getAddress(), subnet.getNetworkPrefixLength())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inSubnet(InetAddress address, InetAddress network, int prefixLength) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return remainingBits == 0 || (a[fullBytes] & mask) == (n[fullBytes] & mask);
    }

    /** For log messages, e.g. {@code lo (127.0.0.1/8)}. */
    @Override
    public String toString() {
        return interfaceName + " (" + subnets.stream()
                .map(ia -> ia.getAddress().getHostAddress() + "/" + ia.getNetworkPrefixLength())
                .collect(Collectors.joining(", ")) + ")";
    }
}
