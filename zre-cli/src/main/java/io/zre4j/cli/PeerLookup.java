package io.zre4j.cli;

import io.zre4j.PeerId;
import io.zre4j.ZreNode;
import java.util.List;

/** Finds a peer the way people name one on a command line: by its uuid (32 hex digits) or by its name. */
final class PeerLookup {

    private PeerLookup() {
    }

    /**
     * The peer called {@code nameOrUuid}.
     *
     * @param node       the node whose peers are searched
     * @param nameOrUuid a known peer's uuid or name; a uuid that is not known is returned as is, so that the
     *                   node reports the unknown peer itself
     * @return the peer
     * @throws IllegalArgumentException if no known peer has that name, or several do
     */
    static PeerId resolve(ZreNode node, String nameOrUuid) {
        PeerId uuid = parseUuid(nameOrUuid);
        if (uuid != null && node.peers().contains(uuid)) {
            return uuid;
        }
        List<PeerId> named = node.peers().stream()
                .filter(peer -> node.peerName(peer).filter(nameOrUuid::equals).isPresent())
                .sorted()
                .toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException("several peers are named \"" + nameOrUuid + "\": use a uuid, one of "
                    + named);
        }
        if (uuid != null) {
            return uuid;
        }
        throw new IllegalArgumentException("no peer is named \"" + nameOrUuid + "\" (peers: "
                + PeerInfo.of(node).stream().map(PeerInfo::name).toList() + ")");
    }

    private static PeerId parseUuid(String text) {
        try {
            return PeerId.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
