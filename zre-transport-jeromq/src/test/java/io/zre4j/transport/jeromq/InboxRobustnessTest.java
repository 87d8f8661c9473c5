package io.zre4j.transport.jeromq;

import static io.zre4j.transport.jeromq.TransportFixture.frames;
import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.transport.jeromq.TransportFixture.Node;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Whatever reaches the inbox, it keeps serving real peers and reports what it drops. */
class InboxRobustnessTest {

    private final TransportFixture fixture = new TransportFixture();

    @AfterEach
    void closeTransports() {
        fixture.close();
    }

    @Test
    void randomBytesFromARawTcpClientLeaveTheInboxServingPeers() throws Exception {
        Node a = fixture.open();
        Node b = fixture.open();
        URI endpoint = URI.create(b.endpoint());
        byte[] garbage = new byte[4096];
        new Random(36).nextBytes(garbage);

        try (Socket raw = new Socket(InetAddress.getByName(endpoint.getHost()), endpoint.getPort())) {
            OutputStream out = raw.getOutputStream();
            out.write(garbage);
            out.flush();
            b.transport().receive(64, 0);
        }
        a.connectTo(b);
        a.transport().send(b.id(), frames("still here"));
        b.receiveUntil(1);

        assertThat(b.received().messages).extracting(message -> message.text(0)).containsExactly("still here");
        assertThat(b.received().messages.get(0).sender()).isEqualTo(a.id());
    }

    @Test
    void aDealerWithAForeignIdentityIsReportedAndTheInboxKeepsServing() {
        Node a = fixture.open();
        Node b = fixture.open();
        try (ZContext context = new ZContext(1); ZMQ.Socket stranger = context.createSocket(SocketType.DEALER)) {
            stranger.setIdentity(new byte[] {1, 2, 3, 4, 5});
            // Like our own links, retry a stuck handshake after 1 s: JeroMQ 0.6.0 sometimes leaves a new
            // connection silent (see HandshakeKicker), and JeroMQ's own timeout, 30 s, outlasts the wait below.
            stranger.setHandshakeIvl(JeromqTransport.HANDSHAKE_TIMEOUT_MS);
            stranger.connect(b.endpoint());
            stranger.send("who am I?");

            b.receiveUntilMalformed(1);
        }
        a.connectTo(b);
        a.transport().send(b.id(), frames("hello"));
        b.receiveUntil(1);

        assertThat(b.received().malformed).hasSize(1);
        assertThat(b.received().malformed.get(0).reason()).isEqualTo(Reason.BAD_IDENTITY);
        assertThat(b.received().malformed.get(0).detail()).contains("5 bytes 01:02:03:04:05");
        assertThat(b.received().messages).extracting(message -> message.text(0)).containsExactly("hello");
    }

    @Test
    void anIdentityWithTheWrongPrefixIsABadIdentity() {
        RecordingListener listener = new RecordingListener();
        byte[] identity = LinkIdentity.of(PeerId.random());
        identity[0] = 0x00;

        JeromqTransport.deliver(identity, frames("frame"), listener);

        assertThat(listener.messages).isEmpty();
        assertThat(listener.malformed).extracting(RecordingListener.Malformed::reason)
                .containsExactly(Reason.BAD_IDENTITY);
    }

    @Test
    void aMessageWithNothingAfterTheIdentityIsBadFraming() {
        RecordingListener listener = new RecordingListener();

        JeromqTransport.deliver(LinkIdentity.of(PeerId.random()), List.of(), listener);

        assertThat(listener.messages).isEmpty();
        assertThat(listener.malformed).extracting(RecordingListener.Malformed::reason)
                .containsExactly(Reason.BAD_FRAMING);
    }

    @Test
    void aZreIdentityNamesTheSender() {
        RecordingListener listener = new RecordingListener();
        PeerId sender = PeerId.random();

        JeromqTransport.deliver(LinkIdentity.of(sender), frames("a", "b"), listener);

        assertThat(listener.malformed).isEmpty();
        assertThat(listener.messages).singleElement().satisfies(message -> {
            assertThat(message.sender()).isEqualTo(sender);
            assertThat(message.frames()).hasSize(2);
        });
    }
}
