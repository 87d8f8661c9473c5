package io.zre4j.spi;

import io.zre4j.ZreConfig;
import io.zre4j.ZreNetworkException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /** czmq's variable naming the interface: a name, an address or a CIDR. */
    static final String ENV_INTERFACE = "ZSYS_INTERFACE";
    /** czmq's IPv6 switch: a non-zero integer turns IPv6 on. */
    static final String ENV_IPV6 = "ZSYS_IPV6";

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    /** The link-local all-nodes group, which IPv6 beacons go to (czmq's choice). */
    private static final byte[] ALL_NODES = {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

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
     * <p>The interface comes from {@link ZreConfig#interfaceName()}, else {@code ZSYS_INTERFACE}, else it is
     * chosen automatically: the first interface (by index) that is up, not loopback and can broadcast (IPv4)
     * or multicast (IPv6), falling back to the loopback interface when there is none. An interface is named
     * by its name ({@code eth0}), by one of its addresses ({@code 192.168.1.7}) or by a CIDR that one of its
     * addresses is in ({@code 192.168.1.0/24}). IPv6 is used when {@link ZreConfig#ipv6()} says so, else when
     * {@code ZSYS_IPV6} is a non-zero integer.
     *
     * @param config      the node configuration
     * @param environment the environment variables to consult
     * @return the selection
     * @throws io.zre4j.ZreNetworkException if the interface does not exist, is down, or has no suitable address
     */
    public static NetworkSelection select(ZreConfig config, Map<String, String> environment) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(environment, "environment");
        boolean ipv6 = config.ipv6().orElseGet(() -> isNonZeroInteger(environment.get(ENV_IPV6)));
        List<NetworkInterface> interfaces = interfacesByIndex();
        Optional<String> fromConfig = config.interfaceName().map(String::trim);
        if (fromConfig.isPresent()) {
            return selectNamed(fromConfig.get(), "the configuration", ipv6, interfaces);
        }
        String fromEnvironment = environment.get(ENV_INTERFACE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return selectNamed(fromEnvironment.trim(), ENV_INTERFACE, ipv6, interfaces);
        }
        return selectAutomatically(ipv6, interfaces);
    }

    /** A short description for logs, e.g. {@code lo 127.0.0.1 -> 127.255.255.255}. */
    @Override
    public String toString() {
        return networkInterface.getName() + " " + address.getHostAddress() + " -> " + broadcast.getHostAddress()
                + (ipv6 ? " (IPv6)" : "");
    }

    // ---- Named interface -------------------------------------------------------------------------------

    private static NetworkSelection selectNamed(String spec, String source, boolean ipv6,
            List<NetworkInterface> interfaces) {
        if (spec.equals("*")) {
            throw new ZreNetworkException("interface \"*\" (from " + source + ") means every interface with "
                    + "broadcasts to 255.255.255.255 in czmq; zre4j beacons on one interface, so name one of: "
                    + describe(interfaces));
        }
        Match match = spec.contains("/") ? matchCidr(spec, source, interfaces)
                : looksLikeAddress(spec) ? matchAddress(spec, source, interfaces)
                : matchName(spec);
        if (match == null) {
            throw new ZreNetworkException("no network interface matches \"" + spec + "\" (from " + source
                    + "); the interfaces are: " + describe(interfaces));
        }
        if (!isUp(match.networkInterface())) {
            throw new ZreNetworkException("network interface " + match.networkInterface().getName()
                    + " (\"" + spec + "\" from " + source + ") is down; the interfaces are: " + describe(interfaces));
        }
        NetworkSelection selection = selectOn(match.networkInterface(), match.address(), ipv6);
        if (selection == null) {
            throw new ZreNetworkException("network interface " + match.networkInterface().getName()
                    + " (\"" + spec + "\" from " + source + ") has no " + family(ipv6) + " address"
                    + (ipv6 ? "" : " (set ipv6(true) or ZSYS_IPV6=1 for IPv6)") + "; the interfaces are: "
                    + describe(interfaces));
        }
        return selection;
    }

    /** An interface that was asked for, and the address that named it (null when it was named by name). */
    private record Match(NetworkInterface networkInterface, InetAddress address) {
    }

    private static Match matchName(String name) {
        try {
            // getByName also finds alias sub-interfaces (eth0:1), which the top-level list leaves out.
            NetworkInterface nif = NetworkInterface.getByName(name);
            return nif == null ? null : new Match(nif, null);
        } catch (SocketException e) {
            throw new ZreNetworkException("cannot look up network interface \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static Match matchAddress(String spec, String source, List<NetworkInterface> interfaces) {
        InetAddress wanted = parseLiteral(spec, source);
        return firstMatch(interfaces, address -> sameAddress(address, wanted));
    }

    private static Match matchCidr(String spec, String source, List<NetworkInterface> interfaces) {
        int slash = spec.indexOf('/');
        InetAddress network = parseLiteral(spec.substring(0, slash), source);
        int prefixLength;
        try {
            prefixLength = Integer.parseInt(spec.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefixLength = -1;
        }
        if (prefixLength < 0 || prefixLength > network.getAddress().length * 8) {
            throw new ZreNetworkException("\"" + spec + "\" (from " + source + ") is not a valid CIDR: the prefix "
                    + "length must be 0 to " + network.getAddress().length * 8);
        }
        int bits = prefixLength;
        return firstMatch(interfaces, address -> inSubnet(address, network, bits));
    }

    private static Match firstMatch(List<NetworkInterface> interfaces, Predicate<InetAddress> wanted) {
        for (NetworkInterface nif : interfaces) {
            for (InterfaceAddress interfaceAddress : nif.getInterfaceAddresses()) {
                if (wanted.test(interfaceAddress.getAddress())) {
                    return new Match(nif, interfaceAddress.getAddress());
                }
            }
        }
        return null;
    }

    private static boolean looksLikeAddress(String spec) {
        return IPV4_LITERAL.matcher(spec).matches() || IPV6_LITERAL.matcher(withoutScope(spec)).matches();
    }

    /**
     * Parses an IP literal without ever asking DNS: {@link InetAddress#getByName} treats anything that is
     * not a valid literal as a host name, so only shapes that are literals reach it.
     */
    private static InetAddress parseLiteral(String text, String source) {
        String literal = withoutScope(text);
        try {
            if (IPV4_LITERAL.matcher(literal).matches()) {
                byte[] bytes = new byte[4];
                String[] parts = literal.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        throw new UnknownHostException(literal);
                    }
                    bytes[i] = (byte) part;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (IPV6_LITERAL.matcher(literal).matches()) {
                // Brackets make the JDK reject an invalid literal instead of resolving it as a name.
                return InetAddress.getByName("[" + literal + "]");
            }
        } catch (UnknownHostException e) {
            // fall through to the error below
        }
        throw new ZreNetworkException("\"" + text + "\" (from " + source + ") is not a valid IP address");
    }

    private static String withoutScope(String text) {
        int percent = text.indexOf('%');
        return percent < 0 ? text : text.substring(0, percent);
    }

    private static boolean sameAddress(InetAddress a, InetAddress b) {
        return Arrays.equals(a.getAddress(), b.getAddress());
    }

    private static boolean inSubnet(InetAddress address, InetAddress network, int prefixLength) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    // ---- Automatic choice ------------------------------------------------------------------------------

    private static NetworkSelection selectAutomatically(boolean ipv6, List<NetworkInterface> interfaces) {
        for (NetworkInterface nif : interfaces) {
            if (isUp(nif) && !isLoopback(nif) && canAnnounce(nif, ipv6)) {
                NetworkSelection selection = selectOn(nif, null, ipv6);
                if (selection != null) {
                    return selection;
                }
            }
        }
        for (NetworkInterface nif : interfaces) {
            if (isUp(nif) && isLoopback(nif)) {
                NetworkSelection selection = selectOn(nif, null, ipv6);
                if (selection != null) {
                    // No log here (zre-api has no logging dependency): the discovery logs what it uses.
                    return selection;
                }
            }
        }
        throw new ZreNetworkException("no network interface is up with an " + family(ipv6)
                + " address, not even loopback; the interfaces are: " + describe(interfaces));
    }

    /** czmq's test: an IPv4 interface with a broadcast address, or an IPv6 interface that multicasts. */
    private static boolean canAnnounce(NetworkInterface nif, boolean ipv6) {
        if (ipv6) {
            try {
                return nif.supportsMulticast();
            } catch (SocketException e) {
                return false;
            }
        }
        return nif.getInterfaceAddresses().stream()
                .anyMatch(ia -> ia.getAddress() instanceof Inet4Address && ia.getBroadcast() != null);
    }

    // ---- Addresses on the chosen interface -------------------------------------------------------------

    /**
     * Our address and the beacon destination on an interface.
     *
     * @param preferred the address the user named, used when it has the wanted family; may be null
     * @return the selection, or null when the interface has no address of the wanted family
     */
    private static NetworkSelection selectOn(NetworkInterface nif, InetAddress preferred, boolean ipv6) {
        return ipv6 ? selectIpv6(nif, preferred) : selectIpv4(nif, preferred);
    }

    private static NetworkSelection selectIpv4(NetworkInterface nif, InetAddress preferred) {
        InterfaceAddress chosen = null;
        for (InterfaceAddress candidate : nif.getInterfaceAddresses()) {
            if (candidate.getAddress() instanceof Inet4Address
                    && (chosen == null || preferred != null && sameAddress(candidate.getAddress(), preferred))) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            return null;
        }
        InetAddress broadcast = chosen.getBroadcast() != null ? chosen.getBroadcast()
                : broadcastOf(chosen.getAddress(), chosen.getNetworkPrefixLength());
        return new NetworkSelection(nif, chosen.getAddress(), broadcast, false);
    }

    /**
     * The JDK gives loopback (and point-to-point) addresses no broadcast address; compute it from the
     * prefix, as the kernel does: 127.0.0.1/8 gives 127.255.255.255.
     */
    static InetAddress broadcastOf(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address was rejected", e);
        }
    }

    private static NetworkSelection selectIpv6(NetworkInterface nif, InetAddress preferred) {
        Inet6Address chosen = null;
        for (InterfaceAddress candidate : nif.getInterfaceAddresses()) {
            if (candidate.getAddress() instanceof Inet6Address address) {
                if (preferred != null && sameAddress(address, preferred)) {
                    chosen = address;
                    break;
                }
                // A global, unique-local or loopback address works across the link without a scope.
                if (chosen == null || chosen.isLinkLocalAddress() && !address.isLinkLocalAddress()) {
                    chosen = address;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        try {
            InetAddress address = chosen.isLinkLocalAddress() ? Inet6Address.getByAddress(null, chosen.getAddress(), nif)
                    : InetAddress.getByAddress(chosen.getAddress());
            return new NetworkSelection(nif, address, Inet6Address.getByAddress(null, ALL_NODES, nif), true);
        } catch (UnknownHostException e) {
            throw new ZreNetworkException("cannot scope an IPv6 address to interface " + nif.getName(), e);
        }
    }

    // ---- Interfaces ------------------------------------------------------------------------------------

    private static List<NetworkInterface> interfacesByIndex() {
        try {
            List<NetworkInterface> interfaces = new ArrayList<>(NetworkInterface.networkInterfaces().toList());
            // "First" must mean the same on every run; the JDK's enumeration order is not specified.
            interfaces.sort(Comparator.comparingInt(NetworkInterface::getIndex));
            return interfaces;
        } catch (SocketException e) {
            throw new ZreNetworkException("cannot list the network interfaces: " + e.getMessage(), e);
        }
    }

    /** Lists interfaces for error messages, e.g. {@code lo (up, loopback: 127.0.0.1/8, ::1/128)}. */
    static String describe(List<NetworkInterface> interfaces) {
        if (interfaces.isEmpty()) {
            return "(none)";
        }
        return interfaces.stream().map(nif -> nif.getName() + " (" + (isUp(nif) ? "up" : "down")
                + (isLoopback(nif) ? ", loopback" : "") + ": " + describeAddresses(nif) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String describeAddresses(NetworkInterface nif) {
        List<InterfaceAddress> addresses = nif.getInterfaceAddresses();
        if (addresses.isEmpty()) {
            return "no address";
        }
        return addresses.stream()
                .map(ia -> withoutScope(ia.getAddress().getHostAddress()) + "/" + ia.getNetworkPrefixLength())
                .collect(Collectors.joining(", "));
    }

    private static boolean isUp(NetworkInterface nif) {
        try {
            return nif.isUp();
        } catch (SocketException e) {
            return false; // the interface vanished while we looked at it
        }
    }

    private static boolean isLoopback(NetworkInterface nif) {
        try {
            return nif.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean isNonZeroInteger(String value) {
        if (value == null) {
            return false;
        }
        try {
            return Integer.parseInt(value.trim()) != 0; // czmq reads it with atoi
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String family(boolean ipv6) {
        return ipv6 ? "IPv6" : "IPv4";
    }
}
