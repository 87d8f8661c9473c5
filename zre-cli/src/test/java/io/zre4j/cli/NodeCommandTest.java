package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zre4j.ZreEvent;
import org.junit.jupiter.api.Test;

/** {@code zre4j node} run in process, against a real node of the test on loopback. */
class NodeCommandTest {

    private final int port = LoopbackPorts.freeUdpPort();

    private InProcessCli node(String... more) {
        String[] args = {"node", "--json", "--name", "scripted", "--interface", "lo", "--port", Integer.toString(port),
            "--interval", "100ms"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return InProcessCli.start(all);
    }

    private static JsonNode awaitType(InProcessCli cli, String type) {
        return CliProcess.parse(cli.out.await(type + " in " + cli.out,
                line -> CliProcess.parse(line).path("type").asText().equals(type)));
    }

    @Test
    void readyIsTheFirstLineAndNamesTheNodeAndItsEndpoint() {
        try (InProcessCli cli = node("--uuid", "29501FBA21C14CE5A8EE1D33CC4AC354")) {
            awaitType(cli, "READY");
            JsonNode ready = CliProcess.parse(cli.out.all().get(0));
            assertThat(ready.get("type").asText()).isEqualTo("READY");
            assertThat(ready.get("peer").asText()).isEqualTo("29501FBA21C14CE5A8EE1D33CC4AC354");
            assertThat(ready.get("name").asText()).isEqualTo("scripted");
            assertThat(ready.get("endpoint").asText()).startsWith("tcp://127.0.0.1:");
        }
    }

    @Test
    void shoutAndWhisperCommandsReachThePeer() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = node("--group", "CHAT")) {
            cli.out.awaitContaining("\"type\":\"JOIN\",\"peer\":\"" + peer.node.uuid() + "\"");
            peer.awaitEvent(ZreEvent.Join.class, join -> join.name().equals("scripted"));

            cli.stdin.type("shout CHAT two  spaces kept");
            cli.stdin.type("whisper peer by name");
            cli.stdin.type("whisper " + peer.node.uuid() + " by uuid");

            ZreEvent.Shout shout = peer.awaitEvent(ZreEvent.Shout.class, event -> true);
            assertThat(shout.group()).isEqualTo("CHAT");
            assertThat(shout.content().text()).isEqualTo("two  spaces kept");
            peer.awaitEvent(ZreEvent.Whisper.class, whisper -> whisper.content().text().equals("by name"));
            peer.awaitEvent(ZreEvent.Whisper.class, whisper -> whisper.content().text().equals("by uuid"));
        }
    }

    @Test
    void peersListsEachPeerWithAddressGroupsAndHeaders() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = node()) {
            cli.out.awaitContaining("\"type\":\"JOIN\"");
            cli.stdin.type("peers");
            JsonNode entry = awaitType(cli, "PEERS").get("peers").get(0);
            assertThat(entry.get("peer").asText()).isEqualTo(peer.node.uuid().toString());
            assertThat(entry.get("name").asText()).isEqualTo("peer");
            assertThat(entry.get("address").asText()).isEqualTo(peer.node.endpoint());
            assertThat(entry.get("groups").get(0).asText()).isEqualTo("CHAT");
            assertThat(entry.get("headers").get("X-ROLE").asText()).isEqualTo("test");
        }
    }

    @Test
    void contestMakesALoneMemberTheLeaderOfItsGroup() {
        try (InProcessCli cli = node("--group", "ROOM")) {
            JsonNode ready = awaitType(cli, "READY");
            cli.stdin.type("contest ROOM");
            JsonNode leader = awaitType(cli, "LEADER");
            assertThat(leader.get("group").asText()).isEqualTo("ROOM");
            assertThat(leader.get("peer").asText()).isEqualTo(ready.get("peer").asText());
        }
    }

    @Test
    void joinAndLeaveCommandsAreSeenByThePeer() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = node()) {
            peer.awaitEvent(ZreEvent.Enter.class, enter -> enter.name().equals("scripted"));
            cli.stdin.type("join ROOM");
            peer.awaitEvent(ZreEvent.Join.class, join -> join.group().equals("ROOM"));
            cli.stdin.type("leave ROOM");
            peer.awaitEvent(ZreEvent.Leave.class, leave -> leave.group().equals("ROOM"));
        }
    }

    @Test
    void unknownAndMalformedCommandsAreReportedOnStderrAndTheNodeKeepsRunning() {
        try (InProcessCli cli = node()) {
            awaitType(cli, "READY");
            cli.stdin.type("dance");
            cli.stdin.type("shout CHAT");
            cli.stdin.type("join " + "G".repeat(300));
            cli.stdin.type("whisper nobody hello");
            cli.stdin.type("peers");
            awaitType(cli, "PEERS");
            assertThat(cli.err.all()).anySatisfy(line -> assertThat(line).startsWith("error: unknown command \"dance\""))
                    .anySatisfy(line -> assertThat(line).startsWith("error: malformed command \"shout CHAT\""))
                    .anySatisfy(line -> assertThat(line).startsWith("error: group must be 1 to 255 UTF-8 bytes"))
                    .anySatisfy(line -> assertThat(line).startsWith("error: no peer is named \"nobody\""));
        }
    }

    @Test
    void endOfInputStopsThePeerPolitelyWithStopLast() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port)) {
            InProcessCli cli = node();
            peer.awaitEvent(ZreEvent.Enter.class, enter -> enter.name().equals("scripted"));
            cli.stdin.end();
            assertThat(cli.awaitExit()).isZero();
            assertThat(CliProcess.parse(cli.out.all().get(cli.out.all().size() - 1)).get("type").asText()).isEqualTo("STOP");
            peer.awaitEvent(ZreEvent.Exit.class, exit -> exit.name().equals("scripted"));
        }
    }

    @Test
    void nodesFindEachOtherByGossipWithoutBeacons() throws java.io.IOException {
        String hub;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            hub = "tcp://127.0.0.1:" + free.getLocalPort();
        }
        // Each node beacons on a port of its own: only gossip can bring them together.
        try (InProcessCli server = InProcessCli.start("node", "--json", "--name", "hub", "--interface", "lo", "--port",
                Integer.toString(LoopbackPorts.freeUdpPort()), "--gossip-bind", hub);
             InProcessCli client = InProcessCli.start("node", "--json", "--name", "spoke", "--interface", "lo", "--port",
                Integer.toString(LoopbackPorts.freeUdpPort()), "--gossip-connect", hub)) {
            assertThat(awaitType(server, "ENTER").get("name").asText()).isEqualTo("spoke");
            assertThat(awaitType(client, "ENTER").get("name").asText()).isEqualTo("hub");
        }
    }

    @Test
    void anExpiryShorterThanTheDefaultEvasiveTimeoutIsAUsageErrorThatSaysWhatToSet() {
        InProcessCli cli = InProcessCli.run("node", "--json", "--interface", "lo", "--expired", "2s");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err.all()).anySatisfy(line -> assertThat(line)
                .contains("--evasive (5s, the default) must be shorter than --expired (2s); set --evasive too"));
    }

    @Test
    void aGossipEndpointThatIsNotTcpIsAUsageError() {
        InProcessCli cli = InProcessCli.run("node", "--json", "--interface", "lo", "--gossip-connect", "10.0.0.1:5670");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err.all()).anySatisfy(line -> assertThat(line).contains("tcp://host:port"));
    }

    @Test
    void everyLineOnStdoutIsJson() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = node("--group", "CHAT")) {
            cli.out.awaitContaining("\"type\":\"JOIN\"");
            peer.awaitEvent(ZreEvent.Join.class, join -> join.name().equals("scripted"));
            peer.node.shouts("CHAT", "caf\u00e9 \"quoted\"\nnew line");
            JsonNode shout = awaitType(cli, "SHOUT");
            assertThat(shout.get("text").asText()).isEqualTo("caf\u00e9 \"quoted\"\nnew line");
            cli.stdin.end();
            cli.awaitExit();
            assertThat(cli.out.all()).allSatisfy(line -> assertThat(CliProcess.parse(line).has("type")).isTrue());
        }
    }

    @Test
    void withoutJsonTheNodePrintsReadableLines() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port)) {
            InProcessCli cli = InProcessCli.start("node", "--name", "plain", "--interface", "lo", "--port",
                    Integer.toString(port), "--interval", "100ms");
            cli.out.await("READY line", line -> line.startsWith("READY   plain ["));
            String shortId = peer.node.uuid().toString().substring(0, 8);
            cli.out.await("ENTER line", line -> line.startsWith("ENTER   peer [" + shortId + "] ") && line.contains("{X-ROLE=test}"));
            cli.close();
        }
    }
}
