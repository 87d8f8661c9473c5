package io.zre4j;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable node configuration. Make one with {@link #builder()}, start from a preset ({@link #lan()},
 * {@link #loopback()}) or derive a variant with {@link #newBuilder()}. Every value is checked when it is
 * set, so a config that exists is valid.
 *
 * @param name              the node's public name; empty means the first six hex digits of its uuid
 * @param uuid              a fixed identity, stable across restarts; empty means a random one per node
 * @param headers           headers announced in HELLO, in insertion order
 * @param groups            groups to join as soon as the node starts
 * @param interfaceName     network interface for beacons and the inbox: a name ({@code lo}, {@code eth0}), an
 *                          address, or a CIDR; empty means {@code ZSYS_INTERFACE}, else the first suitable one
 * @param beaconPort        UDP port for beacons (Zyre's default 5670)
 * @param beaconInterval    time between beacons
 * @param evasiveTimeout    silence after which a peer is pinged and reported EVASIVE
 * @param silentTimeout     silence after which an unanswered peer is reported SILENT
 * @param expiredTimeout    silence after which a peer is dropped (EXIT)
 * @param endpoint          an explicit inbox endpoint to bind ({@code tcp://host:port}), like
 *                          {@code zyre_set_endpoint}; empty means an ephemeral port on the interface
 * @param ipv6              use IPv6; empty means {@code ZSYS_IPV6=1} decides
 * @param sendHighWaterMark messages queued per peer before sends are refused and counted (0 = no limit)
 * @param eventQueueCapacity events buffered for {@link ZreNode#recv()} before new ones are dropped and counted
 * @param maxFrameBytes     the largest frame accepted from a peer; a peer sending a larger one is disconnected
 *                          (protects the node from a hostile length field); 0 = no limit
 */
public record ZreConfig(
        Optional<String> name,
        Optional<PeerId> uuid,
        Map<String, String> headers,
        Set<String> groups,
        Optional<String> interfaceName,
        int beaconPort,
        Duration beaconInterval,
        Duration evasiveTimeout,
        Duration silentTimeout,
        Duration expiredTimeout,
        Optional<String> endpoint,
        Optional<Boolean> ipv6,
        int sendHighWaterMark,
        int eventQueueCapacity,
        long maxFrameBytes) {

    /** The ZRE beacon port, 5670. */
    public static final int DEFAULT_BEACON_PORT = 5670;
    /** The longest name, group or header key the wire allows, in UTF-8 bytes. */
    public static final int MAX_SHORT_STRING_BYTES = 255;

    /** Checks every value; see {@link AbstractBuilder} for the rules. */
    public ZreConfig {
        Objects.requireNonNull(name, "name").ifPresent(value -> checkShortString("name", value));
        Objects.requireNonNull(uuid, "uuid");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        headers.forEach((key, value) -> {
            checkShortString("header key", key);
            Objects.requireNonNull(value, "header value");
        });
        groups = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(groups, "groups")));
        groups.forEach(group -> checkShortString("group", group));
        Objects.requireNonNull(interfaceName, "interfaceName");
        checkPort(beaconPort);
        checkPositive("beaconInterval", beaconInterval);
        checkPositive("evasiveTimeout", evasiveTimeout);
        checkPositive("silentTimeout", silentTimeout);
        checkPositive("expiredTimeout", expiredTimeout);
        if (silentTimeout.compareTo(evasiveTimeout) <= 0 || silentTimeout.compareTo(expiredTimeout) > 0) {
            throw new IllegalArgumentException("timeouts must satisfy evasive < silent <= expired, got evasive "
                    + evasiveTimeout + ", silent " + silentTimeout + ", expired " + expiredTimeout);
        }
        Objects.requireNonNull(endpoint, "endpoint").ifPresent(ZreConfig::checkEndpoint);
        Objects.requireNonNull(ipv6, "ipv6");
        if (sendHighWaterMark < 0) {
            throw new IllegalArgumentException("sendHighWaterMark must be >= 0 (0 = no limit), got " + sendHighWaterMark);
        }
        if (eventQueueCapacity < 1) {
            throw new IllegalArgumentException("eventQueueCapacity must be >= 1, got " + eventQueueCapacity);
        }
        if (maxFrameBytes < 0) {
            throw new IllegalArgumentException("maxFrameBytes must be >= 0 (0 = no limit), got " + maxFrameBytes);
        }
    }

    /**
     * A builder holding the defaults (Zyre's: port 5670, beacons every second, evasive 5 s, expired 30 s).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults, for a LAN: automatic interface choice, Zyre's port and timers.
     *
     * @return the LAN preset
     */
    public static ZreConfig lan() {
        return builder().build();
    }

    /**
     * Everything on the loopback interface ({@code lo}, broadcast 127.255.255.255): several nodes on one
     * machine find each other and nothing leaves the host.
     *
     * @return the loopback preset
     */
    public static ZreConfig loopback() {
        return builder().interfaceName("lo").build();
    }

    /**
     * A builder initialised with this config's values, to derive a variant.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        return new Builder().from(this);
    }

    /**
     * The name to announce: the configured one, or the default Zyre uses (six hex digits of the uuid).
     *
     * @param self the node's identity
     * @return the effective name
     */
    public String effectiveName(PeerId self) {
        return name.orElseGet(self::shortName);
    }

    /**
     * Zyre reports SILENT one reap interval (a second) after EVASIVE; with short test timeouts, halfway
     * between evasive and expired comes first.
     */
    private static Duration defaultSilentTimeout(Duration evasive, Duration expired) {
        Duration oneSecondLater = evasive.plusSeconds(1);
        Duration halfway = evasive.plus(expired.minus(evasive).dividedBy(2));
        Duration silent = oneSecondLater.compareTo(halfway) < 0 ? oneSecondLater : halfway;
        return silent.compareTo(evasive) > 0 ? silent : expired;
    }

    /**
     * Checks a group name: 1 to 255 UTF-8 bytes, as the wire allows.
     *
     * @param group the group name
     * @return the group name
     * @throws IllegalArgumentException if it is empty or too long
     */
    public static String checkGroup(String group) {
        checkShortString("group", group);
        return group;
    }

    static void checkShortString(String what, String value) {
        Objects.requireNonNull(value, what);
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_SHORT_STRING_BYTES) {
            throw new IllegalArgumentException(what + " must be 1 to 255 UTF-8 bytes, got " + bytes + ": \""
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"");
        }
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("beaconPort must be 1 to 65535, got " + port);
        }
    }

    private static void checkPositive(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }

    private static void checkEndpoint(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        String port = colon < 0 ? "" : endpoint.substring(colon + 1);
        boolean portOk = port.equals("*") || port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535;
        if (!portOk || !endpoint.matches("tcp://[^:/\\s]+:(\\*|\\d{1,5})") && !endpoint.matches("tcp://\\[[0-9a-fA-F:.%\\w]+\\]:(\\*|\\d{1,5})")) {
            throw new IllegalArgumentException("endpoint must look like tcp://host:port or tcp://host:*, got \""
                    + endpoint + "\"");
        }
    }

    /** The builder for a plain {@link ZreConfig}. */
    public static final class Builder extends AbstractBuilder<Builder> {
        Builder() {
        }

        /**
         * Builds the config.
         *
         * @return the immutable config
         */
        public ZreConfig build() {
            return toConfig();
        }
    }

    /**
     * Setters shared by {@link Builder} and {@link Zre.NodeBuilder}; each one checks its value at once.
     *
     * @param <B> the concrete builder type, returned by every setter for chaining
     */
    public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {
        private String name;
        private PeerId uuid;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Set<String> groups = new LinkedHashSet<>();
        private String interfaceName;
        private int beaconPort = DEFAULT_BEACON_PORT;
        private Duration beaconInterval = Duration.ofSeconds(1);
        private Duration evasiveTimeout = Duration.ofSeconds(5);
        private Duration silentTimeout;
        private Duration expiredTimeout = Duration.ofSeconds(30);
        private String endpoint;
        private Boolean ipv6;
        private int sendHighWaterMark = 100_000;
        private int eventQueueCapacity = 100_000;
        private long maxFrameBytes = 64L * 1024 * 1024;

        AbstractBuilder() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Copies every value of {@code config} into this builder.
         *
         * @param config the values to start from
         * @return this builder
         */
        public B from(ZreConfig config) {
            name = config.name.orElse(null);
            uuid = config.uuid.orElse(null);
            headers.clear();
            headers.putAll(config.headers);
            groups.clear();
            groups.addAll(config.groups);
            interfaceName = config.interfaceName.orElse(null);
            beaconPort = config.beaconPort;
            beaconInterval = config.beaconInterval;
            evasiveTimeout = config.evasiveTimeout;
            // A silent timeout that was derived stays derived, so changing the other timeouts keeps it consistent.
            silentTimeout = config.silentTimeout.equals(defaultSilentTimeout(config.evasiveTimeout, config.expiredTimeout))
                    ? null : config.silentTimeout;
            expiredTimeout = config.expiredTimeout;
            endpoint = config.endpoint.orElse(null);
            ipv6 = config.ipv6.orElse(null);
            sendHighWaterMark = config.sendHighWaterMark;
            eventQueueCapacity = config.eventQueueCapacity;
            maxFrameBytes = config.maxFrameBytes;
            return self();
        }

        /**
         * The node's public name (1 to 255 UTF-8 bytes). Default: six hex digits of its uuid.
         *
         * @param name the name
         * @return this builder
         */
        public B name(String name) {
            checkShortString("name", name);
            this.name = name;
            return self();
        }

        /**
         * A fixed identity, so that the node keeps its uuid across restarts. Default: random.
         *
         * @param uuid the identity
         * @return this builder
         */
        public B uuid(PeerId uuid) {
            this.uuid = Objects.requireNonNull(uuid, "uuid");
            return self();
        }

        /**
         * Adds or replaces a header announced to peers in HELLO.
         *
         * @param key   1 to 255 UTF-8 bytes
         * @param value any text
         * @return this builder
         */
        public B header(String key, String value) {
            checkShortString("header key", key);
            headers.put(key, Objects.requireNonNull(value, "header value"));
            return self();
        }

        /**
         * A group to join as soon as the node starts (it travels in HELLO, as in Zyre).
         *
         * @param group 1 to 255 UTF-8 bytes
         * @return this builder
         */
        public B group(String group) {
            checkShortString("group", group);
            groups.add(group);
            return self();
        }

        /**
         * The network interface: a name ({@code lo}, {@code eth0}), an IP address, or a CIDR
         * ({@code 192.168.1.0/24}). Default: {@code ZSYS_INTERFACE}, else the first interface that is up,
         * not loopback and can broadcast.
         *
         * @param interfaceName the interface
         * @return this builder
         */
        public B interfaceName(String interfaceName) {
            if (Objects.requireNonNull(interfaceName, "interfaceName").isBlank()) {
                throw new IllegalArgumentException("interfaceName must not be blank");
            }
            this.interfaceName = interfaceName;
            return self();
        }

        /**
         * The UDP beacon port. Default 5670; nodes only find each other on the same port.
         *
         * @param beaconPort 1 to 65535
         * @return this builder
         */
        public B beaconPort(int beaconPort) {
            checkPort(beaconPort);
            this.beaconPort = beaconPort;
            return self();
        }

        /**
         * Time between beacons. Default 1 s.
         *
         * @param beaconInterval a positive duration
         * @return this builder
         */
        public B beaconInterval(Duration beaconInterval) {
            checkPositive("beaconInterval", beaconInterval);
            this.beaconInterval = beaconInterval;
            return self();
        }

        /**
         * Silence after which a peer is pinged and reported EVASIVE. Default 5 s.
         *
         * @param evasiveTimeout a positive duration, shorter than the expired timeout
         * @return this builder
         */
        public B evasiveTimeout(Duration evasiveTimeout) {
            checkPositive("evasiveTimeout", evasiveTimeout);
            this.evasiveTimeout = evasiveTimeout;
            return self();
        }

        /**
         * Silence after which a peer that did not answer its ping is reported SILENT. Default: the evasive
         * timeout plus one second (Zyre's reap interval), or halfway to expiry when that is sooner.
         *
         * @param silentTimeout a duration between the evasive and the expired timeout
         * @return this builder
         */
        public B silentTimeout(Duration silentTimeout) {
            checkPositive("silentTimeout", silentTimeout);
            this.silentTimeout = silentTimeout;
            return self();
        }

        /**
         * Silence after which a peer is dropped with EXIT. Default 30 s.
         *
         * @param expiredTimeout a positive duration, longer than the evasive timeout
         * @return this builder
         */
        public B expiredTimeout(Duration expiredTimeout) {
            checkPositive("expiredTimeout", expiredTimeout);
            this.expiredTimeout = expiredTimeout;
            return self();
        }

        /**
         * Binds the inbox at an explicit endpoint instead of an ephemeral port, like
         * {@code zyre_set_endpoint}.
         *
         * @param endpoint {@code tcp://host:port} or {@code tcp://host:*}
         * @return this builder
         */
        public B endpoint(String endpoint) {
            checkEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
            this.endpoint = endpoint;
            return self();
        }

        /**
         * Uses IPv6 (beacons to the link-local all-nodes group ff02::1). Default: {@code ZSYS_IPV6=1}.
         *
         * @param ipv6 true for IPv6
         * @return this builder
         */
        public B ipv6(boolean ipv6) {
            this.ipv6 = ipv6;
            return self();
        }

        /**
         * Messages queued per peer before further sends are refused and counted. Default 100 000.
         *
         * @param sendHighWaterMark 0 for no limit
         * @return this builder
         */
        public B sendHighWaterMark(int sendHighWaterMark) {
            if (sendHighWaterMark < 0) {
                throw new IllegalArgumentException("sendHighWaterMark must be >= 0, got " + sendHighWaterMark);
            }
            this.sendHighWaterMark = sendHighWaterMark;
            return self();
        }

        /**
         * Events buffered for {@link ZreNode#recv()} before further events are dropped and counted.
         * Default 100 000.
         *
         * @param eventQueueCapacity at least 1
         * @return this builder
         */
        public B eventQueueCapacity(int eventQueueCapacity) {
            if (eventQueueCapacity < 1) {
                throw new IllegalArgumentException("eventQueueCapacity must be >= 1, got " + eventQueueCapacity);
            }
            this.eventQueueCapacity = eventQueueCapacity;
            return self();
        }

        /**
         * The largest frame accepted from a peer; a peer that sends a larger one is disconnected, so a
         * hostile length field cannot make the node allocate gigabytes. Default 64 MiB.
         *
         * @param maxFrameBytes 0 for no limit
         * @return this builder
         */
        public B maxFrameBytes(long maxFrameBytes) {
            if (maxFrameBytes < 0) {
                throw new IllegalArgumentException("maxFrameBytes must be >= 0, got " + maxFrameBytes);
            }
            this.maxFrameBytes = maxFrameBytes;
            return self();
        }

        /**
         * Builds the config from the values set so far.
         *
         * @return the immutable config
         * @throws IllegalArgumentException if the timeouts do not satisfy evasive &lt; silent &lt;= expired
         */
        protected ZreConfig toConfig() {
            Duration silent = silentTimeout != null ? silentTimeout : defaultSilentTimeout(evasiveTimeout, expiredTimeout);
            return new ZreConfig(Optional.ofNullable(name), Optional.ofNullable(uuid), headers, groups,
                    Optional.ofNullable(interfaceName), beaconPort, beaconInterval, evasiveTimeout, silent,
                    expiredTimeout, Optional.ofNullable(endpoint), Optional.ofNullable(ipv6), sendHighWaterMark,
                    eventQueueCapacity, maxFrameBytes);
        }
    }
}
