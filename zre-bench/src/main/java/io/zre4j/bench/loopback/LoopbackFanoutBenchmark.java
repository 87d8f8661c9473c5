package io.zre4j.bench.loopback;

import io.zre4j.Frames;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import io.zre4j.core.codec.ZreCodec;
import io.zre4j.core.codec.ZreMessage;
import java.time.Duration;
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
 * SHOUT fan-out on loopback, end to end, paired with its ceiling. One node shouts 64 bytes to a group of N
 * real nodes in this JVM; a burst of {@value #BURST} shouts ends when the receivers' listeners have counted
 * every copy. Beside it, the same frames are sent once on each of N raw JeroMQ DEALER→ROUTER links (one
 * sender context, N receiver contexts with a thread each, as N nodes have; see {@link RawLinks}): the cost of
 * N raw sends. Each invocation runs one burst of each, in alternating order (see
 * {@link LoopbackWhisperBenchmark} for why); the figures are in {@link PairStats}.
 *
 * <p>Every node here runs on the same cores, so the receivers' work is part of both sides' cost.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoopbackFanoutBenchmark {

    /** Shouts per burst; with 50 receivers, 25 000 deliveries, well under any link's high-water mark. */
    public static final int BURST = 500;
    /** Content bytes per shout. */
    static final int PAYLOAD_BYTES = 64;
    static final String GROUP = "BENCH-FANOUT";

    /** A sender and N receivers in one group, all meshed, and N raw links beside them. */
    @State(Scope.Benchmark)
    public static class Group {
        /** Receivers in the group. */
        @Param({"10", "50"})
        public int peers;

        /** Beacon interval of the nodes, in milliseconds (the quick smoke run shortens it). */
        @Param({"1000"})
        public int beaconIntervalMs;

        LoopbackNodes nodes;
        ZreNode sender;
        final Frames content = LoopbackWhisperBenchmark.payload(PAYLOAD_BYTES);
        final Deliveries deliveries = new Deliveries();
        RawLinks links;
        byte[] rawHeader;
        long round;

        /** Starts the nodes, has the receivers join the group, waits until the sender sees them, opens the links. */
        @Setup(Level.Trial)
        public void setUp() {
            nodes = LoopbackNodes.startMeshed(peers + 1, Duration.ofMillis(beaconIntervalMs),
                    i -> i == 0 ? "sender" : String.format("receiver-%02d", i));
            sender = nodes.get(0);
            try {
                for (int i = 1; i <= peers; i++) {
                    nodes.get(i).onEvent(deliveries.counting(ZreEvent.Shout.class));
                    nodes.get(i).join(GROUP);
                }
                nodes.await("the sender sees " + peers + " members of " + GROUP,
                        () -> sender.peersByGroup(GROUP).size() == peers, Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                nodes.close(); // JMH does not tear down a state whose set-up threw
                throw e;
            }
            links = LoopbackWhisperBenchmark.openRawLinks(nodes, peers);
            rawHeader = ZreCodec.encodeHeader(new ZreMessage.Shout(2, GROUP, content));
        }

        /** Closes every node and link. */
        @TearDown(Level.Trial)
        public void tearDown() {
            links.close();
            nodes.close();
        }

        long zreBurst() {
            for (int i = 0; i < BURST; i++) {
                sender.shout(GROUP, content);
            }
            return deliveries.awaitBurst(sender, (long) BURST * peers);
        }

        void rawBurst() {
            links.burst(BURST, rawHeader, content.frame(0));
        }
    }

    /**
     * One burst of shouts and one raw burst, in alternating order.
     *
     * @param group the nodes and links
     * @param stats where the times go
     */
    @Benchmark
    public void pairedBursts(Group group, PairStats stats) {
        stats.pair(group.round++, BURST, (long) BURST * group.peers, group::zreBurst, group::rawBurst);
    }
}
