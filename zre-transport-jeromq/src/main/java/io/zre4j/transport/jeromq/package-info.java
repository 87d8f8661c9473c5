/**
 * The JeroMQ transport, wire-compatible with Zyre and Pyre: each node binds a ROUTER inbox (with
 * ROUTER_HANDOVER, as Zyre does) and opens one DEALER per peer whose routing identity is {@code 0x01}
 * followed by the node's 16-byte uuid.
 *
 * <ul>
 *   <li>{@link io.zre4j.transport.jeromq.JeromqTransportProvider}: the {@link io.zre4j.spi.TransportProvider}
 *       that {@link java.util.ServiceLoader} finds (name {@code jeromq});</li>
 *   <li>{@link io.zre4j.transport.jeromq.JeromqTransportModule}: the same for Guice users;</li>
 *   <li>{@link io.zre4j.transport.jeromq.ZreEventSocket}: a node's events as ZeroMQ messages, for
 *       applications that poll sockets (Pyre's {@code get_socket()}).</li>
 * </ul>
 */
package io.zre4j.transport.jeromq;
