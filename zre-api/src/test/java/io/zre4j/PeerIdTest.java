package io.zre4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerIdTest {

    private static final String HEX = "29501FBA21C14CE5A8EE1D33CC4AC354";

    @Test
    void printsAsZyreDoes32UpperCaseHexDigits() {
        assertThat(PeerId.parse(HEX.toLowerCase()).toString()).isEqualTo(HEX);
    }

    @Test
    void parsesTheCanonicalUuidFormWithDashes() {
        assertThat(PeerId.parse("29501fba-21c1-4ce5-a8ee-1d33cc4ac354")).isEqualTo(PeerId.parse(HEX));
    }

    @Test
    void rejectsTextThatIsNot32HexDigits() {
        assertThatThrownBy(() -> PeerId.parse("29501FBA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> PeerId.parse(HEX.replace('F', 'G'))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerId.parse(HEX + "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonAsciiDigits() {
        assertThatThrownBy(() -> PeerId.parse("\u0663" + HEX.substring(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerId.parse("\uFF21" + HEX.substring(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesSurviveARoundTrip() {
        byte[] bytes = new byte[16];
        new Random(1).nextBytes(bytes);

        assertThat(PeerId.of(bytes).toBytes()).isEqualTo(bytes);
    }

    @Test
    void doesNotKeepTheCallersArray() {
        byte[] bytes = new byte[16];
        PeerId id = PeerId.of(bytes);
        bytes[0] = 1;

        assertThat(id.toBytes()[0]).isZero();
    }

    @Test
    void rejectsAnArrayThatIsNot16Bytes() {
        assertThatThrownBy(() -> PeerId.of(new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15");
        assertThatThrownBy(() -> PeerId.of(new byte[17])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAndWritesAtAnOffset() {
        PeerId id = PeerId.parse(HEX);
        byte[] buffer = new byte[20];

        id.writeTo(buffer, 3);

        assertThat(PeerId.of(buffer, 3)).isEqualTo(id);
        assertThat(buffer[2]).isZero();
        assertThat(buffer[19]).isZero();
    }

    @Test
    void readingPastTheEndIsAnIndexError() {
        assertThatThrownBy(() -> PeerId.of(new byte[20], 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PeerId.parse(HEX).writeTo(new byte[16], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void halvesAreTheBigEndianLongs() {
        PeerId id = PeerId.parse(HEX);

        assertThat(id.high()).isEqualTo(0x29501FBA21C14CE5L);
        assertThat(id.low()).isEqualTo(0xA8EE1D33CC4AC354L);
        assertThat(PeerId.of(id.high(), id.low())).isEqualTo(id);
    }

    @Test
    void randomIdsAreVersion4UuidsAndDistinct() {
        Set<PeerId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            PeerId id = PeerId.random();
            byte[] bytes = id.toBytes();
            assertThat(bytes[6] & 0xF0).isEqualTo(0x40);
            assertThat(bytes[8] & 0xC0).isEqualTo(0x80);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void shortNameIsTheFirstSixHexDigitsLikeZyresDefaultName() {
        assertThat(PeerId.parse(HEX).shortName()).isEqualTo("29501F");
    }

    @Test
    void naturalOrderIsTheOrderOfTheHexStrings() {
        Random random = new Random(7);
        List<PeerId> ids = new ArrayList<>();
        ids.add(PeerId.of(0, 0));
        ids.add(PeerId.of(-1, -1));
        ids.add(PeerId.of(Long.MIN_VALUE, 0));
        ids.add(PeerId.of(Long.MAX_VALUE, -1));
        for (int i = 0; i < 200; i++) {
            ids.add(PeerId.of(random.nextLong(), random.nextLong()));
        }
        for (PeerId a : ids) {
            for (PeerId b : ids) {
                assertThat(Integer.signum(a.compareTo(b)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
            }
        }
    }

    @Test
    void equalIdsHaveEqualHashes() {
        PeerId a = PeerId.parse(HEX);
        PeerId b = PeerId.of(a.toBytes());

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(PeerId.of(a.high(), a.low() + 1));
    }
}
