package io.zre4j.bench.loopback;

import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import io.zre4j.core.codec.ZreCodec;
import io.zre4j.core.codec.ZreMessage;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WHISPER throughput between two real nodes on loopback, end to end, paired with its ceiling: raw JeroMQ
 * carrying the same frames over a DEALER→ROUTER link (see {@link RawLinks}) in the same JVM.
 *
 * <p>Each invocation runs one burst of {@value #BURST} messages on each side, in alternating order, and a
 * burst ends when the receiver has counted every message. Pairing the bursts this closely means both sides
 * see the same machine load, which matters on a shared 2-core host: the ratio of the two is far steadier than
 * the ratio of two separate JMH runs. The figures are in {@link PairStats}; the primary score (paired
 * bursts per second) is not used.
 *
 * <p>The burst stays under the send high-water mark, so nothing is refused; {@link PairStats#sendsRefused}
 * proves it (see {@link Deliveries}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoopbackWhisperBenchmark {

    /** Messages per burst: long enough that filling and draining the pipeline is a small part of it. */
    public static final int BURST = 20_000;

    /** Two nodes that know each other, and a raw link beside them. */
    @State(Scope.Benchmark)
    public static class Pair {
        /** Content bytes per whisper. */
        @Param({"64", "1024"})
        public int payloadBytes;

        /** Beacon interval of the nodes, in milliseconds (the quick smoke run shortens it). */
        @Param({"1000"})
        public int beaconIntervalMs;

        LoopbackNodes nodes;
        ZreNode sender;
        PeerId receiver;
        Frames content;
        final Deliveries deliveries = new Deliveries();
        RawLinks links;
        byte[] rawHeader;
        long round;

        /** Starts both nodes, waits until they know each other, and opens the raw link. */
        @Setup(Level.Trial)
        public void setUp() {
            content = payload(payloadBytes);
            nodes = LoopbackNodes.startMeshed(2, Duration.ofMillis(beaconIntervalMs), i -> i == 0 ? "sender" : "receiver");
            sender = nodes.get(0);
            receiver = nodes.get(1).uuid();
            nodes.get(1).onEvent(deliveries.counting(ZreEvent.Whisper.class));
            links = openRawLinks(nodes, 1);
            rawHeader = ZreCodec.encodeHeader(new ZreMessage.Whisper(2, content));
        }

        /** Closes the nodes and the link. */
        @TearDown(Level.Trial)
        public void tearDown() {
            links.close();
            nodes.close();
        }

        long zreBurst() {
            for (int i = 0; i < BURST; i++) {
                sender.whisper(receiver, content);
            }
            return deliveries.awaitBurst(sender, BURST);
        }

        void rawBurst() {
            links.burst(BURST, rawHeader, content.frame(0));
        }
    }

    /**
     * One burst of whispers and one raw burst, in alternating order.
     *
     * @param pair  the nodes and the link
     * @param stats where the times go
     */
    @Benchmark
    public void pairedBursts(Pair pair, PairStats stats) {
        stats.pair(pair.round++, BURST, BURST, pair::zreBurst, pair::rawBurst);
    }

    /**
     * Opens raw links with a node's default send high-water mark; closes the nodes if that fails, since JMH
     * does not tear down a state whose set-up threw.
     */
    static RawLinks openRawLinks(LoopbackNodes nodes, int count) {
        try {
            return RawLinks.open(count, ZreConfig.builder().build().sendHighWaterMark());
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    static Frames payload(int bytes) {
        byte[] payload = new byte[bytes];
        new SplittableRandom(bytes).nextBytes(payload);
        return Frames.wrap(List.of(payload));
    }
}
