package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.ZreEvent;
import org.junit.jupiter.api.Test;

/** {@code zre4j chat} run in process, with a real node of the test in the chat group on loopback. */
class ChatCommandTest {

    private final int port = LoopbackPorts.freeUdpPort();

    private InProcessCli chat() {
        return InProcessCli.start("chat", "--name", "alice", "--interface", "lo", "--port", Integer.toString(port),
                "--interval", "100ms");
    }

    /** Starts the chat and waits until it and the peer know each other in CHAT. */
    private InProcessCli chatWith(TestPeers.Peer peer) {
        InProcessCli cli = chat();
        cli.out.awaitContaining("* peer joined CHAT");
        peer.awaitEvent(ZreEvent.Join.class, join -> join.name().equals("alice") && join.group().equals("CHAT"));
        return cli;
    }

    @Test
    void shoutsAndWhispersOfOthersArePrintedWithTheirName() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = chatWith(peer)) {
            peer.node.shouts("CHAT", "hello alice");
            peer.node.whispers(peer.node.peers().iterator().next(), "just for you");
            cli.out.await("the shout", line -> line.equals("peer: hello alice"));
            cli.out.await("the whisper", line -> line.equals("peer (whisper): just for you"));
        }
    }

    @Test
    void aTypedLineIsShoutedToTheChatGroup() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = chatWith(peer)) {
            cli.stdin.type("hi there, peer");
            ZreEvent.Shout shout = peer.awaitEvent(ZreEvent.Shout.class, event -> true);
            assertThat(shout.group()).isEqualTo("CHAT");
            assertThat(shout.content().text()).isEqualTo("hi there, peer");
        }
    }

    @Test
    void slashWWhispersToAPeerNamedOnTheLine() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = chatWith(peer)) {
            cli.stdin.type("/w peer a secret");
            assertThat(peer.awaitEvent(ZreEvent.Whisper.class, event -> true).content().text()).isEqualTo("a secret");
        }
    }

    @Test
    void slashPeersListsThePeers() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = chatWith(peer)) {
            cli.stdin.type("/peers");
            cli.out.awaitContaining("* 1 peer");
            cli.out.await("the peer's line", line -> line.startsWith("  peer " + peer.node.uuid() + " " + peer.node.endpoint())
                    && line.contains("groups [CHAT]") && line.contains("X-ROLE=test"));
        }
    }

    @Test
    void unknownSlashCommandIsReportedAndTheChatGoesOn() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port); InProcessCli cli = chatWith(peer)) {
            cli.stdin.type("/dance");
            cli.err.awaitContaining("error: unknown command /dance");
            cli.stdin.type("still here");
            peer.awaitEvent(ZreEvent.Shout.class, shout -> shout.content().text().equals("still here"));
        }
    }

    @Test
    void endOfInputLeavesPolitely() {
        try (TestPeers.Peer peer = TestPeers.start("peer", port)) {
            InProcessCli cli = chatWith(peer);
            cli.stdin.end();
            assertThat(cli.awaitExit()).isZero();
            assertThat(cli.out.all()).last().isEqualTo("* you left");
            peer.awaitEvent(ZreEvent.Exit.class, exit -> exit.name().equals("alice"));
        }
    }
}
