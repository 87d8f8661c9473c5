package io.zre4j.discovery.udp;

import com.google.inject.AbstractModule;
import io.zre4j.spi.DiscoveryProvider;

/**
 * Guice wiring for UDP beacon discovery: binds {@link DiscoveryProvider} to {@link UdpDiscoveryProvider}.
 * Install it beside zre-core's {@code ZreModule} and a transport module; swap it with another module that
 * binds {@link DiscoveryProvider}, or with {@code Modules.override}.
 */
public final class UdpDiscoveryModule extends AbstractModule {

    /** Creates the module. */
    public UdpDiscoveryModule() {
    }

    @Override
    protected void configure() {
        bind(DiscoveryProvider.class).to(UdpDiscoveryProvider.class);
    }
}
