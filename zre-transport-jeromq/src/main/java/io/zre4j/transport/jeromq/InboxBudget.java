package io.zre4j.transport.jeromq;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import zmq.Msg;
import zmq.ZMQ;
import zmq.msg.MsgAllocator;

/**
 * Bounds what the inbox's connections may hold that the node cannot read yet: the defence against an
 * endless multipart message.
 *
 * <p>The hole: JeroMQ 0.6.0 hands a message to the ROUTER only once its last frame has arrived, and its
 * receive high-water mark counts whole messages only, so a peer that sends frames that all carry the MORE
 * flag makes JeroMQ's I/O thread buffer them without limit (an empty frame is 2 bytes on the wire and about
 * 100 bytes of heap: 3.5 million of them, one second on loopback, exhaust a 256 MB heap). No frame is ever
 * readable, so the node cannot see it coming, and {@code maxFrameBytes} does not help.
 *
 * <p>The count: JeroMQ allocates every frame it decodes through the socket's {@link MsgAllocator}, on the
 * I/O thread, and every connection of the inbox shares the socket's allocator. So this allocator counts the
 * frames (and their bytes) it hands out, the node thread counts the frames it reads ({@link #consumed}),
 * and the difference is what JeroMQ holds for the inbox: complete messages waiting to be read, and frames
 * of messages not finished yet. ZMTP commands (READY, PING) are decoded the same way but never reach the
 * inbox: the flags JeroMQ sets on a frame right after allocating it tell them apart, and they are uncounted
 * at the next allocation.
 *
 * <p>The decision: when the difference exceeds the {@linkplain Limits soft limits}, the I/O thread raises an
 * alarm and wakes the node thread (once per alarm). A backlog of complete messages is legitimate (the node
 * was busy; each connection holds at most the receive high-water mark), so the node resets the inbox only if
 * the difference is still over the soft limits at a moment when it has read everything readable (then what
 * remains is frames of unfinished messages), or if it exceeds the {@linkplain #HARD_FACTOR hard limits} at
 * any moment (a node so overloaded that it never catches up must not run out of memory either). If it has
 * read everything and the difference is back within bounds, the alarm is re-armed.
 *
 * <p>Drift: frames JeroMQ discards without delivering (the unfinished message of a connection that breaks;
 * a message still queued on a connection that the same peer has replaced while it was open; the identity
 * frame of a pre-3.0 ZMTP peer; a ZMTP command longer than {@value #LONGEST_REMEMBERED_FRAME} bytes, which
 * real peers never send) stay counted until the inbox's next reset. Legitimate peers cause little of it; a
 * hostile one that causes it on purpose only brings the next reset forward.
 *
 * <p>Threading: {@link #allocate} runs on the transport's single I/O thread (the transport's context has one),
 * so its counters are plain fields, published while the alarm is raised; the node thread owns its own
 * counters and publishes them once per {@code receive}. Per frame, the I/O thread does two plain adds and
 * three volatile reads: no lock, and no write to shared memory unless the alarm is raised.
 */
final class InboxBudget implements MsgAllocator {

    /** The hard limits are this multiple of the soft ones. */
    static final int HARD_FACTOR = 4;

    /**
     * Frames (of any size) the inbox may hold unread at a moment when the node has read everything
     * readable: about 25 MB of heap for empty frames. Legitimately held at such a moment: the frames of the
     * messages peers are sending right now (a few per peer for ZRE traffic), one frame per connection
     * paused at the high-water mark, and one decoding batch of the I/O thread (8 KiB, so at most 4,096
     * frames).
     */
    static final long DEFAULT_FRAMES = 250_000;

    /**
     * The least byte budget. The budget is four maximum-size frames ({@code maxFrameBytes}) or this, whichever
     * is larger: JeroMQ allocates a frame whole as soon as its header arrives, so a few large frames being
     * received at once are legitimate.
     */
    static final long MIN_BYTES = 64L << 20;

