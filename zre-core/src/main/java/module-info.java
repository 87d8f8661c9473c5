/**
 * zre4j's core: the ZRE wire codec, the sans-I/O protocol engine, the node runtime and the Guice module.
 */
module io.zre4j.core {
    requires transitive io.zre4j.api;
    requires transitive com.google.guice;
    requires org.slf4j;

    exports io.zre4j.core.codec;
}
