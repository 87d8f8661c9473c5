package io.zre4j.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a positive duration the way people type one: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m},
 * {@code 1h}, plain milliseconds ({@code 1500}), or ISO-8601 ({@code PT2S}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ms|s|m|h)?");
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.strip().toLowerCase(Locale.ROOT));
        if (duration == null) {
            throw new TypeConversionException("'" + value + "' is not a duration: use e.g. 500ms, 2s, 1m or "
                    + "plain milliseconds");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration");
        }
        return duration;
    }

    private static Duration parse(String text) {
        if (text.startsWith("pt")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher matcher = SIMPLE.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        long nanosPerUnit = switch (unit) {
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> 1_000 * NANOS_PER_MILLI;
            case "m" -> 60_000 * NANOS_PER_MILLI;
            default -> 3_600_000 * NANOS_PER_MILLI;
        };
        BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit))
                .setScale(0, RoundingMode.CEILING);
        // More than 292 years does not fit a Duration in nanoseconds, and is no sensible timer anyway.
        return nanos.compareTo(MAX_NANOS) > 0 ? null : Duration.ofNanos(nanos.longValueExact());
    }
}
