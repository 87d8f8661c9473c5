package io.zre4j.cli;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command read from the {@code node} command's stdin, one per line: {@code shout GROUP TEXT},
 * {@code whisper PEER TEXT}, {@code join GROUP}, {@code leave GROUP}, {@code contest GROUP}, {@code peers}, {@code quit}.
 * TEXT is the rest of the line, spaces included.
 */
sealed interface NodeRequest {

    /** The usage, for error messages. */
    String USAGE = "shout GROUP TEXT | whisper PEER TEXT | join GROUP | leave GROUP | contest GROUP | peers | quit";

    /**
     * Send {@code text} to a group.
     *
     * @param group the group
     * @param text  the message, one UTF-8 frame
     */
    record Shout(String group, String text) implements NodeRequest {
    }

    /**
     * Send {@code text} to one peer.
     *
     * @param peer its name or uuid
     * @param text the message, one UTF-8 frame
     */
    record Whisper(String peer, String text) implements NodeRequest {
    }

    /**
     * Join a group.
     *
     * @param group the group
     */
    record Join(String group) implements NodeRequest {
    }

    /**
     * Leave a group.
     *
     * @param group the group
     */
    record Leave(String group) implements NodeRequest {
    }

    /**
     * Take part in a group's leader election (LEADER events follow).
     *
     * @param group the group
     */
    record Contest(String group) implements NodeRequest {
    }

    /** List the known peers. */
    record Peers() implements NodeRequest {
    }

    /** Stop politely and exit. */
    record Quit() implements NodeRequest {
    }

    /**
     * Parses one line.
     *
     * @param line the line, without its line break
     * @return the request, or empty for a blank line
     * @throws IllegalArgumentException for an unknown or malformed command, with a message naming it
     */
    static Optional<NodeRequest> parse(String line) {
        Objects.requireNonNull(line, "line");
        if (line.isBlank()) {
            return Optional.empty();
        }
        // Only leading blanks go: TEXT is the rest of the line as typed, trailing spaces included.
        Matcher words = Syntax.WORDS.matcher(line.stripLeading());
        if (!words.matches()) {
            throw new IllegalStateException("the pattern matches every non-blank line");
        }
        String verb = words.group(1).toLowerCase(Locale.ROOT);
        String first = words.group(2);
        String rest = words.group(3);
        NodeRequest request = switch (verb) {
            case "shout" -> first != null && rest != null ? new Shout(first, rest) : null;
            case "whisper" -> first != null && rest != null ? new Whisper(first, rest) : null;
            case "join" -> first != null && isBlank(rest) ? new Join(first) : null;
            case "leave" -> first != null && isBlank(rest) ? new Leave(first) : null;
            case "contest" -> first != null && isBlank(rest) ? new Contest(first) : null;
            case "peers" -> first == null ? new Peers() : null;
            case "quit" -> first == null ? new Quit() : null;
            default -> throw new IllegalArgumentException("unknown command \"" + abbreviate(line) + "\"; commands: " + USAGE);
        };
        if (request == null) {
            throw new IllegalArgumentException("malformed command \"" + abbreviate(line) + "\"; commands: " + USAGE);
        }
        return Optional.of(request);
    }

    private static boolean isBlank(String rest) {
        return rest == null || rest.isBlank();
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    /** The shape of a line: a verb, then maybe one word, then maybe the rest of the line. */
    final class Syntax {
        static final Pattern WORDS = Pattern.compile("(\\S+)(?:\\s+(\\S+)(?:\\s(.*))?)?\\s*", Pattern.DOTALL);

        private Syntax() {
        }
    }
}
