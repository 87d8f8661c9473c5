package io.zre4j.core;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's view of the network, built only from the events the node delivers: a peer is in the
 * view from its ENTER to its EXIT, with the groups its JOIN/LEAVE events gave it. Updated on the node's
 * thread just before each event is delivered; read from any thread.
 */
final class PeerView {

    /** What the application knows of one peer. */
    record PeerInfo(String name, Map<String, String> headers, String address, Set<String> groups) {
        PeerInfo withGroup(String group, boolean member) {
            Set<String> changed = new LinkedHashSet<>(groups);
            if (member) {
                changed.add(group);
            } else {
                changed.remove(group);
            }
            return new PeerInfo(name, headers, address, Set.copyOf(changed));
        }
    }

    private final Map<PeerId, PeerInfo> peers = new ConcurrentHashMap<>();

    void apply(ZreEvent event) {
        switch (event.type()) {
            case ENTER -> {
                ZreEvent.Enter enter = (ZreEvent.Enter) event;
                peers.put(enter.peer(), new PeerInfo(enter.name(), enter.headers(), enter.address(), Set.of()));
            }
            case EXIT -> peers.remove(event.peer());
            case JOIN -> peers.computeIfPresent(event.peer(), (id, info) -> info.withGroup(((ZreEvent.Join) event).group(), true));
            case LEAVE -> peers.computeIfPresent(event.peer(), (id, info) -> info.withGroup(((ZreEvent.Leave) event).group(), false));
            case STOP -> peers.clear();
            default -> {
                // traffic and liveness events do not change membership
            }
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
            if (info.groups().contains(group)) {
                members.add(id);
            }
        });
        return Set.copyOf(members);
    }

    Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        peers.values().forEach(info -> groups.addAll(info.groups()));
        return Set.copyOf(groups);
    }

    Optional<PeerInfo> get(PeerId peer) {
        return Optional.ofNullable(peers.get(peer));
    }
}
