package io.zre4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTypeTest {

    @Test
    void idsAreThoseOfZyresModelInOrder() {
        int expectedId = 1;
        for (MessageType type : MessageType.values()) {
            assertThat(type.id()).as(type.name()).isEqualTo(expectedId++);
        }
        assertThat(MessageType.HELLO.id()).isEqualTo(1);
        assertThat(MessageType.PING_OK.id()).isEqualTo(7);
        assertThat(MessageType.GOODBYE.id()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void byIdFindsEveryType(MessageType type) {
        assertThat(MessageType.byId(type.id())).isSameAs(type);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 11, 255, 256})
    void byIdOfAnUnknownIdIsNull(int id) {
        assertThat(MessageType.byId(id)).isNull();
    }

    @Test
    void wireNameUsesZyresSpelling() {
        assertThat(MessageType.PING_OK.wireName()).isEqualTo("PING-OK");
        assertThat(MessageType.HELLO.wireName()).isEqualTo("HELLO");
    }
}
