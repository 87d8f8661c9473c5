package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTextTest {

    private static final PeerId BOB = PeerId.parse("29501FBA21C14CE5A8EE1D33CC4AC354");

    @Test
    void enterShowsTypeNameShortUuidAddressAndHeaders() {
        assertThat(EventText.describe(new ZreEvent.Enter(BOB, "bob", Map.of("K", "V"), "tcp://127.0.0.1:1")))
                .isEqualTo("ENTER   bob [29501FBA] tcp://127.0.0.1:1 {K=V}");
    }

    @Test
    void shoutShowsGroupQuotedTextAndFurtherFrames() {
        Frames frames = Frames.of("say \"hi\"".getBytes(StandardCharsets.UTF_8), new byte[] {1}, new byte[] {2});
        assertThat(EventText.describe(new ZreEvent.Shout(BOB, "bob", "G", frames)))
                .isEqualTo("SHOUT   bob [29501FBA] G \"say \\\"hi\\\"\" (+2 frames)");
    }

    @Test
    void longTextIsAbbreviated() {
        assertThat(EventText.quote("x".repeat(100))).isEqualTo("\"" + "x".repeat(60) + "...\"");
    }

    @Test
    void joinShowsTheGroup() {
        assertThat(EventText.describe(new ZreEvent.Join(BOB, "bob", "G"))).isEqualTo("JOIN    bob [29501FBA] G");
    }
}
