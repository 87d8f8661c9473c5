package io.zre4j.discovery.udp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;

/** Converts between inbox endpoints ({@code tcp://host:port}) and what a beacon carries (a port). */
final class Endpoints {

    private static final String TCP = "tcp://";

    private Endpoints() {
    }

    /**
     * The port of our inbox endpoint, which our beacons announce.
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1:41012} or {@code tcp://[::1]:41012}
     * @return the port, 1 to 65535
     * @throws IllegalArgumentException if the endpoint is not {@code tcp://host:port} with a bound port
     */
    static int portOf(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (!endpoint.startsWith(TCP) || colon <= TCP.length()) {
            throw new IllegalArgumentException("endpoint must look like tcp://host:port, got \"" + endpoint + "\"");
        }
        String digits = endpoint.substring(colon + 1);
        int port = -1;
        if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
            port = Integer.parseInt(digits);
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("endpoint must carry a bound port 1 to 65535 (beacons announce it), got \""
                    + endpoint + "\"");
        }
        return port;
    }

    /**
     * The inbox endpoint of a peer: the address its beacon came from and the port it announced, as
     * JeroMQ parses it. A link-local IPv6 address keeps its scope, by interface name
     * ({@code tcp://[fe80::1%eth0]:41012}), since it means nothing without one.
     *
     * @param source           the beacon's source address
     * @param port             the announced port
     * @param networkInterface the interface the beacon arrived on
     * @return the endpoint
     */
    static String of(InetAddress source, int port, NetworkInterface networkInterface) {
        if (source instanceof Inet6Address v6) {
            return TCP + "[" + hostOf(v6, networkInterface) + "]:" + port;
        }
        return TCP + source.getHostAddress() + ":" + port;
    }

    private static String hostOf(Inet6Address address, NetworkInterface networkInterface) {
        String text = address.getHostAddress();
        int percent = text.indexOf('%');
        String unscoped = percent < 0 ? text : text.substring(0, percent);
        // Beacons from other links never get here (LinkScope), so a link-local peer is on our interface.
        return address.isLinkLocalAddress() ? unscoped + "%" + networkInterface.getName() : unscoped;
    }
}
