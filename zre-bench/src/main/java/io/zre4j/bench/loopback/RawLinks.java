package io.zre4j.bench.loopback;

import io.zre4j.PeerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The ceiling for the real-stack benchmarks: plain JeroMQ DEALER→ROUTER links on 127.0.0.1 carrying the same
 * frames a ZRE node sends, with no ZRE in between.
 *
 * <p>The topology mirrors the nodes being compared: the sender has one context (one I/O thread) and one DEALER
 * per receiver, with the ZRE routing identity ({@code 0x01} + uuid) and the same send high-water mark;
 * each receiver has its own context and one thread that reads whole messages from its ROUTER and counts them.
 * The sending thread is the caller's. What remains between this and a ZRE node is the protocol: the command
 * hand-off to the node's thread, the codec, the engine, the event and its listener.
 */
public final class RawLinks implements AutoCloseable {

    /** Handshake timeout of the raw links, as a node's links have (see JeromqTransport). */
    private static final int HANDSHAKE_TIMEOUT_MS = 1_000;
    /** How long a receiver blocks in one read before it checks whether it must stop. */
    private static final int RECEIVE_TIMEOUT_MS = 100;

    private final ZContext senderContext = new ZContext(1);
    private final List<ZMQ.Socket> dealers = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private long sent;

    private RawLinks() {
    }

    /**
     * Opens links to {@code count} receivers and waits until each has carried one message.
     *
     * @param count             how many receivers
     * @param sendHighWaterMark the DEALERs' SNDHWM, as a node's links have
     * @return the open links
     */
    public static RawLinks open(int count, int sendHighWaterMark) {
        RawLinks links = new RawLinks();
        try {
            byte[] identity = new byte[1 + PeerId.LENGTH];
            identity[0] = 1;
            PeerId.random().writeTo(identity, 1);
            for (int i = 0; i < count; i++) {
                Receiver receiver = new Receiver(i, links.delivered);
                links.receivers.add(receiver);
                ZMQ.Socket dealer = links.senderContext.createSocket(SocketType.DEALER);
                dealer.setIdentity(identity);
                dealer.setSndHWM(sendHighWaterMark);
                dealer.setLinger(0);
                // JeroMQ 0.6.0 sometimes leaves a fresh connection silent (its PR #1022); with the default 30 s
                // handshake timeout the set-up below would give up first. A node's links use 1 s too.
                dealer.setHandshakeIvl(HANDSHAKE_TIMEOUT_MS);
                dealer.connect(receiver.endpoint);
                links.dealers.add(dealer);
            }
            byte[] probe = {0};
            links.dealers.forEach(dealer -> dealer.send(probe, 0));
            links.sent = count;
            Waits.until("raw links connected", () -> links.delivered.get() >= count, Duration.ofSeconds(30),
                    Waits.MEMBERSHIP_CHECK_NS, () -> links.delivered.get() + " of " + count + " probes arrived");
            return links;
        } catch (RuntimeException e) {
            links.close();
            throw e;
        }
    }

    /**
     * Sends {@code rounds} times the same message (header frame, then content frame) on every link, each send
     * blocking while its link holds SNDHWM messages, and waits until the receivers have read them all.
     *
     * @param rounds  messages per link
     * @param header  the header frame
     * @param content the content frame
     * @throws IllegalStateException if they are not all read within {@link Deliveries#BURST_LIMIT}
     */
    public void burst(int rounds, byte[] header, byte[] content) {
        for (int i = 0; i < rounds; i++) {
            for (ZMQ.Socket dealer : dealers) {
                dealer.send(header, ZMQ.SNDMORE);
                dealer.send(content, 0);
            }
        }
        long target = sent + (long) rounds * dealers.size();
        sent = target;
        Waits.until("delivery of a raw burst", () -> delivered.get() >= target, Deliveries.BURST_LIMIT,
                Waits.DELIVERY_CHECK_NS, () -> delivered.get() + " of " + target + " delivered");
    }

    /** Stops the receivers and closes every socket and context. */
    @Override
    public void close() {
        receivers.forEach(Receiver::stop);
        dealers.forEach(ZMQ.Socket::close);
        senderContext.close();
        receivers.forEach(Receiver::close);
    }

    /** A ROUTER in its own context, read by its own thread. */
    private static final class Receiver implements Runnable {
        private final ZContext context = new ZContext(1);
        private final ZMQ.Socket router;
        private final String endpoint;
        private final AtomicLong delivered;
        private final Thread thread;
        private volatile boolean running = true;

        Receiver(int index, AtomicLong delivered) {
            this.delivered = delivered;
            router = context.createSocket(SocketType.ROUTER);
            router.setLinger(0);
            router.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
            router.bind("tcp://127.0.0.1:*");
            endpoint = router.getLastEndpoint();
            thread = new Thread(this, "raw-receiver-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            while (running) {
                byte[] routingId = router.recv(0);
                if (routingId == null) {
                    continue; // timed out: look at running again
                }
                while (router.hasReceiveMore()) {
                    router.recv(0);
                }
                delivered.incrementAndGet();
            }
        }

        void stop() {
            running = false;
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            if (thread.isAlive()) {
                return; // still reading (stop timed out): leave the socket to it rather than close it under it
            }
            router.close();
            context.close();
        }
    }
}
