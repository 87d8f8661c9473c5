package io.zre4j.transport.jeromq;

import static io.zre4j.transport.jeromq.TransportFixture.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zre4j.Counter;
import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import io.zre4j.transport.jeromq.RecordingListener.Message;
import io.zre4j.transport.jeromq.TransportFixture.Node;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that sends a message that never ends (empty frames, all flagged MORE) cannot exhaust the node's
 * memory: the inbox is reset, the reset is reported, and real peers keep talking to the node.
 */
class EndlessMessageTest {

    /** Far more than any budget here allows (10 MB on the wire); the attacker stops at the reset anyway. */
    private static final long ATTACK_FRAMES = 5_000_000;
    private static final Duration PATIENCE = TransportFixture.PATIENCE;

    private final TransportFixture fixture = new TransportFixture();
    private final ExecutorService attackers = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        attackers.shutdownNow();
        fixture.close();
    }

    @Test
    void anEndlessMessageResetsTheInboxAndPeersKeepTalkingToIt() throws Exception {
        Node node = fixture.open(new InboxBudget.Limits(20_000, 64L << 20));
        Node peer = fixture.open();
        peer.connectTo(node);
        peer.transport().send(node.id(), frames("before"));
        node.receiveUntil(1);

        try (RawZmtpClient attacker = RawZmtpClient.connect(node.endpoint())
                .handshake(LinkIdentity.of(PeerId.random()))) {
            Future<Long> sent = attack(attacker);
            await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        node.transport().receive(64, TimeUnit.MILLISECONDS.toNanos(20));
                        return !node.received().inboxResets.isEmpty();
                    });

            assertThat(attacker.closedByPeerWithin((int) PATIENCE.toMillis())).as("attacker dropped").isTrue();
            assertThat(sent.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isGreaterThan(20_000);
        }
        assertThat(node.received().inboxResets).singleElement().asString()
                .contains("never ends").contains(node.endpoint());

        // The peer's link reconnects to the same endpoint by itself. What it sent into the dropped connection is
        // lost, so it says "after" until one arrives.
        await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    peer.transport().send(node.id(), frames("after"));
                    node.transport().receive(64, TimeUnit.MILLISECONDS.toNanos(50));
                    return node.received().messages.size() > 1;
                });
        Message after = node.received().messages.get(1);
        assertThat(after.sender()).isEqualTo(peer.id());
        assertThat(after.text(0)).isEqualTo("after");
        assertThat(node.received().inboxResets).hasSize(1);
        assertThat(node.received().malformed).isEmpty();
    }

    @Test
    void aBacklogOfCompleteMessagesOverTheBudgetIsNoReasonToReset() {
        // 2-frame messages: the inbox holds up to its high-water mark, 1,000 messages, while the node does not
        // read, which is over this budget of 1,000 frames but within its hard limit, 4,000.
        Node node = fixture.open(new InboxBudget.Limits(1_000, 64L << 20));
        Node peer = fixture.open();
        peer.connectTo(node);
        int count = 3_000;
        for (int i = 0; i < count; i++) {
            assertThat(peer.transport().send(node.id(), frames("message", Integer.toString(i)))).isTrue();
        }
        JeromqTransport transport = (JeromqTransport) node.transport();
        await().atMost(PATIENCE).until(() -> transport.inboxBudget().alarmed());

        node.receiveUntil(count);

        assertThat(node.received().messages).hasSize(count);
        assertThat(node.received().messages).extracting(message -> message.text(1))
                .startsWith("0", "1", "2").endsWith(Integer.toString(count - 1));
        assertThat(node.received().inboxResets).isEmpty();
        assertThat(transport.inboxResets()).isZero();
    }

    @Test
    void aRealNodeSurvivesAnEndlessMessageCountsItAndKeepsServingItsPeers() throws Exception {
        try (LoopbackCluster cluster = new LoopbackCluster()) {
            ZreNode alice = cluster.start("alice", b -> b.group("G"));
            ZreNode bob = cluster.start("bob", b -> b.group("G"));
            cluster.awaitFullMembership();

            // The default budget: 250,000 frames, a few hundred kilobytes on the wire.
            try (RawZmtpClient attacker = RawZmtpClient.connect(alice.endpoint())
                    .handshake(LinkIdentity.of(PeerId.random()))) {
                Future<Long> sent = attack(attacker);
                await().atMost(LoopbackCluster.PATIENCE)
                        .until(() -> alice.statistics().get(Counter.INBOX_RESETS) >= 1);
                assertThat(attacker.closedByPeerWithin((int) PATIENCE.toMillis())).as("attacker dropped").isTrue();
                assertThat(sent.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isGreaterThan(InboxBudget.DEFAULT_FRAMES);
            }

            // Bob's link reconnects; what was in flight is lost, so bob shouts until alice hears one.
            await().atMost(LoopbackCluster.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                bob.shouts("G", "after the reset");
                return cluster.events(alice, ZreEvent.Shout.class).stream()
                        .anyMatch(shout -> shout.content().text().equals("after the reset"));
            });
            assertThat(alice.statistics().get(Counter.INBOX_RESETS)).isEqualTo(1);
            assertThat(alice.peers()).contains(bob.uuid());
        }
    }

    /** Lets the attacker write its endless message on a thread of its own, bounded in frames and time. */
    private Future<Long> attack(RawZmtpClient attacker) {
        long deadlineNs = System.nanoTime() + PATIENCE.toNanos();
        return attackers.submit(() -> attacker.sendEndlessMessage(ATTACK_FRAMES, deadlineNs));
    }
}
