package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class HandshakeKickerTest {

    private final ZContext context = new ZContext(1);
    private final HandshakeKicker kicker = new HandshakeKicker();

    @AfterEach
    void close() {
        kicker.close();
        context.close();
    }

    @Test
    void nothingIsDueBeforeAnyConnect() {
        kicker.open(context);

        assertThat(kicker.kickIfDue()).isEqualTo(Long.MAX_VALUE);
        assertThat(kicker.kicksSent()).isZero();
    }

    @Test
    void aConnectIsFollowedByThreeKicksAndThenNothingIsDue() {
        kicker.open(context);

        kicker.linkConnected();

        assertThat(kicker.kickIfDue()).isPositive().isLessThan(Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(10)).until(() -> kicker.kickIfDue() == Long.MAX_VALUE);
        assertThat(kicker.kicksSent()).isEqualTo(3);
    }

    @Test
    void aNewConnectStartsTheKicksAgain() {
        kicker.open(context);
        kicker.linkConnected();
        await().atMost(Duration.ofSeconds(10)).until(() -> kicker.kickIfDue() == Long.MAX_VALUE);

        kicker.linkConnected();

        await().atMost(Duration.ofSeconds(10)).until(() -> kicker.kickIfDue() == Long.MAX_VALUE);
        assertThat(kicker.kicksSent()).isEqualTo(6);
    }

    @Test
    void aKickerThatCannotOpenDoesNothing() {
        context.getContext().setMaxSockets(1); // room for its first socket, not for the second

        kicker.open(context);
        kicker.linkConnected();

        assertThat(kicker.kickIfDue()).isEqualTo(Long.MAX_VALUE);
        assertThat(kicker.kicksSent()).isZero();
    }

    @Test
    void aStrangerSendingToTheSinkIsCutOffAndTheKicksGoOn() {
        kicker.open(context);
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
