package io.zre4j.bench.loopback;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a paired loopback benchmark measured, as JMH secondary results (the public fields, summed over the
 * measured iterations): for each side, wall time and process CPU time spent on its bursts, the messages each
 * side delivered, and the ZRE sender's refused sends.
 *
 * <p>Process CPU time covers every thread of the JVM (node threads, JeroMQ I/O threads, GC): on a shared
 * machine it varies much less than wall time, and it is what a burst really costs the host. On Linux it ticks
 * in 10 ms steps: one burst's figure is coarse, but summed over the hundreds of bursts of a measurement the
 * rounding averages out.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PairStats {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Wall time of the ZRE bursts, in nanoseconds. */
    public long zreNs;
    /** Wall time of the raw JeroMQ bursts, in nanoseconds. */
    public long rawNs;
    /** Process CPU time during the ZRE bursts, in nanoseconds. */
    public long zreCpuNs;
    /** Process CPU time during the raw JeroMQ bursts, in nanoseconds. */
    public long rawCpuNs;
    /** Messages each side sent (a SHOUT counts once, however many peers it reaches). */
    public long messages;
    /** Messages each side delivered (a SHOUT once per receiving peer). */
    public long deliveries;
    /** Sends the ZRE sender's transport refused (its {@code SENDS_REFUSED} counter). */
    public long sendsRefused;

    /** Starts each iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
        zreNs = 0;
        rawNs = 0;
        zreCpuNs = 0;
        rawCpuNs = 0;
        messages = 0;
        deliveries = 0;
        sendsRefused = 0;
    }

    /**
     * Runs one burst of each side, the ZRE one first in even rounds and the raw one first in odd rounds, so
     * that neither side always follows the other (and, say, pays for its garbage), and counts what they did.
     *
     * @param round      the invocation's number
     * @param messages   messages each burst sends
     * @param deliveries deliveries each burst makes
     * @param zreBurst   the ZRE burst; returns the sends its sender refused
     * @param rawBurst   the raw burst
     */
    void pair(long round, long messages, long deliveries, LongSupplier zreBurst, Runnable rawBurst) {
        long[] refused = new long[1];
        Runnable zre = () -> refused[0] = zreBurst.getAsLong();
        boolean zreFirst = (round & 1) == 0;
        time(zreFirst, zreFirst ? zre : rawBurst);
        time(!zreFirst, zreFirst ? rawBurst : zre);
        this.messages += messages;
        this.deliveries += deliveries;
        this.sendsRefused += refused[0];
    }

    private void time(boolean zre, Runnable burst) {
        long cpuBefore = OS.getProcessCpuTime();
        long startNs = System.nanoTime();
        burst.run();
        long wallNs = System.nanoTime() - startNs;
        long cpuNs = OS.getProcessCpuTime() - cpuBefore;
        if (zre) {
            zreNs += wallNs;
            zreCpuNs += cpuNs;
        } else {
            rawNs += wallNs;
            rawCpuNs += cpuNs;
        }
    }
}
