package io.zre4j.spi;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;

/**
 * Makes {@link Transport}s. {@link io.zre4j.Zre#builder()} finds providers with {@link java.util.ServiceLoader}
 * and uses the only one present, unless the application names one.
 *
 * <p>Thread-safety: {@link #create} may be called from any thread.
 */
public interface TransportProvider {

    /**
     * A short name for error messages and logs, e.g. {@code jeromq}.
     *
     * @return the provider's name
     */
    String name();

    /**
     * Makes a transport for one node.
     *
     * @param config the node's configuration
     * @param self   the node's identity (a transport marks its outgoing links with it)
     * @return a new, unopened transport
     */
    Transport create(ZreConfig config, PeerId self);
}
