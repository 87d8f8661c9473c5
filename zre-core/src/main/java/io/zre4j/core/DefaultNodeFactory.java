package io.zre4j.core;

import io.zre4j.ZreConfig;
import io.zre4j.ZreException;
import io.zre4j.ZreNode;
import io.zre4j.spi.DiscoveryProvider;
import io.zre4j.spi.NodeFactory;
import io.zre4j.spi.TransportProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Builds nodes for {@link io.zre4j.Zre#builder()}: the transport and discovery the application named, or
 * else the single provider of each found on the class path or module path.
 */
public final class DefaultNodeFactory implements NodeFactory {

    /** Used by {@link ServiceLoader}. */
    public DefaultNodeFactory() {
    }

    @Override
    public ZreNode create(ZreConfig config, TransportProvider transport, DiscoveryProvider discovery) {
        TransportProvider chosenTransport = transport != null ? transport
                : single(TransportProvider.class, TransportProvider::name, "transport", "io.zre4j:zre-transport-jeromq");
        DiscoveryProvider chosenDiscovery = discovery != null ? discovery
                : single(DiscoveryProvider.class, DiscoveryProvider::name, "discovery", "io.zre4j:zre-discovery-udp");
        return new DefaultZreNode(config, NodeComponents.of(chosenTransport, chosenDiscovery));
    }

    /**
     * The one provider of a service on the class path; like SLF4J, none or several is an error that names
     * what to do, unless the application chose explicitly.
     */
    static <T> T single(Class<T> service, java.util.function.Function<T, String> name, String what, String artifact) {
        List<T> found = ServiceLoader.load(service, DefaultNodeFactory.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new ZreException("no zre4j " + what + " on the class path: add the " + artifact
                    + " dependency, or pass one to Zre.builder()." + what + "(...)");
        }
        throw new ZreException("several zre4j " + what + "s on the class path ("
                + found.stream().map(name).collect(Collectors.joining(", "))
                + "): choose one with Zre.builder()." + what + "(...)");
    }
}
