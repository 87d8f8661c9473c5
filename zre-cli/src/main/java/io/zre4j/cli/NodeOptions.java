package io.zre4j.cli;

import io.zre4j.PeerId;
import io.zre4j.Zre;
import io.zre4j.ZreConfig;
import io.zre4j.ZreNetworkException;
import io.zre4j.ZreNode;
import io.zre4j.discovery.gossip.GossipDiscovery;
import io.zre4j.discovery.gossip.GossipDiscoveryProvider;
import io.zre4j.spi.NetworkSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of every command that runs a real node (chat, monitor, node): identity, groups, headers,
 * network, timers, and gossip discovery instead of beacons. Unset options keep Zyre's defaults: the interface from {@code ZSYS_INTERFACE} or the
 * first suitable one, beacon port 5670, beacons every second, evasive after 5 s, expired after 30 s.
 */
final class NodeOptions {

    private static final Duration DEFAULT_EVASIVE = ZreConfig.builder().build().evasiveTimeout();
    private static final Duration DEFAULT_EXPIRED = ZreConfig.builder().build().expiredTimeout();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--name", paramLabel = "NAME", order = 1,
            description = "Public name (default: the first six hex digits of the uuid; chat: your login name).")
    private String name;

    @Option(names = "--uuid", paramLabel = "UUID", converter = PeerIdConverter.class, order = 2,
            description = "Fixed identity, 32 hex digits (default: a random one).")
    private PeerId uuid;

    @Option(names = "--group", paramLabel = "GROUP", order = 3,
            description = "Group to join at start; repeatable.")
    private List<String> groups = new ArrayList<>();

    @Option(names = "--header", paramLabel = "KEY=VALUE", order = 4,
            description = "Header announced to peers; repeatable.")
    private List<String> headerSpecs = new ArrayList<>();

    @Option(names = "--interface", paramLabel = "IFACE", order = 5,
            description = "Network interface: a name (lo, eth0), an address or a CIDR "
                    + "(default: $ZSYS_INTERFACE, else the first one that can broadcast).")
    private String interfaceName;

    @Option(names = "--port", paramLabel = "PORT", order = 6, defaultValue = "" + ZreConfig.DEFAULT_BEACON_PORT,
            description = "UDP beacon port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, order = 7,
            description = "Time between beacons (default: 1s). Durations: 500ms, 2s, 1m or milliseconds.")
    private Duration interval;

    @Option(names = "--evasive", paramLabel = "DURATION", converter = DurationConverter.class, order = 8,
            description = "Silence before a peer is pinged and reported EVASIVE (default: 5s).")
    private Duration evasive;

    @Option(names = "--expired", paramLabel = "DURATION", converter = DurationConverter.class, order = 9,
            description = "Silence before a peer is dropped with EXIT (default: 30s).")
    private Duration expired;

    @Option(names = "--gossip-bind", paramLabel = "ENDPOINT", order = 10,
            description = "Find peers by gossip instead of beacons: serve the gossip network at this endpoint, "
                    + "e.g. tcp://10.8.0.1:5670 (Zyre's zyre_gossip_bind); repeatable.")
    private List<String> gossipBinds = new ArrayList<>();

    @Option(names = "--gossip-connect", paramLabel = "ENDPOINT", order = 11,
            description = "Find peers by gossip instead of beacons: join the gossip network at this endpoint "
                    + "(Zyre's zyre_gossip_connect); repeatable.")
    private List<String> gossipConnects = new ArrayList<>();

    /**
     * The first {@code --group}, if any.
     *
     * @return the group
     */
    Optional<String> firstGroup() {
        return groups.stream().findFirst();
    }

    /**
     * Whether {@code --name} was given.
     *
     * @return true if a name was chosen
     */
    boolean hasName() {
        return name != null;
    }

    /**
     * Builds the (unstarted) node these options describe.
     *
     * @param adjust last changes made by the command (e.g. chat adds its group)
     * @return the node
     * @throws ParameterException if the values do not make a valid configuration (exit code 2)
     */
    ZreNode newNode(UnaryOperator<Zre.NodeBuilder> adjust) {
        Zre.NodeBuilder builder = Zre.builder();
        try {
            if (port < 1 || port > 65535) {
                throw invalid("--port", "must be 1 to 65535, got " + port);
            }
            if (name != null) {
                builder.name(name);
            }
            if (uuid != null) {
                builder.uuid(uuid);
            }
            groups.forEach(builder::group);
            headers().forEach(builder::header);
            if (interfaceName != null) {
                builder.interfaceName(interfaceName);
            }
            builder.beaconPort(port);
            if (interval != null) {
                builder.beaconInterval(interval);
            }
            if (evasive != null) {
                builder.evasiveTimeout(evasive);
            }
            if (expired != null) {
                builder.expiredTimeout(expired);
            }
            checkTimeouts();
            if (!gossipBinds.isEmpty() || !gossipConnects.isEmpty()) {
                builder.discovery(gossip());
            }
            adjust.apply(builder);
            ZreConfig config = builder.buildConfig();
            checkInterface(config);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "invalid options: " + e.getMessage(), e);
        }
        return builder.build();
    }

    private GossipDiscoveryProvider gossip() {
        GossipDiscoveryProvider gossip = gossipBinds.isEmpty()
                ? GossipDiscovery.connect(gossipConnects.toArray(String[]::new))
                : GossipDiscovery.bind(gossipBinds.toArray(String[]::new));
        return gossipBinds.isEmpty() || gossipConnects.isEmpty()
                ? gossip : gossip.connect(gossipConnects.toArray(String[]::new));
    }

    /** The --header values as a map; a value without '=' or a key given twice is a usage error. */
    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String spec : headerSpecs) {
            int eq = spec.indexOf('=');
            if (eq < 1) {
                throw invalid("--header", "'" + spec + "' is not KEY=VALUE (a non-empty key, then '=', then the value)");
            }
            String key = spec.substring(0, eq);
            if (headers.putIfAbsent(key, spec.substring(eq + 1)) != null) {
                throw invalid("--header", "header '" + key + "' is given twice");
            }
        }
        return headers;
    }

    /** Evasive must come before expiry; say so in the options' own words (one of them may be a default). */
    private void checkTimeouts() {
        Duration effectiveEvasive = evasive != null ? evasive : DEFAULT_EVASIVE;
        Duration effectiveExpired = expired != null ? expired : DEFAULT_EXPIRED;
        if (effectiveEvasive.compareTo(effectiveExpired) >= 0) {
            throw new ParameterException(command.commandLine(), "Invalid timeouts: --evasive ("
                    + text(effectiveEvasive) + (evasive == null ? ", the default" : "") + ") must be shorter than --expired ("
                    + text(effectiveExpired) + (expired == null ? ", the default" : "") + ")"
                    + (evasive == null ? "; set --evasive too" : expired == null ? "; set --expired too" : ""));
        }
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** A wrong --interface is a usage error (exit code 2), not a failure at run time. */
    private void checkInterface(ZreConfig config) {
        if (interfaceName == null) {
            return;
        }
        try {
            NetworkSelection.select(config);
        } catch (ZreNetworkException e) {
            throw invalid("--interface", e.getMessage());
        }
    }

    private ParameterException invalid(String option, String problem) {
        return new ParameterException(command.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
