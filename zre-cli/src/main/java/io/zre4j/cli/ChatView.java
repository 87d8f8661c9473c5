package io.zre4j.cli;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * How the chat shows events: {@code bob: hello} for a shout in the chat group, {@code [OTHER] bob: hi} in
 * another group, {@code bob (whisper): psst} for a whisper, and {@code * ...} lines for arrivals, departures
 * and trouble.
 */
final class ChatView {

    private final PeerId self;
    private final String group;
    private final PrintWriter out;

    /**
     * A view writing to {@code out}.
     *
     * @param self  this node's identity
     * @param group the chat group
     * @param out   where to write
     */
    ChatView(PeerId self, String group, PrintWriter out) {
        this.self = Objects.requireNonNull(self, "self");
        this.group = Objects.requireNonNull(group, "group");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Shows an event, if it is worth a line.
     *
     * @param event the event
     */
    void show(ZreEvent event) {
        line(event).ifPresent(this::say);
    }

    /**
     * The line for an event.
     *
     * @param event the event
     * @return the line, or empty when the event is not shown
     */
    Optional<String> line(ZreEvent event) {
        String name = EventText.printable(event.name());
        String group = EventText.group(event).map(EventText::printable).orElse("");
        return Optional.ofNullable(switch (event.type()) {
            case ENTER -> "* " + name + " entered from " + EventText.printable(((ZreEvent.Enter) event).address());
            case EXIT -> "* " + name + " left";
            case JOIN -> "* " + name + " joined " + group;
            case LEAVE -> "* " + name + " left " + group;
            case SHOUT -> (group.equals(this.group) ? "" : "[" + group + "] ") + name + ": "
                    + EventText.printable(((ZreEvent.Shout) event).content().text());
            case WHISPER -> name + " (whisper): " + EventText.printable(((ZreEvent.Whisper) event).content().text());
            case EVASIVE -> "* " + name + " is not answering";
            case SILENT -> "* " + name + " is silent";
            case LEADER -> "* " + (event.peer().equals(self) ? "you lead " : name + " leads ") + group;
            case STOP -> "* you left";
        });
    }

    /**
     * Prints one line and flushes it.
     *
     * @param line the line
     */
    void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
