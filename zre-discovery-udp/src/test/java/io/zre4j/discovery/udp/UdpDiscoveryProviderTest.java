package io.zre4j.discovery.udp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.zre4j.ZreConfig;
import io.zre4j.spi.DiscoveryProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class UdpDiscoveryProviderTest {

    @Test
    void providerIsNamedUdpBeaconAndMakesUdpDiscoveries() {
        UdpDiscoveryProvider provider = new UdpDiscoveryProvider();

        assertThat(provider.name()).isEqualTo("udp-beacon");
        try (var discovery = provider.create(ZreConfig.loopback())) {
            assertThat(discovery).isInstanceOf(UdpDiscovery.class);
        }
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        // A named module may only load services it declares to use; tests run inside this module.
        UdpDiscoveryProviderTest.class.getModule().addUses(DiscoveryProvider.class);

        assertThat(ServiceLoader.load(DiscoveryProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(UdpDiscoveryProvider.class);
    }

    @Test
    void guiceModuleBindsTheProvider() {
        DiscoveryProvider provider = Guice.createInjector(new UdpDiscoveryModule()).getInstance(DiscoveryProvider.class);

        assertThat(provider).isInstanceOf(UdpDiscoveryProvider.class);
    }
}
