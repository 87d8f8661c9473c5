package io.zre4j.transport.jeromq;

import static io.zre4j.transport.jeromq.TransportFixture.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.transport.jeromq.TransportFixture.Node;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    void messagesLeftOnAConnectionThePeerHasReplacedAreReportedAsSuch() throws Exception {
        Node node = fixture.open();
        PeerId peer = PeerId.random();
        byte[] identity = LinkIdentity.of(peer);
        // A peer's connection breaks with a message the node has not read yet, and the peer connects again
        // with the same identity (ROUTER_HANDOVER): ZeroMQ renames the old connection, and its message arrives
        // under the made-up id. The node reads nothing until the new connection is in place. The steps must
        // reach the inbox in this order, and the PONGs and the hang-up prove that JeroMQ's I/O thread has
        // processed each before the next starts. The probe's round trip lets the I/O thread finish dropping
        // the broken connection before the new one is accepted; the other way round, the inbox would take the
        // identity over from a connection it still considers alive, and drop its message silently.
        try (RawZmtpClient broken = RawZmtpClient.connect(node.endpoint()).handshake(identity)) {
            broken.send("left behind".getBytes(StandardCharsets.UTF_8));
            broken.barrier();
            broken.hangUp();
        }
        try (RawZmtpClient probe = RawZmtpClient.connect(node.endpoint()).handshake(LinkIdentity.of(PeerId.random()))) {
            probe.barrier();
        }
        try (RawZmtpClient newer = RawZmtpClient.connect(node.endpoint()).handshake(identity)) {
            newer.barrier();
            newer.send("on the new connection".getBytes(StandardCharsets.UTF_8));

            node.receiveUntil(1);
            await().atMost(TransportFixture.PATIENCE).pollInSameThread().until(() -> {
                node.transport().receive(64, 0);
                return !node.received().replacedLinkMessages.isEmpty();
            });
        }

        assertThat(node.received().replacedLinkMessages).singleElement().asString()
                .contains("1 frame(s)").contains("5 bytes 00:");
        assertThat(node.received().messages).singleElement().satisfies(message -> {
            assertThat(message.sender()).isEqualTo(peer);
            assertThat(message.text(0)).isEqualTo("on the new connection");
        });
        assertThat(node.received().malformed).isEmpty();
    }

    @Test
    void aConnectionThatAnnouncedNoIdentityIsABadIdentityNotAReplacedOne() throws Exception {
        Node node = fixture.open();
        try (RawZmtpClient anonymous = RawZmtpClient.connect(node.endpoint()).handshake(new byte[0])) {
            anonymous.send("who am I?".getBytes(StandardCharsets.UTF_8));

            node.receiveUntilMalformed(1);
        }

        assertThat(node.received().malformed).singleElement().satisfies(malformed -> {
            assertThat(malformed.reason()).isEqualTo(Reason.BAD_IDENTITY);
            assertThat(malformed.detail()).contains("5 bytes 00:");
        });
        assertThat(node.received().replacedLinkMessages).isEmpty();
    }

    @Test
    void aMadeUpIdOnAConnectionThatAnnouncedAnIdentityMeansItWasReplaced() {
        byte[] madeUp = {0, 0x6B, (byte) 0x8B, 0x45, 0x67};
        String announced = new String(LinkIdentity.of(PeerId.random()), zmq.ZMQ.CHARSET);

        assertThat(LinkIdentity.wasReplaced(madeUp, announced)).isTrue();
        assertThat(LinkIdentity.wasReplaced(madeUp, null)).as("nothing announced").isFalse();
        assertThat(LinkIdentity.wasReplaced(madeUp, "")).as("an empty identity").isFalse();
        assertThat(LinkIdentity.wasReplaced(madeUp, new String(madeUp, zmq.ZMQ.CHARSET)))
                .as("announced by the peer itself").isFalse();
        assertThat(LinkIdentity.wasReplaced(LinkIdentity.of(PeerId.random()), announced)).isFalse();
        assertThat(LinkIdentity.wasReplaced(new byte[] {0, 1, 2, 3}, announced)).as("not 5 bytes").isFalse();
    }

    @Test
    void aMessageOnAReplacedConnectionGoesToItsOwnHook() {
        RecordingListener listener = new RecordingListener();
        byte[] madeUp = {0, (byte) 0xC6, 1, 2, 3};

        JeromqTransport.deliver(madeUp, frames("a", "b"), new String(LinkIdentity.of(PeerId.random()),
                zmq.ZMQ.CHARSET), listener);

        assertThat(listener.malformed).isEmpty();
        assertThat(listener.messages).isEmpty();
        assertThat(listener.replacedLinkMessages).singleElement().asString()
                .contains("2 frame(s)").contains("5 bytes 00:C6:01:02:03");
    }

    @Test
    void aConnectionThatNeverGreetsIsClosedByTheInbox() throws Exception {
        Node node = fixture.open();

        try (RawZmtpClient silent = RawZmtpClient.connect(node.endpoint())) {
            // JeroMQ's default would keep it for 30 s.
            assertThat(silent.closedByPeerWithin(4 * JeromqTransport.INBOX_HANDSHAKE_TIMEOUT_MS)).isTrue();
        }
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
