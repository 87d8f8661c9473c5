package io.zre4j.discovery.udp;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.spi.DiscoveryListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every call, in order, in thread-safe lists. */
class RecordingListener implements DiscoveryListener {

    /** One recorded call. */
    sealed interface Call permits Announced, Leaving, Malformed, Ignored {
    }

    record Announced(PeerId peer, String endpoint) implements Call {
    }

    record Leaving(PeerId peer) implements Call {
    }

    record Malformed(Reason reason, String detail) implements Call {
    }

    record Ignored(String detail) implements Call {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger sent = new AtomicInteger();

    @Override
    public void peerAnnounced(PeerId peer, String endpoint) {
        calls.add(new Announced(peer, endpoint));
    }

    @Override
    public void peerLeaving(PeerId peer) {
        calls.add(new Leaving(peer));
    }

    @Override
    public void malformed(Reason reason, String detail) {
        calls.add(new Malformed(reason, detail));
    }

    @Override
    public void ignored(String detail) {
        calls.add(new Ignored(detail));
    }

    @Override
    public void announcementSent() {
        sent.incrementAndGet();
    }

    <T extends Call> List<T> callsOf(Class<T> type) {
        return calls.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<PeerId> announcedPeers() {
        return callsOf(Announced.class).stream().map(Announced::peer).distinct().toList();
    }

    long announcementsFrom(PeerId peer) {
        return callsOf(Announced.class).stream().filter(call -> call.peer().equals(peer)).count();
    }

    boolean heardLeaving(PeerId peer) {
        return callsOf(Leaving.class).stream().anyMatch(call -> call.peer().equals(peer));
    }
}
