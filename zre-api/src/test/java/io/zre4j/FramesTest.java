package io.zre4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void ofCopiesTheCallersArrays() {
        byte[] frame = {1, 2, 3};
        Frames frames = Frames.of(frame);
        frame[0] = 9;

        assertThat(frames.frame(0)).containsExactly(1, 2, 3);
    }

    @Test
    void wrapSharesTheArraysWithoutCopying() {
        byte[] frame = {1, 2, 3};

        assertThat(Frames.wrap(List.of(frame)).frame(0)).isSameAs(frame);
    }

    @Test
    void wrapIsNotAffectedByLaterChangesToTheList() {
        List<byte[]> list = new ArrayList<>();
        list.add(new byte[] {1});
        Frames frames = Frames.wrap(list);
        list.add(new byte[] {2});

        assertThat(frames.size()).isEqualTo(1);
    }

    @Test
    void wrapRejectsANullFrame() {
        assertThatThrownBy(() -> Frames.wrap(Arrays.asList(new byte[0], null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Frames.of(new byte[0], null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void wrappingNothingGivesTheEmptyContent() {
        assertThat(Frames.wrap(List.of())).isSameAs(Frames.empty());
        assertThat(Frames.empty().isEmpty()).isTrue();
        assertThat(Frames.empty().size()).isZero();
    }

    @Test
    void ofTextEncodesEachStringAsUtf8() {
        Frames frames = Frames.ofText("gr\u00FCn", "");

        assertThat(frames.size()).isEqualTo(2);
        assertThat(frames.frame(0)).isEqualTo("gr\u00FCn".getBytes(StandardCharsets.UTF_8));
        assertThat(frames.frame(1)).isEmpty();
    }

    @Test
    void textIsTheFirstFrameOrEmpty() {
        assertThat(Frames.ofText("a", "b").text()).isEqualTo("a");
        assertThat(Frames.ofText("a", "b").text(1)).isEqualTo("b");
        assertThat(Frames.empty().text()).isEmpty();
    }

    @Test
    void malformedTextBecomesTheReplacementCharacter() {
        assertThat(Frames.of(new byte[] {'a', (byte) 0xFF}).text()).isEqualTo("a\uFFFD");
    }

    @Test
    void frameCopyIsIndependentOfTheContent() {
        Frames frames = Frames.of(new byte[] {1});
        byte[] copy = frames.frameCopy(0);
        copy[0] = 9;

        assertThat(frames.frame(0)).containsExactly(1);
    }

    @Test
    void asListIsUnmodifiable() {
        assertThatThrownBy(() -> Frames.ofText("a").asList().add(new byte[0]))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void byteCountSumsEveryFrame() {
        assertThat(Frames.of(new byte[3], new byte[0], new byte[5]).byteCount()).isEqualTo(8);
    }

    @Test
    void equalityIsByContent() {
        Frames a = Frames.of(new byte[] {1, 2}, new byte[] {3});
        Frames b = Frames.wrap(List.of(new byte[] {1, 2}, new byte[] {3}));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Frames.of(new byte[] {1, 2, 3}));
        assertThat(a).isNotEqualTo(Frames.of(new byte[] {1, 2}));
    }

    @Test
    void toStringShowsTheFrameCountAndAnAbbreviatedFirstFrame() {
        assertThat(Frames.ofText("hello", "x").toString()).isEqualTo("Frames[2, \"hello\"]");
        assertThat(Frames.empty().toString()).isEqualTo("Frames[0]");
        assertThat(Frames.ofText("y".repeat(100)).toString()).contains("...").hasSizeLessThan(60);
    }
}
