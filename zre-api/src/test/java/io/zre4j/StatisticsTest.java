package io.zre4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zre4j.ZreProtocolException.Reason;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static long[] counters() {
        return new long[Counter.values().length];
    }

    private static long[] types() {
        return new long[MessageType.values().length];
    }

    private static long[] reasons() {
        return new long[Reason.values().length];
    }

    @Test
    void emptyHasEveryCountAtZero() {
        Statistics empty = Statistics.empty();

        assertThat(empty.nonZero()).isEmpty();
        assertThat(empty.get(Counter.BEACONS_SENT)).isZero();
        assertThat(empty.messagesIn(MessageType.SHOUT)).isZero();
        assertThat(empty.malformed(Reason.TRUNCATED)).isZero();
    }

    @Test
    void readsEachValueByItsEnum() {
        long[] counters = counters();
        counters[Counter.PEERS_ENTERED.ordinal()] = 3;
        long[] in = types();
        in[MessageType.SHOUT.ordinal()] = 5;
        long[] out = types();
        out[MessageType.HELLO.ordinal()] = 7;
        long[] malformed = reasons();
        malformed[Reason.BAD_SIGNATURE.ordinal()] = 11;

        Statistics statistics = new Statistics(counters, in, out, malformed);

        assertThat(statistics.get(Counter.PEERS_ENTERED)).isEqualTo(3);
        assertThat(statistics.messagesIn(MessageType.SHOUT)).isEqualTo(5);
        assertThat(statistics.messagesOut(MessageType.HELLO)).isEqualTo(7);
        assertThat(statistics.malformed(Reason.BAD_SIGNATURE)).isEqualTo(11);
        assertThat(statistics.messagesIn(MessageType.HELLO)).isZero();
    }

    @Test
    void isASnapshotThatLaterChangesToTheArraysDoNotReach() {
        long[] counters = counters();
        Statistics statistics = new Statistics(counters, types(), types(), reasons());
        counters[0] = 42;

        assertThat(statistics.get(Counter.values()[0])).isZero();
    }

    @Test
    void rejectsArraysOfTheWrongLength() {
        assertThatThrownBy(() -> new Statistics(new long[1], types(), types(), reasons()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected " + Counter.values().length);
        assertThatThrownBy(() -> new Statistics(counters(), types(), types(), new long[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonZeroNamesEachValueStablyInCatalogueOrder() {
        long[] counters = counters();
        counters[Counter.PEERS_ENTERED.ordinal()] = 1;
        counters[Counter.BEACONS_SENT.ordinal()] = 2;
        long[] in = types();
        in[MessageType.SHOUT.ordinal()] = 3;
        long[] out = types();
        out[MessageType.HELLO.ordinal()] = 4;
        long[] malformed = reasons();
        malformed[Reason.TRUNCATED.ordinal()] = 5;

        Statistics statistics = new Statistics(counters, in, out, malformed);

        assertThat(statistics.nonZero()).containsExactly(
                java.util.Map.entry("counter.BEACONS_SENT", 2L),
                java.util.Map.entry("counter.PEERS_ENTERED", 1L),
                java.util.Map.entry("in.SHOUT", 3L),
                java.util.Map.entry("out.HELLO", 4L),
                java.util.Map.entry("malformed.TRUNCATED", 5L));
        assertThat(statistics.toString()).contains("in.SHOUT=3");
    }

    @Test
    void countersMapsTheWholeCatalogue() {
        long[] counters = counters();
        counters[Counter.SEQUENCE_GAPS.ordinal()] = 9;

        Statistics statistics = new Statistics(counters, types(), types(), reasons());

        assertThat(statistics.counters()).hasSize(Counter.values().length)
                .containsEntry(Counter.SEQUENCE_GAPS, 9L)
                .containsEntry(Counter.BEACONS_SENT, 0L);
    }

    @Test
    void equalSnapshotsAreEqual() {
        long[] malformed = reasons();
        malformed[0] = 1;

        Statistics a = new Statistics(counters(), types(), types(), malformed);
        Statistics b = new Statistics(counters(), types(), types(), malformed);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Statistics.empty());
    }

    @Test
    void everyCounterHasALabel() {
        for (Counter counter : Counter.values()) {
            assertThat(counter.label()).as(counter.name()).isNotBlank();
        }
    }
}
