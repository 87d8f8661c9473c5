package io.zre4j.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.zre4j.ZreConfig;
import io.zre4j.ZreNode;
import io.zre4j.spi.AgentRunner;
import io.zre4j.spi.Clock;
import io.zre4j.spi.DiscoveryProvider;
import io.zre4j.spi.TransportProvider;
import java.util.Objects;

/**
 * Guice wiring of a node: binds {@link ZreConfig} and provides a {@link ZreNode} made of whatever
 * {@link TransportProvider} and {@link DiscoveryProvider} other modules bind. The runner and clock default
 * to a thread and the system clock; bind them (or override with {@code Modules.override}) to change them.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *         new ZreModule(ZreConfig.builder().name("alice").build()),
 *         new JeromqTransportModule(),
 *         new UdpDiscoveryModule());           // swap this line to change discovery
 * ZreNode node = injector.getInstance(ZreNode.class).start();
 * }</pre>
 *
 * One injector makes one node (the node is a singleton in it).
 */
public final class ZreModule extends AbstractModule {

    private final ZreConfig config;

    /**
     * Creates the module.
     *
     * @param config the node's configuration
     */
    public ZreModule(ZreConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(ZreConfig.class).toInstance(config);
        OptionalBinder.newOptionalBinder(binder(), AgentRunner.class).setDefault().toInstance(ThreadAgentRunner.INSTANCE);
        OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.system());
    }

    @Provides
    @Singleton
    ZreNode node(ZreConfig config, TransportProvider transport, DiscoveryProvider discovery, AgentRunner runner,
            Clock clock) {
        return new DefaultZreNode(config, new NodeComponents(transport, discovery, runner, clock));
    }
}
