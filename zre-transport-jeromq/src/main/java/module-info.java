/**
 * zre4j's production transport: a ROUTER inbox and one DEALER per peer over JeroMQ (pure Java ZeroMQ),
 * plus {@link io.zre4j.transport.jeromq.ZreEventSocket}, a pollable socket carrying a node's events in
 * Zyre's frame layout.
 */
module io.zre4j.transport.jeromq {
    requires transitive io.zre4j.api;
    requires transitive com.google.guice;
    requires transitive org.zeromq.jeromq;
    requires io.zre4j.core;
    requires org.slf4j;

    exports io.zre4j.transport.jeromq;

    provides io.zre4j.spi.TransportProvider with io.zre4j.transport.jeromq.JeromqTransportProvider;
}
