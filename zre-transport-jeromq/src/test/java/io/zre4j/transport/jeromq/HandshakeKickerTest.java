package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class HandshakeKickerTest {

    private final ZContext context = new ZContext(1);
    private final HandshakeKicker kicker = new HandshakeKicker();
    private final AtomicInteger wakeUps = new AtomicInteger();

    @AfterEach
    void close() {
        kicker.close();
        context.close();
    }

    @Test
    void nothingIsDueBeforeAnyConnect() {
        kicker.open(context, wakeUps::incrementAndGet);

        assertThat(kicker.kickIfDue()).isEqualTo(Long.MAX_VALUE);
        assertThat(kicker.kicksSent()).isZero();
    }

    @Test
    void aConnectIsFollowedByThreeKicksAndThenNothingIsDue() {
        kicker.open(context, wakeUps::incrementAndGet);

        kicker.linkConnected();

        assertThat(kicker.kickIfDue()).isPositive().isLessThan(Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(10)).until(() -> kicker.kickIfDue() == Long.MAX_VALUE);
        assertThat(kicker.kicksSent()).isEqualTo(3);
    }

    @Test
    void theKicksReachTheSinkOverTheKickersOwnConnection() {
        kicker.open(context, wakeUps::incrementAndGet);

        kicker.linkConnected();

        // The sink must accept the PUSH's handshake: a sink that refused it would leave the PUSH reconnecting
        // every 100 ms, and the kicks would never arrive.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> kicker.kickIfDue() == Long.MAX_VALUE && kicker.kicksInFlight() == 0);
        assertThat(kicker.kicksSent()).isEqualTo(3);
    }

    @Test
    void anEndlessMessageAtTheSinkMakesTheKickerStartOverAndTheKicksGoOn() throws Exception {
        kicker.open(context, wakeUps::incrementAndGet);
        String firstSink = kicker.sinkEndpoint();
        URI sink = URI.create(firstSink);

        try (RawZmtpClient stranger = RawZmtpClient.connect("tcp://" + sink.getHost() + ":" + sink.getPort())
                .handshake("PUSH", new byte[0])) {
            // Bounded: far more than the sink's budget, stopped by the kicker's reset anyway.
            stranger.sendEndlessMessage(10 * HandshakeKicker.SINK_LIMITS.frames(),
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> wakeUps.get() > 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                kicker.kickIfDue();
                return !firstSink.equals(kicker.sinkEndpoint());
            });
        }
        kicker.linkConnected();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> kicker.kickIfDue() == Long.MAX_VALUE && kicker.kicksInFlight() == 0);
        assertThat(kicker.kicksSent()).isEqualTo(3);
    }

    @Test
    void aNewConnectStartsTheKicksAgain() {
        kicker.open(context, wakeUps::incrementAndGet);
        kicker.linkConnected();
        await().atMost(Duration.ofSeconds(10)).until(() -> kicker.kickIfDue() == Long.MAX_VALUE);

        kicker.linkConnected();

        await().atMost(Duration.ofSeconds(10)).until(() -> kicker.kickIfDue() == Long.MAX_VALUE);
        assertThat(kicker.kicksSent()).isEqualTo(6);
    }

    @Test
    void aKickerThatCannotOpenDoesNothing() {
        context.getContext().setMaxSockets(1); // room for its first socket, not for the second

        kicker.open(context, wakeUps::incrementAndGet);
        kicker.linkConnected();

        assertThat(kicker.kickIfDue()).isEqualTo(Long.MAX_VALUE);
        assertThat(kicker.kicksSent()).isZero();
    }

    @Test
    void aStrangerSendingToTheSinkIsCutOffAndTheKicksGoOn() {
        kicker.open(context, wakeUps::incrementAndGet);
        try (ZContext strangers = new ZContext(1)) {
            ZMQ.Socket stranger = strangers.createSocket(SocketType.PUSH);
            stranger.setLinger(0);
            stranger.connect(kicker.sinkEndpoint());
            stranger.send(new byte[1 << 20], 0);

            kicker.linkConnected();

            await().atMost(Duration.ofSeconds(10)).until(() -> kicker.kickIfDue() == Long.MAX_VALUE);
            assertThat(kicker.kicksSent()).isEqualTo(3);
        }
    }
}
