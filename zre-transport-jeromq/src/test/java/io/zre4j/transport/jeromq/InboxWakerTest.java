package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.PeerId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class InboxWakerTest {

    private static final int PATIENCE_MS = 10_000;

    private ZContext context;
    private ZMQ.Socket inbox;
    private final InboxWaker waker = new InboxWaker();

    @BeforeEach
    void bindInbox() {
        context = new ZContext(1);
        inbox = context.createSocket(SocketType.ROUTER);
        inbox.setLinger(0);
        inbox.bind(InboxWaker.ENDPOINT);
    }

    @AfterEach
    void close() {
        waker.close();
        context.close();
    }

    @Test
    void aBurstOfSignalsSendsOneWakeUp() {
        waker.attach(context);

        for (int i = 0; i < 1_000; i++) {
            waker.signal();
        }

        assertThat(readWakeUp()).isTrue();
        assertThat(inbox.recv(ZMQ.DONTWAIT)).isNull();
    }

    @Test
    void aSignalAfterTheWakeUpWasConsumedSendsAgain() {
        waker.attach(context);
        waker.signal();
        assertThat(readWakeUp()).isTrue();
        waker.consumed();

        waker.signal();

        assertThat(readWakeUp()).isTrue();
    }

    @Test
    void signallingBeforeAttachOrAfterCloseIsHarmless() {
        waker.signal();
        waker.attach(context);
        assertThat(inbox.recv(ZMQ.DONTWAIT)).isNull();

        waker.signal();
        waker.close();
        waker.signal();
        waker.close();
    }

    @Test
    void onlyThisWakersIdentityIsAWakeUp() {
        byte[] zreIdentity = LinkIdentity.of(PeerId.random());
        byte[] otherWaker = new byte[LinkIdentity.LENGTH];
        otherWaker[0] = 0x02;

        assertThat(waker.isWakeUp(zreIdentity)).isFalse();
        assertThat(waker.isWakeUp(otherWaker)).isFalse();
        assertThat(waker.isWakeUp(new byte[] {0x02})).isFalse();
    }

    @Test
    void waitsAreRoundedUpToWholeMillisecondsAndNeverOverByAMillisecondOrMore() {
        long oneMs = TimeUnit.MILLISECONDS.toNanos(1);

        assertThat(JeromqTransport.waitMillis(400_000)).isEqualTo(1);
        assertThat(JeromqTransport.waitMillis(1)).isEqualTo(1);
        assertThat(JeromqTransport.waitMillis(oneMs)).isEqualTo(1);
        assertThat(JeromqTransport.waitMillis(oneMs + 1)).isEqualTo(2);
        assertThat(JeromqTransport.waitMillis(250 * oneMs)).isEqualTo(250);
        assertThat(JeromqTransport.waitMillis(Long.MAX_VALUE)).isEqualTo(TimeUnit.HOURS.toMillis(1));
    }

    /** Reads one whole message from the inbox (bounded wait) and tells whether it is this waker's. */
    private boolean readWakeUp() {
        inbox.setReceiveTimeOut(PATIENCE_MS);
        byte[] routingId = inbox.recv(0);
        assertThat(routingId).as("a message within %d ms", PATIENCE_MS).isNotNull();
        while (inbox.hasReceiveMore()) {
            assertThat(inbox.recv(0)).isEmpty();
        }
        return waker.isWakeUp(routingId);
    }
}