    /** ZMTP commands are short; longer frames are not remembered for the command check (see {@link #allocate}). */
    private static final int LONGEST_REMEMBERED_FRAME = 1024;

    /**
     * What the inbox may hold unread at a moment when the node has read all it can; the hard limits are
     * {@value #HARD_FACTOR} times these.
     *
     * @param frames the most frames
     * @param bytes  the most payload bytes
     */
    record Limits(long frames, long bytes) {

        Limits {
            if (frames < 1 || bytes < 1) {
                throw new IllegalArgumentException("limits must be positive, got " + frames + " frames, " + bytes
                        + " bytes");
            }
        }

        /**
         * The default limits for an inbox that accepts frames of up to {@code maxFrameBytes}.
         *
         * @param maxFrameBytes the largest frame accepted, 0 for no limit
         * @return {@value #DEFAULT_FRAMES} frames, and four maximum-size frames or {@value #MIN_BYTES} bytes,
         *         whichever is larger (no byte limit to speak of when frames are unlimited)
         */
        static Limits defaults(long maxFrameBytes) {
            long largestFrame = maxFrameBytes == 0 ? Integer.MAX_VALUE : maxFrameBytes;
            return new Limits(DEFAULT_FRAMES, Math.max(MIN_BYTES, 4 * largestFrame));
        }

        Limits hard() {
            return new Limits(saturatedTimes(frames), saturatedTimes(bytes));
        }

        private static long saturatedTimes(long value) {
            return value > Long.MAX_VALUE / HARD_FACTOR ? Long.MAX_VALUE : value * HARD_FACTOR;
        }
    }

    private final Limits soft;
    private final Limits hard;
    /** Unread bytes beyond which the I/O thread raises the alarm: the soft limit, or the hard one if lower. */
    private final long alarmBytes;
    private final Runnable wakeNode;

    // Written by the I/O thread only.
    private long allocatedFrames;
    private long allocatedBytes;
    /** The frame allocated last, if short: checked at the next allocation for the COMMAND flag. */
    private Msg last;
    private final AtomicLong publishedAllocatedFrames = new AtomicLong();
    private final AtomicLong publishedAllocatedBytes = new AtomicLong();

    // Written by the node thread only.
    private long consumedFrames;
    private long consumedBytes;
    private final AtomicLong publishedConsumedFrames = new AtomicLong();
    private final AtomicLong publishedConsumedBytes = new AtomicLong();

    /** Raised by the I/O thread, re-armed by the node thread. */
    private volatile boolean alarm;
    /** Set by the node thread when the inbox using this budget is replaced: its I/O may go on for a moment. */
    private volatile boolean retired;

    /**
     * @param soft     the soft limits; the hard ones are {@value #HARD_FACTOR} times these
     * @param wakeNode ends the node thread's wait; called on the I/O thread when the alarm is raised
     */
    InboxBudget(Limits soft, Runnable wakeNode) {
        this(soft, wakeNode, Runtime.getRuntime().maxMemory());
    }

    /**
     * @param soft      the soft limits; the hard ones are {@value #HARD_FACTOR} times these
     * @param wakeNode  ends the node thread's wait; called on the I/O thread when the alarm is raised
     * @param maxMemory the JVM's memory: unread bytes beyond half of it reset the inbox at once, whatever
     *                  the limits (JeroMQ allocates a whole frame, up to {@code maxFrameBytes}, as soon as its
     *                  header arrives, so a few large frames could otherwise exhaust a small heap)
     */
    InboxBudget(Limits soft, Runnable wakeNode, long maxMemory) {
        this.soft = Objects.requireNonNull(soft, "soft");
        Limits scaled = soft.hard();
        this.hard = new Limits(scaled.frames(), Math.max(1, Math.min(scaled.bytes(), maxMemory / 2)));
        this.alarmBytes = Math.min(soft.bytes(), hard.bytes());
        this.wakeNode = Objects.requireNonNull(wakeNode, "wakeNode");
    }

