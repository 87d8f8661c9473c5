package io.zre4j.core;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The application's view of the network, built only from the events the node delivers: a peer is in the
 * view from its ENTER to its EXIT, with the groups its JOIN/LEAVE events gave it. Updated on the node's
 * thread just before each event is delivered; read from any thread.
 */
final class PeerView {

    /**
     * What the application knows of one peer. Its groups change in place, in constant time (a HELLO may
     * carry thousands of groups: copying the set for each JOIN made that quadratic); readers get copies.
     */
    record PeerInfo(String name, Map<String, String> headers, String address, Set<String> liveGroups) {
        PeerInfo(String name, Map<String, String> headers, String address) {
            this(name, headers, address, ConcurrentHashMap.newKeySet());
        }

        /** A snapshot of the peer's groups. */
        Set<String> groups() {
            return Set.copyOf(liveGroups);
        }

        boolean isIn(String group) {
            return liveGroups.contains(group);
        }
    }

    private final Map<PeerId, PeerInfo> peers = new ConcurrentHashMap<>();

    void apply(ZreEvent event) {
        switch (event.type()) {
            case ENTER -> {
                ZreEvent.Enter enter = (ZreEvent.Enter) event;
                peers.put(enter.peer(), new PeerInfo(enter.name(), enter.headers(), enter.address()));
            }
            case EXIT -> peers.remove(event.peer());
            case JOIN -> withInfo(event.peer(), info -> info.liveGroups().add(((ZreEvent.Join) event).group()));
            case LEAVE -> withInfo(event.peer(), info -> info.liveGroups().remove(((ZreEvent.Leave) event).group()));
            case STOP -> peers.clear();
            default -> {
                // traffic and liveness events do not change membership
            }
        }
    }

    private void withInfo(PeerId peer, Consumer<PeerInfo> change) {
        PeerInfo info = peers.get(peer);
        if (info != null) {
            change.accept(info);
        }
    }

    boolean contains(PeerId peer) {
        return peers.containsKey(peer);
    }

    Set<PeerId> peers() {
        return Set.copyOf(peers.keySet());
    }

    Set<PeerId> peersByGroup(String group) {
        Set<PeerId> members = new LinkedHashSet<>();
        peers.forEach((id, info) -> {
            if (info.isIn(group)) {
                members.add(id);
            }
        });
        return Set.copyOf(members);
    }

    Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        peers.values().forEach(info -> groups.addAll(info.liveGroups()));
        return Set.copyOf(groups);
    }

    Optional<PeerInfo> get(PeerId peer) {
        return Optional.ofNullable(peers.get(peer));
    }
}
