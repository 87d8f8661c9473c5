package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zre4j.Frames;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import io.zre4j.core.DefaultZreNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real nodes on loopback: the whole life of a peer as the application sees it. */
class TwoRealNodesTest {

    private final LoopbackCluster cluster = new LoopbackCluster();

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    @Test
    void peersEnterWithHeadersJoinShoutWhisperAndLeave() {
        ZreNode alice = cluster.start("alice", b -> b.header("X-ROLE", "camera").group("CHAT"));
        ZreNode bob = cluster.start("bob", b -> b.header("X-ROLE", "viewer"));

        ZreEvent.Enter enter = cluster.awaitEvent(bob, ZreEvent.Enter.class, e -> e.peer().equals(alice.uuid()));
        assertThat(enter.name()).isEqualTo("alice");
        assertThat(enter.headers()).containsEntry("X-ROLE", "camera");
        assertThat(enter.address()).startsWith("tcp://127.0.0.1:");
        cluster.awaitEvent(bob, ZreEvent.Join.class, j -> j.group().equals("CHAT"));
        assertThat(bob.peerHeader(alice.uuid(), "X-ROLE")).contains("camera");

        bob.join("CHAT");
        cluster.awaitEvent(alice, ZreEvent.Join.class, j -> j.peer().equals(bob.uuid()));
        alice.shouts("CHAT", "hello %s", "everyone");
        assertThat(cluster.awaitEvent(bob, ZreEvent.Shout.class, s -> true).content().text()).isEqualTo("hello everyone");

        Frames multi = Frames.of(new byte[] {0, 1, 2}, new byte[0], "third".getBytes());
        bob.whisper(alice.uuid(), multi);
        assertThat(cluster.awaitEvent(alice, ZreEvent.Whisper.class, w -> true).content()).isEqualTo(multi);

        bob.leave("CHAT");
        cluster.awaitEvent(alice, ZreEvent.Leave.class, l -> l.group().equals("CHAT"));
        assertThat(alice.peersByGroup("CHAT")).isEmpty();
        assertThat(alice.statistics().get(io.zre4j.Counter.SENDS_REFUSED)).isZero();
    }

    @Test
    void aPoliteStopIsSeenAsExitAtOnceNotAfterExpiry() {
        ZreNode alice = cluster.start("alice", b -> b.expiredTimeout(Duration.ofSeconds(30)).evasiveTimeout(Duration.ofSeconds(5)));
        ZreNode bob = cluster.start("bob");
        cluster.awaitEvent(alice, ZreEvent.Enter.class, e -> e.peer().equals(bob.uuid()));

        bob.stop();

        // Well under alice's 30 s expiry: the port-0 beacon told her.
        await().atMost(Duration.ofSeconds(5)).until(() -> !cluster.events(alice, ZreEvent.Exit.class).isEmpty());
        assertThat(cluster.events(bob).get(cluster.events(bob).size() - 1)).isInstanceOf(ZreEvent.Stop.class);
    }

    @Test
    void everythingSentBeforeAPoliteStopArrivesBeforeTheExit() {
        ZreNode alice = cluster.start("alice", b -> b.group("G"));
        ZreNode bob = cluster.start("bob", b -> b.group("G"));
        cluster.awaitEvent(bob, ZreEvent.Join.class, j -> j.peer().equals(alice.uuid()));
        int count = 20_000;

        for (int i = 0; i < count; i++) {
            bob.shouts("G", "last words %d", i);
        }
        bob.whispers(alice.uuid(), "and a whisper");
        bob.stop();

        cluster.awaitEvent(alice, ZreEvent.Exit.class, e -> e.peer().equals(bob.uuid()));
        // Before the fix, the leave beacon overtook the queued shouts: alice dropped the peer, then its messages.
        assertThat(cluster.events(alice, ZreEvent.Shout.class)).hasSize(count)
                .extracting(shout -> shout.content().text()).startsWith("last words 0").endsWith("last words " + (count - 1));
        assertThat(cluster.events(alice, ZreEvent.Whisper.class)).hasSize(1);
        assertThat(alice.statistics().get(io.zre4j.Counter.MESSAGES_BEFORE_HELLO)).isZero();
        assertThat(alice.statistics().get(io.zre4j.Counter.EVENTS_DROPPED)).isZero();
    }

    @Test
    void aListenerThatThrowsAnErrorIsCountedAndTheNodeKeepsWorking() {
        ZreNode alice = cluster.start("alice");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        alice.onEvent(event -> {
            if (calls.getAndIncrement() == 0) {
                throw new StackOverflowError("a listener that recursed without end");
            }
        });
        ZreNode bob = cluster.start("bob");
        cluster.awaitEvent(alice, ZreEvent.Enter.class, e -> e.peer().equals(bob.uuid()));

        bob.whispers(alice.uuid(), "still there?");

        cluster.awaitEvent(alice, ZreEvent.Whisper.class, w -> w.content().text().equals("still there?"));
        assertThat(alice.statistics().get(io.zre4j.Counter.LISTENER_FAILURES)).isEqualTo(1);
        alice.whispers(bob.uuid(), "yes");
        cluster.awaitEvent(bob, ZreEvent.Whisper.class, w -> w.content().text().equals("yes"));
    }

    @Test
    void aKilledNodeExitsAfterItExpires() {
        ZreNode alice = cluster.start("alice");
        ZreNode bob = cluster.start("bob");
        cluster.awaitEvent(alice, ZreEvent.Enter.class, e -> e.peer().equals(bob.uuid()));

        ((DefaultZreNode) bob).crash();

        cluster.awaitEvent(alice, ZreEvent.Exit.class, e -> e.peer().equals(bob.uuid()));
        assertThat(alice.peers()).isEmpty();
        assertThat(alice.statistics().get(io.zre4j.Counter.PEERS_EXPIRED)).isEqualTo(1);
    }
}
