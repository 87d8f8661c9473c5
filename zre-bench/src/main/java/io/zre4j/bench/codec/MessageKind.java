package io.zre4j.bench.codec;

import io.zre4j.Frames;
import io.zre4j.core.codec.ZreMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The messages the codec benchmarks encode and decode, named as JMH {@code @Param} values. Content bytes are
 * seeded random (fixed seed), so every run and every fork measures the same bytes.
 */
public enum MessageKind {
    /** HELLO with 5 groups and 10 headers, about what a real application announces. */
    HELLO(0),
    /** SHOUT with one 64-byte content frame. */
    SHOUT_64(64),
    /** SHOUT with one 1 KiB content frame. */
    SHOUT_1K(1024),
    /** SHOUT with one 64 KiB content frame. */
    SHOUT_64K(64 * 1024),
    /** WHISPER with one 64-byte content frame. */
    WHISPER_64(64),
    /** WHISPER with one 1 KiB content frame. */
    WHISPER_1K(1024),
    /** WHISPER with one 64 KiB content frame. */
    WHISPER_64K(64 * 1024),
    /** JOIN of a group. */
    JOIN(0),
    /** PING: the smallest message, the prelude alone. */
    PING(0);

    /** The group SHOUT and JOIN name: as long as a typical application group name. */
    public static final String GROUP = "BENCH-GROUP";

    private final int payloadBytes;

    MessageKind(int payloadBytes) {
        this.payloadBytes = payloadBytes;
    }

    /**
     * Size of the content frame, 0 for messages without content.
     *
     * @return bytes
     */
    public int payloadBytes() {
        return payloadBytes;
    }

    /**
     * Whether the message carries content frames (WHISPER, SHOUT).
     *
     * @return true for WHISPER and SHOUT
     */
    public boolean hasContent() {
        return payloadBytes > 0;
    }

    /**
     * The message, with sequence number 1 for HELLO and 2 for the others (as on a fresh link).
     *
     * @return a new message
     */
    public ZreMessage message() {
        return switch (this) {
            case HELLO -> hello();
            case SHOUT_64, SHOUT_1K, SHOUT_64K -> new ZreMessage.Shout(2, GROUP, content());
            case WHISPER_64, WHISPER_1K, WHISPER_64K -> new ZreMessage.Whisper(2, content());
            case JOIN -> new ZreMessage.Join(2, GROUP, 1);
            case PING -> new ZreMessage.Ping(2);
        };
    }

    private Frames content() {
        byte[] bytes = new byte[payloadBytes];
        new SplittableRandom(payloadBytes).nextBytes(bytes);
        return Frames.wrap(List.of(bytes));
    }

    private static ZreMessage.Hello hello() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            groups.add("GROUP-" + i);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            headers.put("X-HEADER-" + i, "value of header number " + i);
        }
        return new ZreMessage.Hello(1, "tcp://127.0.0.1:49152", groups, 5, "bench-node", headers);
    }
}
