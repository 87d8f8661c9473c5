package io.zre4j.bench.engine;

import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.core.codec.ZreCodec;
import io.zre4j.core.codec.ZreMessage;
import io.zre4j.core.engine.Counters;
import io.zre4j.core.engine.ZreEngine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of the protocol logic of one SHOUT to a group of N peers, with no I/O: the real
 * {@link ZreEngine} over a transport that accepts and drops every message.
 *
 * <p>The peers are set up as on a real network: for each fake peer id the engine hears a beacon (it connects
 * and says HELLO) and then receives the peer's ZreCodec-encoded HELLO, which puts the peer in the group.
 *
 * <p>Baseline {@link #rawFanout}: the irreducible work of a fan-out, done by hand for the same N links and
 * handed to the same output: a copy of the encoded header with that link's next sequence number patched in,
 * and a frame list with the content. The ratio is the engine's overhead over that (group lookup, sequence
 * bookkeeping, counters).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class EngineFanoutBenchmark {

    /** The group every fake peer is in. */
    static final String GROUP = "BENCH-GROUP";
    private static final long NOW_NS = 1_000_000_000L;
    private static final int CONTENT_BYTES = 64;

    /** How many peers the SHOUT goes to. */
    @Param({"10", "100", "1000"})
    public int peers;

    private ZreEngine engine;
    private CountingOutput output;
    private Frames content;
    private PeerId[] peerIds;
    private int[] rawSequences;
    private byte[] rawHeader;
    private byte[] payload;

    /** Builds an engine that knows {@link #peers} entered peers, all in {@link #GROUP}. */
    @Setup
    public void setUp() {
        output = new CountingOutput();
        SplittableRandom ids = new SplittableRandom(20261127);
        engine = new ZreEngine(ZreConfig.builder().name("bench").build(), PeerId.of(ids.nextLong(), ids.nextLong()),
                output, new Counters(), false);
        engine.start(NOW_NS, "tcp://127.0.0.1:40000");
        peerIds = new PeerId[peers];
        for (int i = 0; i < peers; i++) {
            PeerId peer = PeerId.of(ids.nextLong(), ids.nextLong());
            String endpoint = "tcp://127.0.0.1:" + (40001 + i);
            peerIds[i] = peer;
            engine.handleBeacon(NOW_NS, peer, endpoint);
            ZreMessage.Hello hello = new ZreMessage.Hello(1, endpoint, List.of(GROUP), 1, "peer-" + i, Map.of());
            engine.handleMessage(NOW_NS, peer, ZreCodec.encode(hello));
        }
        int members = engine.peersByGroup(GROUP).size();
        if (members != peers) {
            throw new IllegalStateException("set-up failed: " + members + " of " + peers + " fake peers in the group");
        }
        payload = new byte[CONTENT_BYTES];
        new SplittableRandom(CONTENT_BYTES).nextBytes(payload);
        content = Frames.wrap(List.of(payload));
        rawHeader = ZreCodec.encodeHeader(new ZreMessage.Shout(0, GROUP, content));
        rawSequences = new int[peers];
    }

    /**
     * One SHOUT through the engine to every peer of the group.
     *
     * @return the number of peers it was handed to
     */
    @Benchmark
    public int shout() {
        return engine.shout(GROUP, content);
    }

    /**
     * Baseline: the same fan-out written out by hand.
     *
     * @return the number of peers it was handed to
     */
    @Benchmark
    public int rawFanout() {
        for (int i = 0; i < peerIds.length; i++) {
            int sequence = (rawSequences[i] + 1) & 0xFFFF;
            rawSequences[i] = sequence;
            byte[] header = rawHeader.clone();
            header[4] = (byte) (sequence >>> 8);
            header[5] = (byte) sequence;
            output.send(peerIds[i], Arrays.asList(header, payload));
        }
        return peerIds.length;
    }
}
