package io.zre4j.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException;
import io.zre4j.core.codec.WireArbitraries.Mutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the codec over random input. The number of tries of each property is jqwik's default,
 * {@code jqwik.tries.default}, which the build sets (10 000 in a normal build, a million with
 * {@code -Pfuzz}).
 *
 * <p>"Safe" below means: decoding gives a message or a {@link ZreProtocolException} with a reason and a
 * message, and nothing else (no other exception, no hang, no huge allocation).
 */
class ZreCodecPropertiesTest {

    @Property
    void anyValidMessageSurvivesARoundTrip(@ForAll("messages") ZreMessage message) {
        ZreMessage decoded = ZreCodec.decode(ZreCodec.encode(message));

        assertThat(decoded).isEqualTo(message);
        if (message instanceof ZreMessage.Hello hello) {
            assertThat(((ZreMessage.Hello) decoded).headers().keySet())
                    .containsExactlyElementsOf(hello.headers().keySet());
        }
    }

    @Property
    void decodingARandomFrameIsSafe(@ForAll @Size(max = 300) byte[] frame) {
        decodeSafely(List.of(frame));
    }

    @Property
    void decodingRandomFrameListsIsSafe(@ForAll @Size(max = 5) List<@Size(max = 64) byte[]> frames) {
        decodeSafely(frames);
    }

    @Property
    void decodingRandomBytesAfterAValidPreludeIsSafe(@ForAll @IntRange(min = 0, max = 12) int id,
            @ForAll @IntRange(min = 0, max = 3) int version, @ForAll @Size(max = 300) byte[] rest,
            @ForAll @Size(max = 3) List<@Size(max = 16) byte[]> content) {
        // Random bytes almost never pass the signature; this reaches the field parsers.
        byte[] header = new byte[4 + rest.length];
        header[0] = (byte) 0xAA;
        header[1] = (byte) 0xA1;
        header[2] = (byte) id;
        header[3] = (byte) version;
        System.arraycopy(rest, 0, header, 4, rest.length);
        List<byte[]> frames = new ArrayList<>();
        frames.add(header);
        frames.addAll(content);

        decodeSafely(frames);
    }

    @Property
    void decodingMutatedValidMessagesIsSafe(@ForAll("messages") ZreMessage message,
            @ForAll("mutationChains") List<Mutation> mutations) {
        List<byte[]> frames = new ArrayList<>(ZreCodec.encode(message));
        byte[] header = frames.get(0);
        for (Mutation mutation : mutations) {
            header = mutation.apply(header);
        }
        frames.set(0, header);

        decodeSafely(frames);
    }

    @Property
    void unpackingRandomBytesIsSafe(@ForAll @Size(max = 200) byte[] packed) {
        try {
            ZreCodec.unpackHash(packed);
        } catch (ZreProtocolException expected) {
            assertTyped(expected);
        }
    }

    @Property
    void unpackingMutatedPackedHashesIsSafe(@ForAll("hashes") Map<String, String> hash,
            @ForAll("mutationChains") List<Mutation> mutations) {
        byte[] packed = ZreCodec.packHash(hash);
        for (Mutation mutation : mutations) {
            packed = mutation.apply(packed);
        }
        try {
            ZreCodec.unpackHash(packed);
        } catch (ZreProtocolException expected) {
            assertTyped(expected);
        }
    }

    @Property
    void anyHashSurvivesAPackRoundTripInOrder(@ForAll("hashes") Map<String, String> hash) {
        assertThat(ZreCodec.unpackHash(ZreCodec.packHash(hash))).containsExactlyEntriesOf(hash);
    }

    @Property
    void decodingRandomDatagramsAsBeaconsIsSafe(@ForAll @Size(max = 64) byte[] datagram) {
        try {
            Beacon.decode(datagram, 0, datagram.length);
        } catch (ZreProtocolException expected) {
            assertTyped(expected);
        }
    }

    @Property
    void decodingMutatedBeaconsIsSafe(@ForAll long high, @ForAll long low,
            @ForAll @IntRange(min = 0, max = 0xFFFF) int port, @ForAll("mutationChains") List<Mutation> mutations) {
        byte[] datagram = new Beacon(PeerId.of(high, low), port).encode();
        for (Mutation mutation : mutations) {
            datagram = mutation.apply(datagram);
        }
        try {
            Beacon.decode(datagram, 0, datagram.length);
        } catch (ZreProtocolException expected) {
            assertTyped(expected);
        }
    }

    @Property
    void anyBeaconSurvivesARoundTrip(@ForAll long high, @ForAll long low,
            @ForAll @IntRange(min = 0, max = 0xFFFF) int port) {
        Beacon beacon = new Beacon(PeerId.of(high, low), port);
        byte[] wire = beacon.encode();

        assertThat(Beacon.decode(wire, 0, wire.length)).isEqualTo(beacon);
    }

    @Property
    void textIsEncodedExactlyAsTheJdkEncodesUtf8(@ForAll String text) {
        // Any String, unpaired surrogates included: the writer must match String.getBytes(UTF_8).
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);

        byte[] written = new WireWriter(4 + expected.length).longString(text).toBytes();

        assertThat(WireWriter.utf8Length(text)).isEqualTo(expected.length);
        assertThat(new String(written, 4, written.length - 4, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<ZreMessage> messages() {
        return WireArbitraries.messages();
    }

    @Provide
    Arbitrary<List<Mutation>> mutationChains() {
        return WireArbitraries.mutationChains();
    }

    @Provide
    Arbitrary<Map<String, String>> hashes() {
        return Arbitraries.maps(WireArbitraries.text(20), WireArbitraries.text(40)).ofMaxSize(4);
    }

    private static void decodeSafely(List<byte[]> frames) {
        try {
            ZreMessage message = ZreCodec.decode(frames);
            assertThat(message.sequence()).isBetween(0, 0xFFFF);
        } catch (ZreProtocolException expected) {
            assertTyped(expected);
        }
    }

    private static void assertTyped(ZreProtocolException exception) {
        assertThat(exception.reason()).isNotNull();
        assertThat(exception.getMessage()).isNotBlank();
    }
}
