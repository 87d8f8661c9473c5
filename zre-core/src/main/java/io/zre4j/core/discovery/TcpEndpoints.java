package io.zre4j.core.discovery;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks the inbox endpoints that discoveries report: {@code tcp://host:port}, where host is a name, an IPv4
 * address or a bracketed IPv6 address (with an optional {@code %zone}), and port is 1 to 65535.
 */
public final class TcpEndpoints {

    private static final Pattern ENDPOINT =
            Pattern.compile("tcp://(\\[[0-9a-fA-F:.]+(%[\\w.-]+)?]|[^:/\\s\\[\\]@|]+):\\d{1,5}");

    private TcpEndpoints() {
    }

    /**
     * Whether {@code endpoint} is {@code tcp://host:port} with a port from 1 to 65535.
     *
     * @param endpoint the text to check
     * @return true if a node could connect to it
     */
    public static boolean isValid(String endpoint) {
        if (endpoint == null || !ENDPOINT.matcher(endpoint).matches()) {
            return false;
        }
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        return port >= 1 && port <= 0xFFFF;
    }

    /**
     * Returns {@code endpoint} if it {@link #isValid is valid}.
     *
     * @param endpoint the endpoint
     * @param what     what it is, for the message (e.g. "a static peer's endpoint")
     * @return the endpoint
     * @throws IllegalArgumentException if it is not {@code tcp://host:port} with a port from 1 to 65535
     */
    public static String check(String endpoint, String what) {
        Objects.requireNonNull(endpoint, what);
        if (!isValid(endpoint)) {
            throw new IllegalArgumentException(what + " is tcp://host:port with a port from 1 to 65535, got \""
                    + endpoint + "\"");
        }
        return endpoint;
    }
}
