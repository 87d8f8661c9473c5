/**
 * zre4j's core: the ZRE wire codec, the sans-I/O protocol engine, the node runtime and the Guice module.
 */
module io.zre4j.core {
    requires transitive io.zre4j.api;
    requires transitive com.google.guice;
    requires org.slf4j;

    exports io.zre4j.core;
    exports io.zre4j.core.codec;
    exports io.zre4j.core.engine;
    exports io.zre4j.core.discovery;

    uses io.zre4j.spi.TransportProvider;
    uses io.zre4j.spi.DiscoveryProvider;

    provides io.zre4j.spi.NodeFactory with io.zre4j.core.DefaultNodeFactory;

    opens io.zre4j.core to com.google.guice;
}
