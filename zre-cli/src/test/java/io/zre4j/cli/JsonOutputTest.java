package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    private static final PeerId BOB = PeerId.parse("29501FBA21C14CE5A8EE1D33CC4AC354");
    private static final String ID = "\"peer\":\"29501FBA21C14CE5A8EE1D33CC4AC354\",\"name\":\"bob\"";

    private final Lines lines = new Lines();
    private final JsonOutput output = new JsonOutput(new PrintWriter(lines));

    private String json(ZreEvent event) {
        output.event(event);
        return lines.all().get(lines.all().size() - 1);
    }

    @Test
    void enterCarriesHeadersInOrderAndTheAddress() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-B", "2");
        headers.put("X-A", "1");
        assertThat(json(new ZreEvent.Enter(BOB, "bob", headers, "tcp://127.0.0.1:4000")))
                .isEqualTo("{\"type\":\"ENTER\"," + ID + ",\"headers\":{\"X-B\":\"2\",\"X-A\":\"1\"},"
                        + "\"address\":\"tcp://127.0.0.1:4000\"}");
    }

    @Test
    void shoutCarriesItsGroupTheFirstFrameAsTextAndEveryFrameInBase64() {
        Frames frames = Frames.of("hi".getBytes(StandardCharsets.UTF_8), new byte[] {0, (byte) 0xff});
        assertThat(json(new ZreEvent.Shout(BOB, "bob", "CHAT", frames)))
                .isEqualTo("{\"type\":\"SHOUT\"," + ID + ",\"group\":\"CHAT\",\"text\":\"hi\",\"frames\":[\"aGk=\",\"AP8=\"]}");
    }

    @Test
    void whisperCarriesTextAndFramesButNoGroup() {
        assertThat(json(new ZreEvent.Whisper(BOB, "bob", Frames.ofText("psst"))))
                .isEqualTo("{\"type\":\"WHISPER\"," + ID + ",\"text\":\"psst\",\"frames\":[\"cHNzdA==\"]}");
    }

    @Test
    void emptyMessageHasEmptyTextAndNoFrame() {
        assertThat(json(new ZreEvent.Whisper(BOB, "bob", Frames.empty())))
                .isEqualTo("{\"type\":\"WHISPER\"," + ID + ",\"text\":\"\",\"frames\":[]}");
    }

    @Test
    void joinLeaveAndLeaderCarryTheGroup() {
        assertThat(json(new ZreEvent.Join(BOB, "bob", "G"))).isEqualTo("{\"type\":\"JOIN\"," + ID + ",\"group\":\"G\"}");
        assertThat(json(new ZreEvent.Leave(BOB, "bob", "G"))).isEqualTo("{\"type\":\"LEAVE\"," + ID + ",\"group\":\"G\"}");
        assertThat(json(new ZreEvent.Leader(BOB, "bob", "G"))).isEqualTo("{\"type\":\"LEADER\"," + ID + ",\"group\":\"G\"}");
    }

    @Test
    void exitEvasiveSilentAndStopCarryPeerAndName() {
        assertThat(json(new ZreEvent.Exit(BOB, "bob"))).isEqualTo("{\"type\":\"EXIT\"," + ID + "}");
        assertThat(json(new ZreEvent.Evasive(BOB, "bob"))).isEqualTo("{\"type\":\"EVASIVE\"," + ID + "}");
        assertThat(json(new ZreEvent.Silent(BOB, "bob"))).isEqualTo("{\"type\":\"SILENT\"," + ID + "}");
        assertThat(json(new ZreEvent.Stop(BOB, "bob"))).isEqualTo("{\"type\":\"STOP\"," + ID + "}");
    }

    @Test
    void textWithQuotesAndLineBreaksStaysOnOneLine() {
        json(new ZreEvent.Whisper(BOB, "bob", Frames.ofText("a \"b\"\nc")));
        assertThat(lines.all()).singleElement().asString().contains("\"text\":\"a \\\"b\\\"\\nc\"");
    }

    @Test
    void peersListsEachPeerAsAnObject() {
        output.peers(List.of(new PeerInfo(BOB, "bob", "tcp://127.0.0.1:4000", Set.of("B", "A"), Map.of("K", "V"))));
        assertThat(lines.all()).containsExactly("{\"type\":\"PEERS\",\"peers\":[{" + ID
                + ",\"address\":\"tcp://127.0.0.1:4000\",\"groups\":[\"A\",\"B\"],\"headers\":{\"K\":\"V\"}}]}");
    }
}
