package io.zre4j.transport.jeromq;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.spi.Transport;
import io.zre4j.spi.TransportProvider;

/**
 * Makes the JeroMQ transport: a ROUTER inbox and one DEALER per peer, wire-compatible with Zyre and Pyre.
 * {@link io.zre4j.Zre#builder()} finds it with {@link java.util.ServiceLoader} when this module is on the
 * class or module path; Guice users install {@link JeromqTransportModule}.
 *
 * <p>Thread-safety: stateless; {@link #create} may be called from any thread.
 */
public final class JeromqTransportProvider implements TransportProvider {

    /** The name this provider reports: {@value}. */
    public static final String NAME = "jeromq";

    /** Creates the provider (public and without arguments, for {@link java.util.ServiceLoader} and Guice). */
    public JeromqTransportProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Makes an unopened transport. Its sockets and JeroMQ threads are created by
     * {@link Transport#open} on the node's thread and ended by {@link Transport#close()}.
     *
     * @param config the node's configuration (endpoint, interface, send high-water mark)
     * @param self   the node's identity
     * @return a new transport
     */
    @Override
    public Transport create(ZreConfig config, PeerId self) {
        return new JeromqTransport(config, self);
    }

    @Override
    public String toString() {
        return "TransportProvider[" + NAME + "]";
    }
}
