package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import java.io.PrintWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatViewTest {

    private static final PeerId SELF = PeerId.parse("00000000000000000000000000000001");
    private static final PeerId BOB = PeerId.parse("29501FBA21C14CE5A8EE1D33CC4AC354");

    private final ChatView view = new ChatView(SELF, "CHAT", new PrintWriter(new Lines()));

    @Test
    void shoutInTheChatGroupReadsAsNameColonText() {
        assertThat(view.line(new ZreEvent.Shout(BOB, "bob", "CHAT", Frames.ofText("hi")))).contains("bob: hi");
    }

    @Test
    void shoutInAnotherGroupNamesTheGroup() {
        assertThat(view.line(new ZreEvent.Shout(BOB, "bob", "OTHER", Frames.ofText("hi")))).contains("[OTHER] bob: hi");
    }

    @Test
    void whisperIsMarkedAsSuch() {
        assertThat(view.line(new ZreEvent.Whisper(BOB, "bob", Frames.ofText("psst")))).contains("bob (whisper): psst");
    }

    @Test
    void arrivalsAndDeparturesAreStarLines() {
        assertThat(view.line(new ZreEvent.Enter(BOB, "bob", Map.of(), "tcp://127.0.0.1:1"))).contains("* bob entered from tcp://127.0.0.1:1");
        assertThat(view.line(new ZreEvent.Exit(BOB, "bob"))).contains("* bob left");
        assertThat(view.line(new ZreEvent.Stop(SELF, "me"))).contains("* you left");
    }

    @Test
    void controlCharactersFromTheNetworkCannotRewriteTheScreen() {
        ZreEvent.Shout shout = new ZreEvent.Shout(BOB, "bob\u001b[2J", "CHAT", Frames.ofText("line\nbreak\u001b[H"));
        assertThat(view.line(shout)).contains("bob\\u001b[2J: line\\u000abreak\\u001b[H");
    }
}
