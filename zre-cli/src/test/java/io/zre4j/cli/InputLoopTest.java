package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputLoopTest {

    private static List<String> linesOf(String input) {
        List<String> lines = new ArrayList<>();
        InputLoop.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(new StringWriter()), line -> lines.add(line) || true);
        return lines;
    }

    @Test
    void linesEndAtLineFeedsWithOrWithoutACarriageReturnBefore() {
        assertThat(linesOf("join A\nleave A\r\npeers")).containsExactly("join A", "leave A", "peers");
    }

    @Test
    void aLoneCarriageReturnIsPartOfTheTextNotALineBreak() {
        assertThat(linesOf("shout G a\rb\n")).containsExactly("shout G a\rb");
    }

    @Test
    void emptyLinesAreKeptAndTheEndOfInputEndsTheLoop() {
        assertThat(linesOf("\n\nquit\n")).containsExactly("", "", "quit");
        assertThat(linesOf("")).isEmpty();
    }

    @Test
    void aFailingCommandIsReportedAndTheLoopGoesOn() {
        StringWriter err = new StringWriter();
        List<String> seen = new ArrayList<>();
        InputLoop.run(new ByteArrayInputStream("bad\ngood\n".getBytes(StandardCharsets.UTF_8)), new PrintWriter(err),
                line -> {
                    if (line.equals("bad")) {
                        throw new IllegalArgumentException("unknown command \"bad\"");
                    }
                    seen.add(line);
                    return true;
                });

        assertThat(err.toString()).startsWith("error: unknown command \"bad\"");
        assertThat(seen).containsExactly("good");
    }
}
