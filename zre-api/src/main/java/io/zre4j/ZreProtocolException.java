package io.zre4j;

import java.util.Objects;

/**
 * Bytes received from the network are not a valid ZRE message or beacon. The node drops such input and
 * counts it by {@link Reason} in its {@link Statistics}; the codec throws this exception, and only this
 * one, for any malformed input.
 */
public class ZreProtocolException extends ZreException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /**
     * Why input was rejected. Each reason is counted separately in the node statistics.
     */
    public enum Reason {
        /** The input ends before a field it announces. */
        TRUNCATED,
        /** The first two bytes are not the ZRE signature 0xAA 0xA1 (or "ZRE" for a beacon). */
        BAD_SIGNATURE,
        /** The message id is not one of the ten ZRE messages. */
        UNKNOWN_MESSAGE_ID,
        /** The protocol version is not the one spoken (2 for messages, 1 for beacons). */
        UNSUPPORTED_VERSION,
        /** A length or count field points past the end of the input. */
        LENGTH_PAST_END,
        /** A text field is not valid UTF-8. */
        INVALID_UTF8,
        /** A field holds a value the protocol does not allow (e.g. a beacon of the wrong size). */
        INVALID_FIELD,
        /** A message has no frame at all, or frames it must not have. */
        BAD_FRAMING,
        /** The sender's routing identity is not 0x01 followed by a 16-byte uuid. */
        BAD_IDENTITY
    }

    /**
     * Creates an exception.
     *
     * @param reason the category, used for counting
     * @param detail what exactly was wrong, for the log
     */
    public ZreProtocolException(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail);
        this.reason = reason;
    }

    /**
     * The category of the problem.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
