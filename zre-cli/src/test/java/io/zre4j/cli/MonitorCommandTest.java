package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.ZreEvent;
import org.junit.jupiter.api.Test;

/** {@code zre4j monitor} run in process, watching a real node of the test on loopback. */
class MonitorCommandTest {

    private final int port = LoopbackPorts.freeUdpPort();

    @Test
    void onceShowsEachPeerWithNameUuidAddressGroupsHeadersAndState() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port)) {
            InProcessCli cli = InProcessCli.run("monitor", "--once", "--until-peers", "1", "--listen", "20s",
                    "--interface", "lo", "--port", Integer.toString(port), "--interval", "100ms");
            assertThat(cli.exitCode()).isZero();
            assertThat(cli.out.all()).anySatisfy(line -> assertThat(line).startsWith("NAME").contains("UUID", "ADDRESS",
                    "GROUPS", "HEADERS", "LAST SEEN", "STATE"));
            assertThat(cli.out.all()).anySatisfy(line -> assertThat(line).startsWith("peer ")
                    .contains(peer.node.uuid().toString(), peer.node.endpoint(), "CHAT", "X-ROLE=test", "alive"));
            assertThat(cli.out.all()).anySatisfy(line -> assertThat(line).contains("ENTER   peer ["));
        }
    }

    @Test
    void liveModeRedrawsTheTableUntilAskedToEndAndThenLeavesPolitely() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port)) {
            InProcessCli cli = InProcessCli.start("monitor", "--refresh", "100ms", "--duration", "1m",
                    "--interface", "lo", "--port", Integer.toString(port), "--interval", "100ms");
            // Redrawn after the peer appeared: the table follows the network while it runs.
            cli.out.await("a redraw with the peer", line -> line.startsWith("peer ") && line.contains("CHAT"));
            cli.out.await("the header", line -> line.startsWith("zre4j monitor ") && line.endsWith(" - 1 peer"));
            assertThat(cli.out.all().stream().filter(line -> line.startsWith("zre4j monitor ")).count()).isGreaterThan(1);
            peer.awaitEvent(ZreEvent.Enter.class, enter -> enter.peer().toString().equals(monitorUuid(cli)));
            cli.interrupt();
            assertThat(cli.awaitExit()).isZero();
            peer.awaitEvent(ZreEvent.Exit.class, exit -> exit.peer().toString().equals(monitorUuid(cli)));
        }
    }

    /** The monitor's own uuid, from its header line: "zre4j monitor 12:00:00 - NAME [UUID] beacon port ...". */
    private static String monitorUuid(InProcessCli cli) {
        String header = cli.out.awaitContaining("zre4j monitor ");
        return header.substring(header.indexOf('[') + 1, header.indexOf(']'));
    }
}
