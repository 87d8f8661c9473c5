package io.zre4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zre4j.ZreConfig;
import io.zre4j.ZreNetworkException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Interface choice. Selection only reads the interface list; nothing is sent anywhere. Tests that name an
 * interface use {@code lo}, which every Linux machine has.
 */
class NetworkSelectionTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    private static ZreConfig onInterface(String spec) {
        return ZreConfig.builder().interfaceName(spec).build();
    }

    @Test
    void loopbackIsSelectedByName() throws Exception {
        NetworkSelection selection = NetworkSelection.select(onInterface("lo"), NO_ENVIRONMENT);

        assertThat(selection.networkInterface().getName()).isEqualTo("lo");
        assertThat(selection.address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(selection.ipv6()).isFalse();
    }

    @Test
    void loopbackBroadcastIsComputedFromThePrefixWhenTheJdkGivesNone() throws Exception {
        NetworkSelection selection = NetworkSelection.select(onInterface("lo"), NO_ENVIRONMENT);

        assertThat(selection.broadcast()).isEqualTo(InetAddress.getByName("127.255.255.255"));
    }

    @Test
    void interfaceIsSelectedByOneOfItsAddresses() throws Exception {
        NetworkSelection selection = NetworkSelection.select(onInterface("127.0.0.1"), NO_ENVIRONMENT);

        assertThat(selection.networkInterface().getName()).isEqualTo("lo");
        assertThat(selection.address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void interfaceIsSelectedByACidrContainingOneOfItsAddresses() throws Exception {
        NetworkSelection selection = NetworkSelection.select(onInterface("127.0.0.0/8"), NO_ENVIRONMENT);

        assertThat(selection.networkInterface().getName()).isEqualTo("lo");
        assertThat(selection.address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(selection.broadcast()).isEqualTo(InetAddress.getByName("127.255.255.255"));
    }

    @Test
    void environmentNamesTheInterfaceWhenTheConfigLeavesItOpen() {
        NetworkSelection selection = NetworkSelection.select(ZreConfig.lan(), Map.of("ZSYS_INTERFACE", "lo"));

        assertThat(selection.networkInterface().getName()).isEqualTo("lo");
    }

    @Test
    void configuredInterfaceWinsOverTheEnvironment() {
        NetworkSelection selection = NetworkSelection.select(onInterface("lo"),
                Map.of("ZSYS_INTERFACE", "no-such-interface0"));

        assertThat(selection.networkInterface().getName()).isEqualTo("lo");
    }

    @Test
    void unknownInterfaceNameFailsListingTheInterfacesThatExist() {
        assertThatThrownBy(() -> NetworkSelection.select(onInterface("nosuch0"), NO_ENVIRONMENT))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining("\"nosuch0\"")
                .hasMessageContaining("the configuration")
                .hasMessageContaining("lo (up, loopback: ")
                .hasMessageContaining("127.0.0.1/8");
    }

    @Test
    void unknownInterfaceFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> NetworkSelection.select(ZreConfig.lan(), Map.of("ZSYS_INTERFACE", "nosuch0")))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining("ZSYS_INTERFACE");
    }

    @Test
    void addressThatNoInterfaceHoldsFails() {
        // 203.0.113.0/24 is reserved for documentation, so no machine holds it.
        assertThatThrownBy(() -> NetworkSelection.select(onInterface("203.0.113.77"), NO_ENVIRONMENT))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining("203.0.113.77")
                .hasMessageContaining("lo (up");
    }

    @Test
    void cidrThatNoInterfaceIsInFails() {
        assertThatThrownBy(() -> NetworkSelection.select(onInterface("203.0.113.0/24"), NO_ENVIRONMENT))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining("203.0.113.0/24");
    }

    @Test
    void invalidAddressIsRejectedWithoutAskingDns() {
        assertThatThrownBy(() -> NetworkSelection.select(onInterface("300.1.1.1"), NO_ENVIRONMENT))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining("\"300.1.1.1\"")
                .hasMessageContaining("not a valid IP address");
    }

    @Test
    void cidrWithAnImpossiblePrefixIsRejected() {
        assertThatThrownBy(() -> NetworkSelection.select(onInterface("127.0.0.0/33"), NO_ENVIRONMENT))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining("not a valid CIDR");
    }

    @Test
    void everyInterfaceStarIsRejectedWithAnExplanation() {
        assertThatThrownBy(() -> NetworkSelection.select(onInterface("*"), NO_ENVIRONMENT))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining("255.255.255.255")
                .hasMessageContaining("lo (up");
    }

    @Test
    void downInterfaceIsRejected() throws Exception {
        Optional<NetworkInterface> down = NetworkInterface.networkInterfaces().filter(nif -> !isUp(nif)).findFirst();
        assumeTrue(down.isPresent(), "this machine has no interface that is down");
        String name = down.get().getName();

        assertThatThrownBy(() -> NetworkSelection.select(onInterface(name), NO_ENVIRONMENT))
                .isInstanceOf(ZreNetworkException.class)
                .hasMessageContaining(name + " (\"" + name + "\" from the configuration) is down");
    }

    @Test
    void automaticChoiceIsAnUpInterfaceWithAnIpv4Address() throws Exception {
        NetworkSelection selection = NetworkSelection.select(ZreConfig.lan(), NO_ENVIRONMENT);

        assertThat(selection.networkInterface().isUp()).isTrue();
        assertThat(selection.address()).isInstanceOf(Inet4Address.class);
        assertThat(selection.ipv6()).isFalse();
    }

    @Test
    void automaticChoiceFallsBackToLoopbackOnlyWhenNoInterfaceCanBroadcast() throws Exception {
        boolean broadcastInterfaceIsUp = NetworkInterface.networkInterfaces()
                .anyMatch(nif -> isUp(nif) && nif.getInterfaceAddresses().stream()
                        .anyMatch(ia -> ia.getAddress() instanceof Inet4Address && ia.getBroadcast() != null));

        NetworkSelection selection = NetworkSelection.select(ZreConfig.lan(), NO_ENVIRONMENT);

        assertThat(selection.networkInterface().isLoopback()).isEqualTo(!broadcastInterfaceIsUp);
    }

    @Test
    void ipv6OnLoopbackUsesItsAddressAndTheAllNodesGroupScopedToIt() throws Exception {
        assumeLoopbackHasIpv6();
        ZreConfig config = ZreConfig.builder().interfaceName("lo").ipv6(true).build();

        NetworkSelection selection = NetworkSelection.select(config, NO_ENVIRONMENT);

        assertThat(selection.ipv6()).isTrue();
        assertThat(selection.address()).isEqualTo(InetAddress.getByName("::1"));
        assertThat(selection.broadcast()).isInstanceOf(Inet6Address.class);
        assertThat(selection.broadcast().getAddress()).isEqualTo(InetAddress.getByName("ff02::1").getAddress());
        assertThat(((Inet6Address) selection.broadcast()).getScopedInterface())
                .isEqualTo(selection.networkInterface());
    }

    @Test
    void ipv6IsTurnedOnByTheEnvironment() {
        assumeLoopbackHasIpv6();

        NetworkSelection selection = NetworkSelection.select(ZreConfig.lan(),
                Map.of("ZSYS_INTERFACE", "lo", "ZSYS_IPV6", "1"));

        assertThat(selection.ipv6()).isTrue();
        assertThat(selection.address()).isInstanceOf(Inet6Address.class);
    }

    @Test
    void configuredIpv4WinsOverTheEnvironment() {
        ZreConfig config = ZreConfig.builder().interfaceName("lo").ipv6(false).build();

        NetworkSelection selection = NetworkSelection.select(config, Map.of("ZSYS_IPV6", "1"));

        assertThat(selection.ipv6()).isFalse();
    }

    @Test
    void ipv6InterfaceIsSelectedByItsIpv6Address() throws Exception {
        assumeLoopbackHasIpv6();
        ZreConfig config = ZreConfig.builder().interfaceName("::1").ipv6(true).build();

        NetworkSelection selection = NetworkSelection.select(config, NO_ENVIRONMENT);

        assertThat(selection.networkInterface().getName()).isEqualTo("lo");
        assertThat(selection.address()).isEqualTo(InetAddress.getByName("::1"));
    }

    @Test
    void broadcastAddressSetsEveryHostBit() throws Exception {
        assertThat(NetworkSelection.broadcastOf(InetAddress.getByName("192.168.1.7"), 24))
                .isEqualTo(InetAddress.getByName("192.168.1.255"));
        assertThat(NetworkSelection.broadcastOf(InetAddress.getByName("10.1.2.3"), 12))
                .isEqualTo(InetAddress.getByName("10.15.255.255"));
    }

    @Test
    void descriptionNamesInterfaceAndAddresses() {
        NetworkSelection selection = NetworkSelection.select(onInterface("lo"), NO_ENVIRONMENT);

        assertThat(selection).hasToString("lo 127.0.0.1 -> 127.255.255.255");
    }

    private static void assumeLoopbackHasIpv6() {
        try {
            NetworkInterface lo = NetworkInterface.getByName("lo");
            assumeTrue(lo != null && lo.inetAddresses().anyMatch(Inet6Address.class::isInstance),
                    "lo has no IPv6 address on this machine");
        } catch (SocketException e) {
            assumeTrue(false, "cannot read lo: " + e);
        }
    }

    private static boolean isUp(NetworkInterface nif) {
        try {
            return nif.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
