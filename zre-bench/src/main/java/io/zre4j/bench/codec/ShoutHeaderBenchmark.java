package io.zre4j.bench.codec;

import io.zre4j.core.codec.ZreCodec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec target: decode a received SHOUT (header frame and a 64-byte content frame) and encode its header
 * frame again, on one core, beside a copy of the same header frame (see {@link CodecBenchmark} for why that
 * baseline).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class ShoutHeaderBenchmark {

    private List<byte[]> frames;
    private byte[] header;

    /** Encodes the SHOUT once. */
    @Setup
    public void setUp() {
        frames = ZreCodec.encode(MessageKind.SHOUT_64.message());
        header = frames.get(0);
    }

    /**
     * Decode, then encode the header frame again.
     *
     * @return the new header frame
     */
    @Benchmark
    public byte[] decodeEncode() {
        return ZreCodec.encodeHeader(ZreCodec.decode(frames));
    }

    /**
     * Baseline: a copy of the header frame.
     *
     * @return the copy
     */
    @Benchmark
    public byte[] copyHeader() {
        return header.clone();
    }
}
