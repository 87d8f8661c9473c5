package io.zre4j.transport.jeromq;

import static org.awaitility.Awaitility.await;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.spi.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens transports on loopback for a test and closes them afterwards. Every call happens on the test's
 * thread, which plays the node's thread.
 */
final class TransportFixture implements AutoCloseable {

    /** Loopback only, ephemeral port: nothing leaves the host. */
    static final ZreConfig LOOPBACK = ZreConfig.builder().endpoint("tcp://127.0.0.1:*").build();

    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<Transport> transports = new ArrayList<>();

    /** A transport under test with its identity, endpoint and what it received. */
    record Node(PeerId id, Transport transport, String endpoint, RecordingListener received) {

        /** Lets this node's transport deliver until it has received {@code count} messages in all. */
        void receiveUntil(int count) {
            await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        transport.receive(64, TimeUnit.MILLISECONDS.toNanos(20));
                        return received.messages.size() >= count;
                    });
        }

        /** Lets this node's transport deliver until it has reported {@code count} malformed messages. */
        void receiveUntilMalformed(int count) {
            await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        transport.receive(64, TimeUnit.MILLISECONDS.toNanos(20));
                        return received.malformed.size() >= count;
                    });
        }

        /** Connects this node's link to another node's inbox. */
        void connectTo(Node other) {
            transport.connect(other.id(), other.endpoint());
        }
    }

    Node open() {
        return open(LOOPBACK);
    }

    Node open(ZreConfig config) {
        PeerId id = PeerId.random();
        Transport transport = new JeromqTransportProvider().create(config, id);
        transports.add(transport);
        RecordingListener listener = new RecordingListener();
        return new Node(id, transport, transport.open(listener), listener);
    }

    /** A loopback transport whose inbox is reset past {@code inboxLimits} (see {@link InboxBudget}). */
    Node open(InboxBudget.Limits inboxLimits) {
        PeerId id = PeerId.random();
        Transport transport = new JeromqTransport(LOOPBACK, id, inboxLimits);
        transports.add(transport);
        RecordingListener listener = new RecordingListener();
        return new Node(id, transport, transport.open(listener), listener);
    }

    static List<byte[]> frames(String... texts) {
        List<byte[]> frames = new ArrayList<>(texts.length);
        for (String text : texts) {
            frames.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return frames;
    }

    /** A loopback TCP port nobody listens on (it was free a moment ago). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        transports.forEach(Transport::close);
        transports.clear();
    }
}
