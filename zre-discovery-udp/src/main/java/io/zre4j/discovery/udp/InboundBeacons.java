package io.zre4j.discovery.udp;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.core.codec.Beacon;
import io.zre4j.spi.DiscoveryListener;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;

/**
 * Turns datagrams heard on the beacon port into {@link DiscoveryListener} calls. No I/O: the beacon
 * thread hands it each datagram.
 */
final class InboundBeacons {

    /** Zyre's beacon when CURVE is on: version 3, 22 bytes plus a 32-byte public key. */
    static final int CURVE_BEACON_SIZE = Beacon.SIZE + 32;
    static final int CURVE_BEACON_VERSION = 3;

    private final PeerId self;
    private final LinkScope scope;
    private final NetworkInterface networkInterface;
    private final DiscoveryListener listener;

    InboundBeacons(PeerId self, LinkScope scope, NetworkInterface networkInterface, DiscoveryListener listener) {
        this.self = self;
        this.scope = scope;
        this.networkInterface = networkInterface;
        this.listener = listener;
    }

    /**
     * Handles one datagram.
     *
     * @param source where it came from
     * @param data   a buffer holding it from index 0
     * @param length its length
     */
    void onDatagram(InetSocketAddress source, byte[] data, int length) {
        if (!scope.contains(source.getAddress())) {
            listener.ignored("datagram of " + length + " bytes from " + describe(source)
                    + ", which is not on interface " + scope);
            return;
        }
        Beacon beacon;
        try {
            beacon = Beacon.decode(data, 0, length);
        } catch (ZreProtocolException e) {
            reportUndecodable(e, source, data, length);
            return;
        }
        if (beacon.peer().equals(self)) {
            return; // our own broadcast, looped back to us: expected on every beacon
        }
        if (beacon.isLeaving()) {
            listener.peerLeaving(beacon.peer());
        } else {
            listener.peerAnnounced(beacon.peer(), Endpoints.of(source.getAddress(), beacon.port(), networkInterface));
        }
    }

    private void reportUndecodable(ZreProtocolException e, InetSocketAddress source, byte[] data, int length) {
        String detail = withoutReason(e) + " (from " + describe(source) + ")";
        boolean curve = e.reason() == Reason.UNSUPPORTED_VERSION && length == CURVE_BEACON_SIZE
                && (data[3] & 0xFF) == CURVE_BEACON_VERSION;
        if (curve) {
            // A Zyre node with CURVE on: a valid peer we cannot talk to, not garbage.
            listener.ignored("CURVE beacon: " + detail);
        } else {
            listener.malformed(e.reason(), detail);
        }
    }

    /** The exception's message repeats the reason, which the listener gets on its own. */
    private static String withoutReason(ZreProtocolException e) {
        String prefix = e.reason() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String describe(InetSocketAddress source) {
        return source.getAddress().getHostAddress() + " port " + source.getPort();
    }
}
