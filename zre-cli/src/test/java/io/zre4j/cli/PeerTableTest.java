package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerTableTest {

    private static final PeerId BOB = PeerId.parse("29501FBA21C14CE5A8EE1D33CC4AC354");
    private static final long SECOND = 1_000_000_000L;
    private static final LocalTime NOON = LocalTime.NOON;

    private final PeerTable table = new PeerTable(3);

    private void enterBob(long nowNs) {
        table.apply(new ZreEvent.Enter(BOB, "bob", Map.of("X-ROLE", "cam"), "tcp://127.0.0.1:4000"), nowNs, NOON);
    }

    private String bobsLine(long nowNs) {
        return table.render(nowNs).lines().filter(line -> line.startsWith("bob ")).findFirst().orElseThrow();
    }

    @Test
    void enterAddsARowWithUuidAddressHeadersAndTheColumnNames() {
        enterBob(0);
        assertThat(table.render(0).lines().findFirst().orElseThrow())
                .startsWith("NAME").contains("UUID", "ADDRESS", "GROUPS", "HEADERS", "LAST SEEN", "STATE");
        assertThat(bobsLine(0)).contains(BOB.toString(), "tcp://127.0.0.1:4000", "X-ROLE=cam", "0.0s ago", "alive");
    }

    @Test
    void joinAndLeaveChangeTheGroups() {
        enterBob(0);
        table.apply(new ZreEvent.Join(BOB, "bob", "B"), 0, NOON);
        table.apply(new ZreEvent.Join(BOB, "bob", "A"), 0, NOON);
        table.apply(new ZreEvent.Leave(BOB, "bob", "B"), 0, NOON);
        assertThat(bobsLine(0)).contains(" A ").doesNotContain(" B ", "A,B");
    }

    @Test
    void evasiveAndSilentShowUntilThePeerIsHeardFromAgain() {
        enterBob(0);
        table.apply(new ZreEvent.Evasive(BOB, "bob"), 5 * SECOND, NOON);
        assertThat(bobsLine(5 * SECOND)).endsWith("evasive").contains("5.0s ago");
        table.apply(new ZreEvent.Silent(BOB, "bob"), 6 * SECOND, NOON);
        assertThat(bobsLine(6 * SECOND)).endsWith("silent");
        table.apply(new ZreEvent.Join(BOB, "bob", "A"), 7 * SECOND, NOON);
        assertThat(bobsLine(7 * SECOND)).endsWith("alive").contains("0.0s ago");
    }

    @Test
    void theNodesOwnViewGivesLastSeenAndStateSoAPeerThatCameBackShowsAlive() {
        enterBob(0);
        table.apply(new ZreEvent.Silent(BOB, "bob"), 6 * SECOND, NOON);

        String line = table.render(9 * SECOND, peer -> java.util.Optional.of(new io.zre4j.PeerLiveness(
                java.time.Duration.ofMillis(300), io.zre4j.PeerLiveness.State.ALIVE)))
                .lines().filter(l -> l.startsWith("bob ")).findFirst().orElseThrow();

        assertThat(line).endsWith("alive").contains("0.3s ago");
    }

    @Test
    void exitRemovesThePeer() {
        enterBob(0);
        table.apply(new ZreEvent.Exit(BOB, "bob"), 0, NOON);
        assertThat(table.size()).isZero();
        assertThat(table.render(0)).startsWith("(no peers yet)");
    }

    @Test
    void eventLogKeepsOnlyTheMostRecentLinesWithTheirTime() {
        enterBob(0);
        for (String group : new String[] {"A", "B", "C"}) {
            table.apply(new ZreEvent.Join(BOB, "bob", group), 0, LocalTime.of(12, 0, 1));
        }
        assertThat(table.recentEvents()).hasSize(3).first().asString().isEqualTo("12:00:01.000 JOIN    bob [29501FBA] A");
    }

    @Test
    void lastSeenReadsLikeAPerson() {
        assertThat(PeerTable.ago(1_234_000_000L)).isEqualTo("1.2s ago");
        assertThat(PeerTable.ago(42 * SECOND)).isEqualTo("42s ago");
        assertThat(PeerTable.ago(185 * SECOND)).isEqualTo("3m05s ago");
    }
}
