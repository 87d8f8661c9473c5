package io.zre4j;

import io.zre4j.spi.DiscoveryProvider;
import io.zre4j.spi.NodeFactory;
import io.zre4j.spi.TransportProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The front door: build a node in three lines.
 *
 * <pre>{@code
 * try (ZreNode node = Zre.builder().name("alice").header("X-ROLE", "camera").build().start()) {
 *     node.join("CHAT");
 *     node.shouts("CHAT", "hello from %s", node.name());
 * }
 * }</pre>
 *
 * <p>With {@code zre-transport-jeromq} and {@code zre-discovery-udp} on the class path, the builder uses
 * them (it finds them with {@link ServiceLoader}). To swap one, name another:
 * {@code .discovery(myDiscoveryProvider)}. Guice users compose {@code ZreModule} and the modules of
 * their transport and discovery instead.
 */
public final class Zre {

    private Zre() {
    }

    /**
     * A builder with Zyre's defaults.
     *
     * @return a new builder
     */
    public static NodeBuilder builder() {
        return new NodeBuilder();
    }

    /** Builds a {@link ZreNode}: every {@link ZreConfig} setting, plus the choice of transport and discovery. */
    public static final class NodeBuilder extends ZreConfig.AbstractBuilder<NodeBuilder> {
        private TransportProvider transport;
        private DiscoveryProvider discovery;

        NodeBuilder() {
        }

        /**
         * Starts from a configuration, e.g. {@link ZreConfig#loopback()}.
         *
         * @param config the values to copy
         * @return this builder
         */
        public NodeBuilder config(ZreConfig config) {
            return from(config);
        }

        /**
         * Uses this transport instead of the one found on the class path.
         *
         * @param transport the transport provider
         * @return this builder
         */
        public NodeBuilder transport(TransportProvider transport) {
            this.transport = java.util.Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Uses this discovery instead of the one found on the class path.
         *
         * @param discovery the discovery provider
         * @return this builder
         */
        public NodeBuilder discovery(DiscoveryProvider discovery) {
            this.discovery = java.util.Objects.requireNonNull(discovery, "discovery");
            return this;
        }

        /**
         * The configuration built from the values set so far.
         *
         * @return the configuration
         */
        public ZreConfig buildConfig() {
            return toConfig();
        }

        /**
         * Builds the node (not started yet: call {@link ZreNode#start()}).
         *
         * @return the node
         * @throws ZreException if zre-core, a transport or a discovery is missing from the class path, or
         *                      several are present and none was chosen
         */
        public ZreNode build() {
            return nodeFactory().create(toConfig(), transport, discovery);
        }

        private static NodeFactory nodeFactory() {
            List<NodeFactory> factories = ServiceLoader.load(NodeFactory.class, Zre.class.getClassLoader())
                    .stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
            if (factories.isEmpty()) {
                factories = ServiceLoader.load(NodeFactory.class).stream().map(ServiceLoader.Provider::get)
                        .collect(Collectors.toList());
            }
            if (factories.size() != 1) {
                throw new ZreException(factories.isEmpty()
                        ? "no zre4j node implementation on the class path: add the io.zre4j:zre-core dependency"
                        : "several zre4j node implementations on the class path: " + factories);
            }
            return factories.get(0);
        }
    }
}
