package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms, 500", "2s, 2000", "1m, 60000", "1h, 3600000", "1500, 1500", "1.5s, 1500", "0.25s, 250",
        "PT2S, 2000", "' 3S ', 3000"})
    void readsTheWaysPeopleWriteADuration(String text, long millis) {
        assertThat(converter.convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5x", "-1s", "1 minute", "", "ms", "PTxS", "99999999999999h"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0ms", "PT0S", "PT-1S"})
    void rejectsZeroAndNegativeDurations(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a positive duration");
    }
}
