package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zre4j.Counter;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Garbage thrown at a running node: it is dropped and counted, and the node keeps serving its peers. */
class HostileInputTest {

    @Test
    void garbageDatagramsAndGarbageTcpLeaveTheNodeServingOthers() throws Exception {
        try (LoopbackCluster cluster = new LoopbackCluster(); ZContext attacker = new ZContext(1)) {
            ZreNode alice = cluster.start("alice", b -> b.group("G"));
            ZreNode bob = cluster.start("bob", b -> b.group("G"));
            cluster.awaitFullMembership();

            // UDP: random bytes, a truncated beacon and a beacon of the wrong size, broadcast on the beacon
            // port like beacons are (a unicast datagram would reach only one of the nodes sharing the port).
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                udp.setBroadcast(true);
                byte[] random = new byte[64];
                new Random(7).nextBytes(random);
                for (byte[] datagram : new byte[][] {random, "ZRE".getBytes(), new byte[23]}) {
                    udp.send(new DatagramPacket(datagram, datagram.length, InetAddress.getByName("127.255.255.255"),
                            cluster.beaconPort));
                }
            }

            // TCP: raw bytes that are not ZMTP at all, straight at alice's inbox.
            URI inbox = URI.create(alice.endpoint());
            try (Socket raw = new Socket(inbox.getHost(), inbox.getPort())) {
                OutputStream out = raw.getOutputStream();
                out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] noise = new byte[4096];
                new Random(11).nextBytes(noise);
                out.write(noise);
                out.flush();
            }

            // ZMTP with nonsense inside: a well-formed DEALER whose identity is garbage, and one with a valid
            // identity whose message has an unknown id. They stay open until counted: closing a socket drops
            // what it has not sent yet; and like our own links they retry a stuck handshake after 1 s (a JeroMQ
            // 0.6.0 race sometimes leaves a new connection silent: see HandshakeKicker).
            ZMQ.Socket badIdentity = attacker.createSocket(SocketType.DEALER);
            badIdentity.setHandshakeIvl(JeromqTransport.HANDSHAKE_TIMEOUT_MS);
            badIdentity.setIdentity(new byte[] {9, 9, 9});
            badIdentity.connect(alice.endpoint());
            badIdentity.send("not zre");
            ZMQ.Socket badMessage = attacker.createSocket(SocketType.DEALER);
            badMessage.setHandshakeIvl(JeromqTransport.HANDSHAKE_TIMEOUT_MS);
            byte[] identity = new byte[17];
            identity[0] = 1;
            badMessage.setIdentity(identity);
            badMessage.connect(alice.endpoint());
            badMessage.send(new byte[] {(byte) 0xAA, (byte) 0xA1, 99, 2, 0, 1});

            await().atMost(LoopbackCluster.PATIENCE).until(() ->
                    alice.statistics().get(Counter.MESSAGES_MALFORMED) >= 2
                            && alice.statistics().get(Counter.BEACONS_MALFORMED) >= 3);

            // Still serving: bob's shout arrives, and a new peer can join.
            bob.shouts("G", "still there?");
            cluster.awaitEvent(alice, ZreEvent.Shout.class, s -> s.content().text().equals("still there?"));
            ZreNode carol = cluster.start("carol");
            cluster.awaitEvent(alice, ZreEvent.Enter.class, e -> e.peer().equals(carol.uuid()));
            assertThat(alice.peers()).contains(bob.uuid(), carol.uuid());
        }
    }
}
