/**
 * ZRE discovery over czmq's gossip protocol (ZGOSSIP v1), interoperable with Zyre's gossip mode.
 *
 * <p>Some nodes bind a gossip endpoint (they are hubs), the others connect to one or more hubs; every node
 * publishes the tuple (its uuid, its inbox endpoint), and every tuple a node learns it passes on to the
 * nodes connected to it and the hubs it is connected to, so the whole network learns every node. One daemon
 * thread per node, {@code zre-gossip-<name>}, owns the sockets. The public types are
 * {@link io.zre4j.discovery.gossip.GossipDiscovery} and {@link io.zre4j.discovery.gossip.GossipDiscoveryProvider}.
 */
package io.zre4j.discovery.gossip;
