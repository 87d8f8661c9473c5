package io.zre4j.bench.codec;

import io.zre4j.core.codec.ZreCodec;
import io.zre4j.core.codec.ZreMessage;
import java.util.List;
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
 * Encode and decode of every message kind, beside the baseline {@link #copyHeader}: a plain
 * {@code clone()} of the same header frame.
 *
 * <p>Why that baseline: whatever a codec does, encoding must at least produce the header bytes in a new array
 * and decoding must at least read each of them once; a bare copy does exactly that with no parsing, no
 * validation and no objects, so it is a ceiling no codec reaches. The ratio says how many header copies one
 * codec operation costs, and, measured in the same run, it cancels most of the machine's noise. Content
 * frames are not part of the baseline: the codec must not touch them (see the allocation rows, measured with
 * JMH's GC profiler).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class CodecBenchmark {

    /** The message encoded and decoded. */
    @Param({"HELLO", "SHOUT_64", "SHOUT_1K", "SHOUT_64K", "WHISPER_64", "WHISPER_1K", "WHISPER_64K", "JOIN", "PING"})
    public MessageKind kind;

    private ZreMessage message;
    private List<byte[]> frames;
    private byte[] header;

    /** Builds the message and its frames once. */
    @Setup
    public void setUp() {
        message = kind.message();
        frames = ZreCodec.encode(message);
        header = frames.get(0);
    }

    /**
     * Encodes the message into its frames (a new header frame; content frames by reference).
     *
     * @return the frames
     */
    @Benchmark
    public List<byte[]> encode() {
        return ZreCodec.encode(message);
    }

    /**
     * Decodes the frames into a message (the content frames wrapped, not copied).
     *
     * @return the message
     */
    @Benchmark
    public ZreMessage decode() {
        return ZreCodec.decode(frames);
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
