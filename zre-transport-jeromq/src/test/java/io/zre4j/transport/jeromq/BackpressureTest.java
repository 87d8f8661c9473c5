package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import io.zre4j.core.DefaultZreNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An application that sends faster than its node can is made to wait, so that queued messages cannot fill
 * the heap; the node's own thread never waits. The node's thread is held still in an event listener (a
 * contesting node alone in its group gets LEADER at once), so the queue fills for sure.
 */
class BackpressureTest {

    private static final int MAX = DefaultZreNode.MAX_WAITING_COMMANDS;
    private static final byte[] CONTENT = {1};

    private final LoopbackCluster cluster = new LoopbackCluster();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        cluster.close();
    }

    @Test
    void anApplicationThatOutrunsItsNodeWaitsForRoomInsteadOfQueueingWithoutBound() throws Exception {
        ZreNode node = cluster.start("busy");
        node.onEvent(event -> {
            if (event instanceof ZreEvent.Leader) {
                awaitRelease();
            }
        });
        node.join("G");
        node.contest("G");
        AtomicInteger posted = new AtomicInteger();
        Thread application = new Thread(() -> {
            for (int i = 0; i < MAX + 1_000; i++) {
                node.shout("NOBODY", CONTENT);
                posted.incrementAndGet();
            }
        }, "application");

        application.start();

        await().atMost(LoopbackCluster.PATIENCE).until(() -> posted.get() >= MAX - 10
                && application.getState() == Thread.State.TIMED_WAITING);
        assertThat(posted.get()).isLessThanOrEqualTo(MAX);
        release.countDown();
        application.join(LoopbackCluster.PATIENCE.toMillis());
        assertThat(application.isAlive()).isFalse();
        assertThat(posted.get()).isEqualTo(MAX + 1_000);
    }

    @Test
    void aListenerThatSendsOnTheNodesOwnThreadNeverWaits() {
        ZreNode node = cluster.start("chatty");
        AtomicInteger posted = new AtomicInteger();
        node.onEvent(event -> {
            if (event instanceof ZreEvent.Leader) {
                for (int i = 0; i < MAX + 1_000; i++) {
                    node.shout("NOBODY", CONTENT);
                    posted.incrementAndGet();
                }
            }
        });

        node.join("G");
        node.contest("G");

        await().atMost(LoopbackCluster.PATIENCE).until(() -> posted.get() == MAX + 1_000);
    }

    private void awaitRelease() {
        try {
            release.await(LoopbackCluster.PATIENCE.toSeconds() * 3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
