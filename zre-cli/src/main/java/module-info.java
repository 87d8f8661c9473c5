/**
 * The zre4j command line: chat, a live peer monitor, a local demo, a simulator runner and a scriptable
 * JSON node. The transport and the discovery are found at run time by {@link java.util.ServiceLoader}.
 */
module io.zre4j.cli {
    requires io.zre4j.sim;
    requires io.zre4j.discovery.gossip;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    // picocli reads and writes the annotated option fields by reflection.
    opens io.zre4j.cli to info.picocli;
}
