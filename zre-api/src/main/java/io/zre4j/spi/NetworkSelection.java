package io.zre4j.spi;

import io.zre4j.ZreConfig;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Map;
import java.util.Objects;

/**
 * The network interface and addresses a node uses, chosen as Zyre chooses them, and shared by the
 * transport (which binds the inbox to {@link #address()}) and the discovery (which beacons to
 * {@link #broadcast()}).
 *
 * @param networkInterface the interface
 * @param address          our address on it
 * @param broadcast        where beacons go: the interface's IPv4 broadcast address, or {@code ff02::1}
 *                         (scoped to the interface) for IPv6
 * @param ipv6             whether IPv6 is used
 */
public record NetworkSelection(NetworkInterface networkInterface, InetAddress address, InetAddress broadcast,
        boolean ipv6) {

    /** Checks the fields. */
    public NetworkSelection {
        Objects.requireNonNull(networkInterface, "networkInterface");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(broadcast, "broadcast");
    }

    /**
     * Chooses the interface for a configuration, reading {@code ZSYS_INTERFACE} and {@code ZSYS_IPV6}
     * from the process environment when the configuration leaves them open.
     *
     * @param config the node configuration
     * @return the selection
     * @throws io.zre4j.ZreNetworkException if the interface does not exist, is down, or has no suitable address
     */
    public static NetworkSelection select(ZreConfig config) {
        return select(config, System.getenv());
    }

    /**
     * Chooses the interface with an explicit environment (for tests).
     *
     * @param config      the node configuration
     * @param environment the environment variables to consult
     * @return the selection
     * @throws io.zre4j.ZreNetworkException if the interface does not exist, is down, or has no suitable address
     */
    public static NetworkSelection select(ZreConfig config, Map<String, String> environment) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
