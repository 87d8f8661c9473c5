package io.zre4j.cli;

import io.zre4j.PeerId;
import io.zre4j.ZreNode;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a node knows about one peer, for {@code /peers} in chat and {@code peers} in the JSON node.
 *
 * @param peer    the identity
 * @param name    the name
 * @param address the endpoint it announced
 * @param groups  its groups, sorted
 * @param headers its headers, in the order it sent them
 */
record PeerInfo(PeerId peer, String name, String address, Set<String> groups, Map<String, String> headers) {

    /** Freezes the fields. */
    PeerInfo {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * One readable line: {@code bob 3F2A... tcp://127.0.0.1:49152 groups [CHAT] headers {X-ROLE=camera}}.
     *
     * @return the line
     */
    String describe() {
        return EventText.printable(name + " " + peer + " " + address + " groups " + groups + " headers " + headers);
    }

    /**
     * The peers a node knows now, sorted by name then uuid. A peer that exits while the snapshot is taken is
     * left out.
     *
     * @param node the node
     * @return the peers
     */
    static List<PeerInfo> of(ZreNode node) {
        return node.peers().stream()
                .map(peer -> of(node, peer))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(PeerInfo::name).thenComparing(PeerInfo::peer))
                .toList();
    }

    private static Optional<PeerInfo> of(ZreNode node, PeerId peer) {
        Optional<String> name = node.peerName(peer);
        Optional<String> address = node.peerAddress(peer);
        if (name.isEmpty() || address.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PeerInfo(peer, name.get(), address.get(), node.peerGroups(peer), node.peerHeaders(peer)));
    }
}