    /** I/O thread: allocates a frame as JeroMQ's default allocator does, and counts it. */
    @Override
    public Msg allocate(int size) {
        Msg previous = last;
        if (previous != null && previous.isCommand()) {
            // JeroMQ set the flags after the previous allocation: that frame was a ZMTP command, which the
            // engine consumes itself.
            allocatedFrames--;
            allocatedBytes -= previous.size();
        }
        Msg msg;
        try {
            msg = ZMQ.DEFAULT_MSG_ALLOCATOR.allocate(size);
        } catch (OutOfMemoryError e) {
            // A frame the JVM cannot hold: count it as held, so that the node resets the inbox at once, and
            // hand the decoder an empty frame rather than let the error kill JeroMQ's I/O thread (the
            // connection's next bytes then make no sense to the decoder, which drops the connection).
            last = null;
            allocatedBytes += size;
            raiseAlarm(++allocatedFrames, Long.MAX_VALUE / 2);
            return new Msg(0);
        }
        last = size <= LONGEST_REMEMBERED_FRAME ? msg : null;
        long frames = ++allocatedFrames;
        long bytes = allocatedBytes += size;
        if (alarm) {
            // The node looks at these counts only while the alarm is raised: publish them only then.
            publishedAllocatedFrames.lazySet(frames);
            publishedAllocatedBytes.lazySet(bytes);
        } else if (frames - publishedConsumedFrames.get() > soft.frames()
                || bytes - publishedConsumedBytes.get() > alarmBytes) {
            raiseAlarm(frames, bytes);
        }
        return msg;
    }

    private void raiseAlarm(long frames, long bytes) {
        if (retired) {
            return;
        }
        publishedAllocatedFrames.set(frames);
        publishedAllocatedBytes.set(bytes);
        alarm = true;
        wakeNode.run();
    }

    /**
     * Node thread: the node has read frames that came in over the network (not wake-ups, not routing ids).
     *
     * @param frames how many
     * @param bytes  their total size
     */
    void consumed(int frames, long bytes) {
        consumedFrames += frames;
        consumedBytes += bytes;
    }

    /** Node thread: lets the I/O thread see what has been read; once per {@code receive} and before a wait. */
    void publish() {
        publishedConsumedFrames.lazySet(consumedFrames);
        publishedConsumedBytes.lazySet(consumedBytes);
    }

    /** Node thread: whether the I/O thread has raised the alarm since it was last re-armed. Cheap. */
    boolean alarmed() {
        return alarm;
    }

    /**
     * Node thread, when {@link #alarmed()}: decides whether the inbox must be reset, re-arming the alarm if the
     * count is back within the soft limits at a moment when nothing is readable.
     *
     * @param drained whether the node has just found nothing left to read
     * @return why the inbox must be reset, for the log; null if it need not be
     */
    String overflow(boolean drained) {
        publish();
        long frames = publishedAllocatedFrames.get() - consumedFrames;
        long bytes = publishedAllocatedBytes.get() - consumedBytes;
        if (frames > hard.frames() || bytes > hard.bytes()) {
            return frames + " frames (" + bytes + " bytes) received and not read yet, over the hard limit of "
                    + hard.frames() + " frames or " + hard.bytes() + " bytes: the node is not keeping up, or a peer"
                    + " is sending a message that never ends (every frame flagged MORE)";
        }
        if (!drained) {
            return null; // a backlog of readable messages may explain it: wait until the node has caught up
        }
        if (frames > soft.frames() || bytes > soft.bytes()) {
            return frames + " frames (" + bytes + " bytes) received but not readable, over the limit of "
                    + soft.frames() + " frames or " + soft.bytes() + " bytes: a peer is sending a message that never"
                    + " ends (every frame flagged MORE)";
        }
        alarm = false;
        return null;
    }

    /** Node thread: the inbox using this budget has been closed; what its I/O thread still does is ignored. */
    void retire() {
        retired = true;
    }
}
