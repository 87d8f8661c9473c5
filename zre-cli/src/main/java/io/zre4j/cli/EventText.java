package io.zre4j.cli;

import io.zre4j.Frames;
import io.zre4j.ZreEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * One readable line per event, for the monitor's log, the demo's narration and the plain-text node:
 * {@code ENTER   bob [3F2A1B2C] tcp://127.0.0.1:49152 {X-ROLE=camera}}.
 */
final class EventText {

    private static final int MAX_TEXT = 60;

    private EventText() {
    }

    /**
     * Describes an event.
     *
     * @param event the event
     * @return the line, without a line break
     */
    static String describe(ZreEvent event) {
        String who = String.format(Locale.ROOT, "%-7s %s [%s]", event.type(), printable(event.name()), shortId(event));
        return who + details(event);
    }

    /** What follows the peer: the address and headers, the group, the content. */
    private static String details(ZreEvent event) {
        if (event instanceof ZreEvent.Enter enter) {
            return " " + printable(enter.address()) + (enter.headers().isEmpty() ? "" : " " + printable(enter.headers().toString()));
        }
        if (event instanceof ZreEvent.Shout shout) {
            return " " + printable(shout.group()) + " " + content(shout.content());
        }
        if (event instanceof ZreEvent.Whisper whisper) {
            return " " + content(whisper.content());
        }
        return group(event).map(group -> " " + printable(group)).orElse("");
    }

    /**
     * The group an event is about: JOIN, LEAVE, LEADER and SHOUT have one.
     *
     * @param event the event
     * @return the group, or empty
     */
    static Optional<String> group(ZreEvent event) {
        if (event instanceof ZreEvent.Join join) {
            return Optional.of(join.group());
        }
        if (event instanceof ZreEvent.Leave leave) {
            return Optional.of(leave.group());
        }
        if (event instanceof ZreEvent.Leader leader) {
            return Optional.of(leader.group());
        }
        if (event instanceof ZreEvent.Shout shout) {
            return Optional.of(shout.group());
        }
        return Optional.empty();
    }

    /**
     * The first eight hex digits of the event's peer: enough to tell peers apart on screen.
     *
     * @param event the event
     * @return the short identity
     */
    static String shortId(ZreEvent event) {
        return event.peer().toString().substring(0, 8);
    }

    /**
     * A message's first frame as quoted text, abbreviated, with control characters escaped, plus the number
     * of further frames.
     *
     * @param content the frames
     * @return the description
     */
    static String content(Frames content) {
        if (content.isEmpty()) {
            return "(no frame)";
        }
        String more = content.size() > 1 ? " (+" + (content.size() - 1) + " frame" + (content.size() > 2 ? "s)" : ")") : "";
        return quote(content.text()) + more;
    }

    /**
     * Text as a quoted string for one terminal line: quotes and backslashes escaped, control characters
     * escaped, abbreviated.
     *
     * @param text any text
     * @return the quoted text
     */
    static String quote(String text) {
        String shown = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return "\"" + printable(shown.replace("\\", "\\\\").replace("\"", "\\\""))
                + (text.length() > MAX_TEXT ? "...\"" : "\"");
    }

    /**
     * Text from the network made safe for a terminal: control characters (line breaks, escape sequences
     * that could rewrite the screen) are shown as a backslash, 'u' and four hex digits.
     *
     * @param text any text
     * @return the text, unchanged when it has no control character
     */
    static String printable(String text) {
        if (text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                safe.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                safe.append((char) c);
            }
        });
        return safe.toString();
    }
}
