/**
 * zre4j's deterministic network simulator: real ZRE engines over an in-memory network, in virtual time,
 * driven by one seed. Also a JUnit 5 extension to write 100-node scenarios in a few lines.
 */
module io.zre4j.sim {
    requires transitive io.zre4j.core;
    requires org.slf4j;
    requires static org.junit.jupiter.api;

    exports io.zre4j.sim;
    exports io.zre4j.sim.junit;
}
