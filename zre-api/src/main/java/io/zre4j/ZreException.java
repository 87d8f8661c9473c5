package io.zre4j;

/**
 * Base class of the exceptions zre4j throws for conditions a caller can act on.
 */
public class ZreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong and, where possible, what to do about it
     */
    public ZreException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong and, where possible, what to do about it
     * @param cause   the underlying failure
     */
    public ZreException(String message, Throwable cause) {
        super(message, cause);
    }
}
