package io.zre4j.spi;

import io.zre4j.ZreConfig;

/**
 * Makes {@link Discovery} instances. {@link io.zre4j.Zre#builder()} finds providers with
 * {@link java.util.ServiceLoader} and uses the only one present, unless the application names one.
 *
 * <p>Thread-safety: {@link #create} may be called from any thread.
 */
public interface DiscoveryProvider {

    /**
     * A short name for error messages and logs, e.g. {@code udp-beacon}.
     *
     * @return the provider's name
     */
    String name();

    /**
     * Makes a discovery for one node.
     *
     * @param config the node's configuration
     * @return a new, unstarted discovery
     */
    Discovery create(ZreConfig config);
}
