package io.zre4j.discovery.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class FailureLogTest {

    /** The names of the logging methods called ("warn", "info", ...), in order. */
    private final List<String> levels = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("is")) {
                    return true;
                }
                if (args != null && method.getReturnType() == void.class) {
                    levels.add(method.getName());
                }
                return null;
            });
    private final FailureLog failures = new FailureLog(logger, "beacons of alice on lo");

    @Test
    void sameFailureIsWarnedAboutOnce() {
        for (int i = 0; i < 10; i++) {
            failures.failed("sending a beacon", new IOException("Network is unreachable"));
        }

        assertThat(levels).containsOnlyOnce("warn");
    }

    @Test
    void differentFailureIsWarnedAboutAgain() {
        failures.failed("sending a beacon", new IOException("Network is unreachable"));
        failures.failed("sending a beacon", new IOException("No buffer space available"));

        assertThat(levels).containsExactly("warn", "warn");
    }

    @Test
    void recoveryIsLoggedAndTheNextFailureWarnedAboutAgain() {
        failures.failed("sending a beacon", new IOException("Network is unreachable"));
        failures.succeeded("sending a beacon");
        failures.failed("sending a beacon", new IOException("Network is unreachable"));

        assertThat(levels).containsExactly("warn", "info", "warn");
    }

    @Test
    void successWithoutFailureLogsNothing() {
        failures.succeeded("sending a beacon");

        assertThat(levels).isEmpty();
    }
}
