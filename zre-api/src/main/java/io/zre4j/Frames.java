package io.zre4j;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The content of a WHISPER or SHOUT: zero or more frames, kept exactly as they travel (multi-frame
 * content stays intact).
 *
 * <p>Frames are byte arrays. To avoid copying payloads on the receive path, the arrays of a received
 * message are shared with the caller: read them, do not modify them. Factory methods that take arrays
 * from the caller copy them, so the caller may reuse its buffers at once.
 */
public final class Frames {

    private static final Frames EMPTY = new Frames(List.of());

    private final List<byte[]> frames;

    private Frames(List<byte[]> frames) {
        this.frames = frames;
    }

    /**
     * Content made of copies of the given frames.
     *
     * @param frames the frames; copied
     * @return the content
     */
    public static Frames of(byte[]... frames) {
        Objects.requireNonNull(frames, "frames");
        List<byte[]> copies = new ArrayList<>(frames.length);
        for (byte[] frame : frames) {
            copies.add(Objects.requireNonNull(frame, "frame").clone());
        }
        return new Frames(Collections.unmodifiableList(copies));
    }

    /**
     * Content made of the UTF-8 encodings of the given strings, one frame each.
     *
     * @param texts the frames as text
     * @return the content
     */
    public static Frames ofText(String... texts) {
        List<byte[]> list = new ArrayList<>(texts.length);
        for (String text : texts) {
            list.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return new Frames(Collections.unmodifiableList(list));
    }

    /**
     * Wraps frames without copying them. The caller hands the arrays over and must not modify them
     * afterwards; codecs and transports use this on the receive path.
     *
     * @param frames the frames, handed over
     * @return the content
     */
    public static Frames wrap(List<byte[]> frames) {
        int size = frames.size();
        if (size == 0) {
            return EMPTY;
        }
        // Index into an array rather than copying through an iterator: this runs once per received message.
        byte[][] copy = new byte[size][];
        for (int i = 0; i < size; i++) {
            copy[i] = Objects.requireNonNull(frames.get(i), "frame");
        }
        return new Frames(Collections.unmodifiableList(Arrays.asList(copy)));
    }

    /**
     * Content with no frame.
     *
     * @return the empty content
     */
    public static Frames empty() {
        return EMPTY;
    }

    /**
     * Number of frames.
     *
     * @return the frame count
     */
    public int size() {
        return frames.size();
    }

    /**
     * Whether there is no frame.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /**
     * The frame at {@code index}, shared, not copied: do not modify it.
     *
     * @param index the frame index
     * @return the frame's bytes
     */
    public byte[] frame(int index) {
        return frames.get(index);
    }

    /**
     * A copy of the frame at {@code index}, safe to modify.
     *
     * @param index the frame index
     * @return a copy of the frame's bytes
     */
    public byte[] frameCopy(int index) {
        return frames.get(index).clone();
    }

    /**
     * The first frame decoded as UTF-8 (malformed bytes become U+FFFD), or "" when there is no frame.
     *
     * @return the text of the first frame
     */
    public String text() {
        return frames.isEmpty() ? "" : text(0);
    }

    /**
     * The frame at {@code index} decoded as UTF-8 (malformed bytes become U+FFFD).
     *
     * @param index the frame index
     * @return the frame as text
     */
    public String text(int index) {
        return new String(frames.get(index), StandardCharsets.UTF_8);
    }

    /**
     * The frames as an unmodifiable list; the arrays are shared.
     *
     * @return the frames
     */
    public List<byte[]> asList() {
        return frames;
    }

    /**
     * Total number of payload bytes over all frames.
     *
     * @return the byte count
     */
    public long byteCount() {
        long total = 0;
        for (byte[] frame : frames) {
            total += frame.length;
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Frames that) || that.frames.size() != frames.size()) {
            return false;
        }
        for (int i = 0; i < frames.size(); i++) {
            if (!Arrays.equals(frames.get(i), that.frames.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (byte[] frame : frames) {
            hash = 31 * hash + Arrays.hashCode(frame);
        }
        return hash;
    }

    /** A short summary: frame count and the first frame as text when it is printable. */
    @Override
    public String toString() {
        return "Frames[" + frames.size() + (frames.isEmpty() ? "" : ", \"" + abbreviate(text()) + "\"") + "]";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
