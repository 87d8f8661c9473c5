package io.zre4j.spi;

import io.zre4j.ZreConfig;
import io.zre4j.ZreNode;

/**
 * Builds nodes; {@code zre-core} provides the one implementation, found by {@link io.zre4j.Zre} through
 * {@link java.util.ServiceLoader}. Applications do not implement this.
 */
public interface NodeFactory {

    /**
     * Builds an unstarted node.
     *
     * @param config    the configuration
     * @param transport the transport to use, or null to use the one provider on the class path
     * @param discovery the discovery to use, or null to use the one provider on the class path
     * @return the node
     * @throws io.zre4j.ZreException if a provider is needed and none, or more than one, is present
     */
    ZreNode create(ZreConfig config, TransportProvider transport, DiscoveryProvider discovery);
}
