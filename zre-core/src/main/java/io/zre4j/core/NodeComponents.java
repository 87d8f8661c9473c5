package io.zre4j.core;

import io.zre4j.spi.AgentRunner;
import io.zre4j.spi.Clock;
import io.zre4j.spi.DiscoveryProvider;
import io.zre4j.spi.TransportProvider;
import java.util.Objects;

/**
 * The pluggable parts a node is made of. Production: JeroMQ, UDP beacons, a thread, the system clock.
 * Simulation: the simulator's in-memory network, its single-threaded scheduler and its virtual clock.
 *
 * @param transport makes the node's transport
 * @param discovery makes the node's discovery
 * @param runner    runs the node's agent
 * @param clock     the node's time source
 */
public record NodeComponents(TransportProvider transport, DiscoveryProvider discovery, AgentRunner runner, Clock clock) {

    /** Checks the fields. */
    public NodeComponents {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The production runner and clock with the given transport and discovery.
     *
     * @param transport the transport provider
     * @param discovery the discovery provider
     * @return the components
     */
    public static NodeComponents of(TransportProvider transport, DiscoveryProvider discovery) {
        return new NodeComponents(transport, discovery, ThreadAgentRunner.INSTANCE, Clock.system());
    }
}
