package io.zre4j.discovery.udp;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Logs a recurring failure once at WARN instead of once per beacon: an unplugged cable would otherwise
 * print a warning every second. A different failure, or the activity working again, is logged anew.
 *
 * <p>Not thread-safe: used only by the beacon thread.
 */
final class FailureLog {

    private final Logger log;
    private final String subject;
    private final Map<String, String> lastFailureByActivity = new HashMap<>();

    /**
     * @param log     where to log
     * @param subject what fails, for the messages, e.g. {@code beacons of alice on lo}
     */
    FailureLog(Logger log, String subject) {
        this.log = log;
        this.subject = subject;
    }

    /**
     * An activity failed; logged at WARN unless it already failed the same way last time.
     *
     * @param activity what was being done, e.g. {@code sending a beacon}
     * @param failure  the failure
     */
    void failed(String activity, Exception failure) {
        String description = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (description.equals(lastFailureByActivity.put(activity, description))) {
            log.debug("{}: {} failed again: {}", subject, activity, description);
        } else {
            log.warn("{}: {} failed, will keep trying (logged once until it changes): {}", subject, activity,
                    description, failure);
        }
    }

    /**
     * An activity worked; if it had failed, say that it recovered.
     *
     * @param activity what was done
     */
    void succeeded(String activity) {
        if (!lastFailureByActivity.isEmpty() && lastFailureByActivity.remove(activity) != null) {
            log.info("{}: {} works again", subject, activity);
        }
    }
}
