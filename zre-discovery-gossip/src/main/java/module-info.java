/**
 * Discovery without broadcast, for VPNs, clouds and containers: czmq's ZGOSSIP protocol, as Zyre's
 * {@code zyre_gossip_bind} and {@code zyre_gossip_connect} speak it. Chosen by name, never by
 * {@link java.util.ServiceLoader}: see {@link io.zre4j.discovery.gossip.GossipDiscovery}.
 */
module io.zre4j.discovery.gossip {
    requires io.zre4j.core;
    requires org.slf4j;
    requires org.zeromq.jeromq;

    exports io.zre4j.discovery.gossip;
}
