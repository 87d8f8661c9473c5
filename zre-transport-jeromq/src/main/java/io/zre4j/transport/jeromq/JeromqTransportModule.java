package io.zre4j.transport.jeromq;

import com.google.inject.AbstractModule;
import io.zre4j.spi.TransportProvider;

/**
 * Binds {@link TransportProvider} to {@link JeromqTransportProvider}, for applications that assemble a
 * node with Guice (with zre-core's {@code ZreModule} and a discovery module). To use another transport
 * in tests, replace this module with {@code Modules.override}.
 */
public final class JeromqTransportModule extends AbstractModule {

    /** Creates the module. */
    public JeromqTransportModule() {
    }

    @Override
    protected void configure() {
        bind(TransportProvider.class).to(JeromqTransportProvider.class);
    }
}
