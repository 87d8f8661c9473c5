package io.zre4j;

/**
 * The network setup a node needs failed: no such interface, an interface without an address, a port
 * that cannot be bound. The message names what was tried.
 */
public class ZreNetworkException extends ZreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed and what to check
     */
    public ZreNetworkException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what failed and what to check
     * @param cause   the underlying I/O failure
     */
    public ZreNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
