package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeRequestTest {

    @Test
    void readsEveryCommand() {
        assertThat(NodeRequest.parse("shout CHAT hello")).contains(new NodeRequest.Shout("CHAT", "hello"));
        assertThat(NodeRequest.parse("whisper bob hi")).contains(new NodeRequest.Whisper("bob", "hi"));
        assertThat(NodeRequest.parse("join ROOM")).contains(new NodeRequest.Join("ROOM"));
        assertThat(NodeRequest.parse("leave ROOM")).contains(new NodeRequest.Leave("ROOM"));
        assertThat(NodeRequest.parse("peers")).contains(new NodeRequest.Peers());
        assertThat(NodeRequest.parse("quit")).contains(new NodeRequest.Quit());
    }

    @Test
    void textIsTheRestOfTheLineWithItsSpaces() {
        assertThat(NodeRequest.parse("shout CHAT  two  spaces and\ttab"))
                .contains(new NodeRequest.Shout("CHAT", " two  spaces and\ttab"));
    }

    @Test
    void trailingBlanksOfTheTextAreKept() {
        assertThat(NodeRequest.parse("shout G   a  b  ")).contains(new NodeRequest.Shout("G", "  a  b  "));
        assertThat(NodeRequest.parse("whisper bob hi\t")).contains(new NodeRequest.Whisper("bob", "hi\t"));
    }

    @Test
    void verbsIgnoreCaseAndSurroundingBlanks() {
        assertThat(NodeRequest.parse("  PEERS  ")).contains(new NodeRequest.Peers());
        assertThat(NodeRequest.parse(" join ROOM  ")).contains(new NodeRequest.Join("ROOM"));
    }

    @Test
    void blankLineIsNoCommand() {
        assertThat(NodeRequest.parse("   ")).isEmpty();
    }

    @Test
    void unknownCommandIsRejectedWithItsNameAndTheList() {
        assertThatThrownBy(() -> NodeRequest.parse("dance now"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown command \"dance now\"; commands: " + NodeRequest.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shout", "shout CHAT", "whisper bob", "join", "join A B", "leave", "peers all", "quit now"})
    void commandWithMissingOrExtraArgumentsIsMalformed(String line) {
        assertThatThrownBy(() -> NodeRequest.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed command \"" + line + "\"");
    }
}
