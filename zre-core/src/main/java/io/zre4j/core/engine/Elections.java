package io.zre4j.core.engine;

import io.zre4j.PeerId;
import io.zre4j.core.codec.ZreMessage;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Leader election in groups, compatible with Zyre's {@code zyre_set_contest_in_group}: an echo-wave
 * algorithm with extinction over ELECT and LEADER messages; the lowest uuid (as upper-case hex, compared
 * as strings, i.e. unsigned) wins.
 *
 * <p>How it goes: a contesting node starts a wave by sending ELECT(its id) to every member of the group.
 * A node receiving a better (lower) challenger than the wave it supports switches to it, remembers the
 * sender as its father and forwards ELECT to every other member. A node counts the ELECTs of the wave it
 * supports; once every member has sent one, it echoes ELECT to its father, or, if the wave is its own, it
 * has won and sends LEADER to every member. Each member forwards LEADER once; when a node has received
 * LEADER from every member, the election is over and it delivers a LEADER event. An election restarts when
 * a member joins, and when the leader leaves; a contesting node alone in its group is its own leader.
 *
 * <p>Unlike Zyre, a node waits until membership has been still for {@link #SETTLE_NS} before it starts its
 * wave: the wire carries no wave number, so a node that restarted its wave at every ENTER would send its
 * ELECT twice to the same member, which would count it twice, finish early and leave the others waiting
 * for ever (Zyre deadlocks so, about one election in three, when three nodes meet). If, during that wait, a
 * lower candidate has won, or this node has come to support the wave of a lower candidate that is still a
 * member, the wait ends without a wave of its own (see {@link #beaten}), so the lowest uuid still wins
 * against Zyre, which starts its waves at once. A LEADER that does not name the candidate this node supports
 * belongs to an older wave and is ignored.
 *
 * <p>Every member of a group takes part in the waves, contesting or not, as in Zyre. Pyre does not know
 * ELECT and LEADER; do not contest a group that Pyre peers are in.
 */
final class Elections {

    /** What the elections need from the engine. */
    interface Host {
        /** The entered peers in a group. */
        Collection<Peer> members(String group);

        /** Sends a message to one peer on its link. */
        void send(Peer peer, ZreMessage message);

        /** Delivers a LEADER event. */
        void leader(String group, PeerId leader, String leaderName);

        /** Whether this node is in the group. */
        boolean isMember(String group);

        /** Looks up an entered peer by its uuid. */
        Peer peer(PeerId id);
    }

    /** One running wave in one group, from this node's point of view. */
    private static final class Wave {
        /** The challenger of the current active wave, as 32 upper-case hex digits. */
        String caw;
        Peer father;
        int echoes;
        int leaderMessages;
        String leader;
    }

    private final Host host;
    private final PeerId self;
    private final String selfId;
    private final String selfName;
    private final Set<String> contested = new HashSet<>();
    private final Map<String, Wave> waves = new HashMap<>();
    /** The last leader elected per group (null: this node). */
    private final Map<String, PeerId> leaders = new HashMap<>();
    /** Groups whose wave starts once membership has been still until the given time. */
    private final Map<String, Long> pendingStarts = new java.util.LinkedHashMap<>();

    /** How long membership must be still before a wave starts. */
    static final long SETTLE_NS = 500_000_000L;

    Elections(Host host, PeerId self, String selfName) {
        this.host = host;
        this.self = self;
        this.selfId = self.toString();
        this.selfName = selfName;
    }

    boolean contests(String group) {
        return contested.contains(group);
    }

    /**
     * The application wants to contest a group; elect if we are in it, unless a lower candidate has already
     * won or is winning (Zyre, which only elects when membership changes, would not elect either).
     */
    void contest(long nowNs, String group) {
        if (contested.add(group) && host.isMember(group) && !beaten(group)) {
            elect(nowNs, group);
        }
    }

    /** We joined a group: if we contest it, elect (alone, we lead at once). */
    void ownJoin(long nowNs, String group) {
        if (contested.contains(group)) {
            elect(nowNs, group);
        }
    }

    void ownLeave(String group) {
        waves.remove(group);
        leaders.remove(group);
        pendingStarts.remove(group);
    }

    /** A peer is now in a group (HELLO or JOIN). */
    void memberJoined(long nowNs, String group) {
        if (contested.contains(group) && host.isMember(group)) {
            elect(nowNs, group);
        }
    }

    /** A peer left a group or the network; if it led, or a wave was under way, elect again. */
    void memberLeft(long nowNs, String group, Peer peer) {
        if (!contested.contains(group) || !host.isMember(group)) {
            return;
        }
        boolean leaderLeft = peer.id.equals(leaders.get(group));
        if (leaderLeft || waves.containsKey(group) || pendingStarts.containsKey(group)) {
            elect(nowNs, group);
        }
    }

    /** Alone, lead at once; otherwise start a wave once membership has settled (each change pushes it back). */
    private void elect(long nowNs, String group) {
        leaders.remove(group);
        if (host.members(group).isEmpty()) {
            pendingStarts.remove(group);
            waves.remove(group);
            leaders.put(group, self);
            host.leader(group, self, selfName);
        } else {
            pendingStarts.put(group, nowNs + SETTLE_NS);
        }
    }

    /** When {@link #onTimeout} is next due, or {@link Long#MAX_VALUE}. */
    long deadlineNs() {
        long next = Long.MAX_VALUE;
        for (long due : pendingStarts.values()) {
            if (next == Long.MAX_VALUE || due - next < 0) {
                next = due;
            }
        }
        return next;
    }

    /** Starts the waves whose membership has settled. */
    void onTimeout(long nowNs) {
        if (pendingStarts.isEmpty()) {
            return;
        }
        var due = pendingStarts.entrySet().iterator();
        java.util.List<String> starting = new java.util.ArrayList<>();
        while (due.hasNext()) {
            var entry = due.next();
            if (entry.getValue() - nowNs <= 0) {
                starting.add(entry.getKey());
                due.remove();
            }
        }
        starting.forEach(this::start);
    }

    private void start(String group) {
        if (beaten(group)) {
            return;
        }
        Collection<Peer> members = host.members(group);
        leaders.remove(group);
        if (members.isEmpty()) {
            waves.remove(group);
            leaders.put(group, self);
            host.leader(group, self, selfName);
            return;
        }
        Wave wave = new Wave();
        wave.caw = selfId;
        waves.put(group, wave);
        ZreMessage elect = new ZreMessage.Elect(0, group, selfId);
        for (Peer member : members) {
            host.send(member, elect);
        }
    }

    /**
     * Whether a lower candidate than this node has already won since membership last changed, or leads a wave
     * this node supports and is still a member. Our wave could then only win by coming later: Zyre forgets a
     * finished election and supports any wave that follows, and Zyre starts its waves at once, on every HELLO
     * and JOIN, while this node waits for membership to settle. In the echo algorithm a node reached by a
     * better wave does not start its own either.
     */
    private boolean beaten(String group) {
        PeerId decided = leaders.get(group);
        if (decided != null) {
            return decided.toString().compareTo(selfId) <= 0;
        }
        Wave wave = waves.get(group);
        if (wave == null || wave.caw == null || wave.caw.compareTo(selfId) >= 0) {
            return false;
        }
        try {
            Peer challenger = host.peer(PeerId.parse(wave.caw));
            return challenger != null && host.members(group).contains(challenger);
        } catch (IllegalArgumentException e) {
            return false; // not a uuid: no real candidate stands behind it
        }
    }

    void onElect(Peer from, ZreMessage.Elect elect) {
        String group = elect.group();
        String challenger = elect.challengerId();
        Wave wave = waves.computeIfAbsent(group, g -> new Wave());
        if (wave.caw == null || challenger.compareTo(wave.caw) < 0) {
            // A better challenger: support its wave from now on, and pass it on to everyone but its bearer.
            wave.caw = challenger;
            wave.father = from;
            wave.echoes = 0;
            wave.leaderMessages = 0;
            wave.leader = null;
            ZreMessage forward = new ZreMessage.Elect(0, group, challenger);
            for (Peer member : host.members(group)) {
                if (member != from) {
                    host.send(member, forward);
                }
            }
        }
        if (challenger.equals(wave.caw)) {
            wave.echoes++;
            if (wave.echoes == host.members(group).size()) {
                if (wave.caw.equals(selfId)) {
                    ZreMessage leader = new ZreMessage.Leader(0, group, selfId);
                    host.members(group).forEach(member -> host.send(member, leader));
                } else if (wave.father != null && host.peer(wave.father.id) == wave.father) {
                    host.send(wave.father, new ZreMessage.Elect(0, group, wave.caw));
                }
            }
        }
        // An inferior challenger's wave dies here: that is the extinction.
    }

    void onLeader(Peer from, ZreMessage.Leader message) {
        String group = message.group();
        Wave wave = waves.get(group);
        if (wave == null || wave.caw == null || !wave.caw.equals(message.leaderId())) {
            return; // from a wave we no longer support (an election since restarted): stale
        }
        if (!wave.caw.equals(selfId) && wave.leaderMessages == 0) {
            ZreMessage forward = new ZreMessage.Leader(0, group, wave.caw);
            host.members(group).forEach(member -> host.send(member, forward));
        }
        wave.leaderMessages++;
        wave.leader = message.leaderId();
        if (wave.leaderMessages >= host.members(group).size()) {
            waves.remove(group);
            if (wave.leader.equals(selfId)) {
                leaders.put(group, self);
                host.leader(group, self, selfName);
            } else {
                PeerId leaderId;
                try {
                    leaderId = PeerId.parse(wave.leader);
                } catch (IllegalArgumentException e) {
                    return;
                }
                Peer leader = host.peer(leaderId);
                if (leader != null) {
                    leaders.put(group, leaderId);
                    host.leader(group, leaderId, leader.name);
                }
            }
        }
    }
}
