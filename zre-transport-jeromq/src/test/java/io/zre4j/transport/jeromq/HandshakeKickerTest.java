package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

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
}
