package io.zre4j.discovery.udp;

import io.zre4j.ZreConfig;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryProvider;

/**
 * Makes {@link UdpDiscovery}s. Registered for {@link java.util.ServiceLoader} (module {@code provides} and
 * {@code META-INF/services}), so a node built with {@code Zre.builder()} uses UDP beacons whenever this
 * module is on the class or module path. Stateless and thread-safe.
 */
public final class UdpDiscoveryProvider implements DiscoveryProvider {

    /** The name in logs and error messages. */
    public static final String NAME = "udp-beacon";

    /** Creates the provider; {@link java.util.ServiceLoader} and Guice call this. */
    public UdpDiscoveryProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Discovery create(ZreConfig config) {
        return new UdpDiscovery(config);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
