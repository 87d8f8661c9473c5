package io.zre4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZreConfigTest {

    private static final PeerId ID = PeerId.parse("29501FBA21C14CE5A8EE1D33CC4AC354");

    // ------------------------------------------------------------------------------------ presets

    @Test
    void lanPresetHasZyresDefaults() {
        ZreConfig config = ZreConfig.lan();

        assertThat(config.beaconPort()).isEqualTo(5670);
        assertThat(config.beaconInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.evasiveTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.expiredTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.silentTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.name()).isEmpty();
        assertThat(config.uuid()).isEmpty();
        assertThat(config.interfaceName()).isEmpty();
        assertThat(config.endpoint()).isEmpty();
        assertThat(config.ipv6()).isEmpty();
        assertThat(config.headers()).isEmpty();
        assertThat(config.groups()).isEmpty();
    }

    @Test
    void loopbackPresetStaysOnTheLoopbackInterface() {
        assertThat(ZreConfig.loopback().interfaceName()).contains("lo");
    }

    @Test
    void builderWithoutChangesEqualsTheLanPreset() {
        assertThat(ZreConfig.builder().build()).isEqualTo(ZreConfig.lan());
    }

    // ---------------------------------------------------------------------------- names and groups

    @Test
    void effectiveNameIsTheConfiguredNameOrSixHexDigitsOfTheUuid() {
        assertThat(ZreConfig.lan().effectiveName(ID)).isEqualTo("29501F");
        assertThat(ZreConfig.builder().name("alice").build().effectiveName(ID)).isEqualTo("alice");
    }

    @Test
    void aNameOf255Utf8BytesIsAccepted() {
        String name = "\u20AC".repeat(85); // 255 bytes

        assertThat(ZreConfig.builder().name(name).build().name()).contains(name);
    }

    @Test
    void aNameOver255Utf8BytesIsRejectedWhenSet() {
        String name = "\u00E9".repeat(128); // 128 characters, 256 bytes

        assertThatThrownBy(() -> ZreConfig.builder().name(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name").hasMessageContaining("256");
    }

    @Test
    void anEmptyNameIsRejected() {
        assertThatThrownBy(() -> ZreConfig.builder().name("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsAndHeaderKeysFollowTheWireLimits() {
        assertThatThrownBy(() -> ZreConfig.builder().group("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZreConfig.builder().group("g".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
        assertThatThrownBy(() -> ZreConfig.builder().header("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZreConfig.builder().header("k".repeat(256), "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header key");
        assertThatThrownBy(() -> ZreConfig.checkGroup("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ZreConfig.checkGroup("CHAT")).isEqualTo("CHAT");
    }

    @Test
    void aHeaderValueMayBeLongButNotNull() {
        String value = "v".repeat(10_000);

        assertThat(ZreConfig.builder().header("k", value).build().headers()).containsEntry("k", value);
        assertThatThrownBy(() -> ZreConfig.builder().header("k", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void headersAndGroupsKeepTheirInsertionOrder() {
        ZreConfig config = ZreConfig.builder().header("Z", "1").header("A", "2").header("M", "3")
                .group("b").group("a").group("b").build();

        assertThat(config.headers().keySet()).containsExactly("Z", "A", "M");
        assertThat(config.groups()).containsExactly("b", "a");
    }

    @Test
    void headersAndGroupsAreUnmodifiable() {
        ZreConfig config = ZreConfig.builder().header("k", "v").group("g").build();

        assertThatThrownBy(() -> config.headers().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.groups().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    // -------------------------------------------------------------------------------- network values

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void aBeaconPortOutOfRangeIsRejected(int port) {
        assertThatThrownBy(() -> ZreConfig.builder().beaconPort(port)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beaconPort");
    }

    @Test
    void aBlankInterfaceIsRejected() {
        assertThatThrownBy(() -> ZreConfig.builder().interfaceName(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:5670", "tcp://127.0.0.1:*", "tcp://host.local:1", "tcp://[::1]:5670"})
    void wellFormedEndpointsAreAccepted(String endpoint) {
        assertThat(ZreConfig.builder().endpoint(endpoint).build().endpoint()).contains(endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:5670", "udp://127.0.0.1:5670", "tcp://127.0.0.1", "tcp://:5670",
            "tcp://127.0.0.1:port"})
    void malformedEndpointsAreRejected(String endpoint) {
        assertThatThrownBy(() -> ZreConfig.builder().endpoint(endpoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tcp://host:port");
    }

    @Test
    void limitsMustBeSensible() {
        assertThatThrownBy(() -> ZreConfig.builder().sendHighWaterMark(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ZreConfig.builder().sendHighWaterMark(0).build().sendHighWaterMark()).isZero();
        assertThatThrownBy(() -> ZreConfig.builder().eventQueueCapacity(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // -------------------------------------------------------------------------------------- timers

    @Test
    void nonPositiveDurationsAreRejectedWhenSet() {
        assertThatThrownBy(() -> ZreConfig.builder().beaconInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beaconInterval");
        assertThatThrownBy(() -> ZreConfig.builder().evasiveTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZreConfig.builder().silentTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZreConfig.builder().expiredTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void silentDefaultsToOneSecondAfterEvasive() {
        ZreConfig config = ZreConfig.builder().evasiveTimeout(Duration.ofSeconds(10)).build();

        assertThat(config.silentTimeout()).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void silentDefaultsToHalfwayToExpiryWithShortTestTimeouts() {
        ZreConfig config = ZreConfig.builder().evasiveTimeout(Duration.ofMillis(100))
                .expiredTimeout(Duration.ofMillis(300)).build();

        assertThat(config.silentTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void evasiveMustComeBeforeExpired() {
        assertThatThrownBy(() -> ZreConfig.builder().evasiveTimeout(Duration.ofSeconds(30))
                .expiredTimeout(Duration.ofSeconds(30)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evasive < silent <= expired");
    }

    @Test
    void anExplicitSilentTimeoutOutsideItsRangeIsRejected() {
        assertThatThrownBy(() -> ZreConfig.builder().silentTimeout(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZreConfig.builder().silentTimeout(Duration.ofSeconds(31)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ZreConfig.builder().silentTimeout(Duration.ofSeconds(30)).build().silentTimeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    // ---------------------------------------------------------------------------------- newBuilder

    @Test
    void newBuilderStartsFromEveryValueOfTheConfig() {
        ZreConfig config = ZreConfig.builder().name("alice").uuid(ID).header("k", "v").group("g")
                .interfaceName("lo").beaconPort(5671).beaconInterval(Duration.ofMillis(250))
                .evasiveTimeout(Duration.ofSeconds(2)).silentTimeout(Duration.ofSeconds(4))
                .expiredTimeout(Duration.ofSeconds(8)).endpoint("tcp://127.0.0.1:*").ipv6(false)
                .sendHighWaterMark(10).eventQueueCapacity(20).build();

        assertThat(config.newBuilder().build()).isEqualTo(config);
    }

    @Test
    void aVariantLeavesTheOriginalUnchanged() {
        ZreConfig original = ZreConfig.builder().name("alice").build();

        ZreConfig variant = original.newBuilder().name("bob").header("k", "v").build();

        assertThat(original.name()).contains("alice");
        assertThat(original.headers()).isEmpty();
        assertThat(variant.name()).contains("bob");
    }

    @Test
    void aDerivedSilentTimeoutFollowsNewTimeoutsInAVariant() {
        ZreConfig variant = ZreConfig.lan().newBuilder().evasiveTimeout(Duration.ofSeconds(20)).build();

        assertThat(variant.silentTimeout()).isEqualTo(Duration.ofSeconds(21));
    }

    @Test
    void anExplicitSilentTimeoutSurvivesAVariant() {
        ZreConfig config = ZreConfig.builder().silentTimeout(Duration.ofSeconds(20)).build();

        assertThat(config.newBuilder().name("x").build().silentTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    // ------------------------------------------------------------------------------ the record itself

    @Test
    void theRecordConstructorChecksTooSoAConfigThatExistsIsValid() {
        assertThatThrownBy(() -> new ZreConfig(Optional.of(""), Optional.empty(), java.util.Map.of(), java.util.Set.of(),
                Optional.empty(), 5670, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(6),
                Duration.ofSeconds(30), Optional.empty(), Optional.empty(), 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZreConfig(Optional.empty(), Optional.empty(), java.util.Map.of(),
                java.util.Set.of(), Optional.empty(), 5670, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(6), Duration.ofSeconds(30), Optional.empty(), Optional.empty(), 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecordCopiesTheCollectionsItIsGiven() {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("k", "v");
        ZreConfig config = new ZreConfig(Optional.empty(), Optional.empty(), headers, java.util.Set.of(),
                Optional.empty(), 5670, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(6),
                Duration.ofSeconds(30), Optional.empty(), Optional.empty(), 1, 1, 0);
        headers.put("x", "y");

        assertThat(config.headers()).containsOnlyKeys(List.of("k"));
    }
}
