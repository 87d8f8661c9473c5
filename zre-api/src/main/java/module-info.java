/**
 * zre4j's public API and service-provider interfaces.
 *
 * <p>This module has no third-party dependency so that a transport, discovery or scheduler can be
 * written against it alone. Applications use {@link io.zre4j.Zre} and {@link io.zre4j.ZreNode};
 * implementers of the SPIs use {@code io.zre4j.spi}.
 */
module io.zre4j.api {
    exports io.zre4j;
    exports io.zre4j.spi;

    uses io.zre4j.spi.NodeFactory;
}
