package io.zre4j.core.codec;

import static io.zre4j.core.codec.ZreCodecGoldenBytesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class BeaconTest {

    private static final PeerId PEER = PeerId.parse("29501FBA21C14CE5A8EE1D33CC4AC354");

    @Test
    void encodesAsZreVersionOneUuidAndBigEndianPort() {
        byte[] expected = bytes("ZRE", 1,
                0x29, 0x50, 0x1F, 0xBA, 0x21, 0xC1, 0x4C, 0xE5, 0xA8, 0xEE, 0x1D, 0x33, 0xCC, 0x4A, 0xC3, 0x54,
                0xC0, 0x00);

        assertThat(new Beacon(PEER, 49152).encode()).isEqualTo(expected);
    }

    @Test
    void survivesARoundTrip() {
        for (int port : new int[] {0, 1, 5670, 49152, 65535}) {
            byte[] wire = new Beacon(PEER, port).encode();

            assertThat(Beacon.decode(wire, 0, wire.length)).isEqualTo(new Beacon(PEER, port));
        }
    }

    @Test
    void decodesFromAnOffsetInALargerBuffer() {
        byte[] buffer = new byte[100];
        System.arraycopy(new Beacon(PEER, 1234).encode(), 0, buffer, 40, Beacon.SIZE);

        assertThat(Beacon.decode(buffer, 40, Beacon.SIZE)).isEqualTo(new Beacon(PEER, 1234));
    }

    @Test
    void portZeroMeansLeaving() {
        assertThat(new Beacon(PEER, 0).isLeaving()).isTrue();
        assertThat(new Beacon(PEER, 1).isLeaving()).isFalse();
    }

    @Test
    void aBeaconOfTheWrongSizeIsAnInvalidField() {
        byte[] wire = new Beacon(PEER, 5670).encode();

        assertRejected(Arrays.copyOf(wire, 21), Reason.INVALID_FIELD).hasMessageContaining("21");
        assertRejected(Arrays.copyOf(wire, 23), Reason.INVALID_FIELD).hasMessageContaining("23");
    }

    @Test
    void aDatagramNotStartingWithZreIsABadSignature() {
        byte[] wire = new Beacon(PEER, 5670).encode();
        wire[0] = 'X';

        assertRejected(wire, Reason.BAD_SIGNATURE);
        assertRejected(new byte[0], Reason.BAD_SIGNATURE);
        assertRejected(bytes("ZRE"), Reason.BAD_SIGNATURE);
    }

    @Test
    void aCurveBeaconOfVersionThreeIsUnsupported() {
        // Zyre with CURVE: 'ZRE' 0x03, uuid, port, then a 32-byte public key: 54 bytes.
        byte[] curve = new byte[54];
        System.arraycopy(new Beacon(PEER, 5670).encode(), 0, curve, 0, Beacon.SIZE);
        curve[3] = 3;

        assertRejected(curve, Reason.UNSUPPORTED_VERSION).hasMessageContaining("version 3").hasMessageContaining("54");
    }

    @Test
    void randomDatagramsAreRejectedWithATypedError() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 1000; i++) {
            byte[] datagram = new byte[random.nextInt(64)];
            random.nextBytes(datagram);
            try {
                Beacon.decode(datagram, 0, datagram.length);
            } catch (ZreProtocolException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        }
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> new Beacon(PEER, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Beacon(PEER, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] datagram, Reason reason) {
        return assertThatThrownBy(() -> Beacon.decode(datagram, 0, datagram.length))
                .isInstanceOfSatisfying(ZreProtocolException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
