package io.zre4j.sim;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.spi.Agent;
import io.zre4j.spi.AgentRunner;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryListener;
import io.zre4j.spi.DiscoveryProvider;
import io.zre4j.spi.Transport;
import io.zre4j.spi.TransportListener;
import io.zre4j.spi.TransportProvider;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One incarnation of a simulated machine running one node: its in-memory {@link Transport} and
 * {@link Discovery}, and the hook by which the simulator runs its agent. A restart makes a new host.
 */
final class SimHost {

    final SimNetwork network;
    final int index;
    final String endpoint;
    boolean crashed;
    /** Which side of a partition the machine is on; machines on different sides cannot reach each other. */
    int side;
    /** Virtual cost of handling one received message; 0 for an unconstrained consumer. */
    long perMessageCostNs;
    private long busyUntilNs;

    private Agent agent;
    private boolean agentClosed;
    /** Times at which a wake-up of this host is already queued: one task per distinct time, not per request. */
    private final Set<Long> wakeTimes = new HashSet<>();
    private boolean deliveringBeacon;

    private final ArrayDeque<Inbound> inbox = new ArrayDeque<>();
    private final Map<PeerId, Link> links = new HashMap<>();
    private TransportListener transportListener;
    private PeerId self;
    private int sendHighWaterMark;

    private DiscoveryListener discoveryListener;
    private boolean announcing;
    private long beaconIntervalNs;

    /** A message waiting in this host's inbox. */
    private record Inbound(PeerId sender, List<byte[]> frames, Link link) {
    }

    /** Our outgoing link to one peer: ordered, reliable until broken. */
    static final class Link {
        final SimHost from;
        final SimHost to;
        long lastArrivalNs;
        int queued;
        /** Bumped when the connection breaks: what was on the way under an older epoch is lost. */
        int epoch;

        Link(SimHost from, SimHost to) {
            this.from = from;
            this.to = to;
        }
    }

    SimHost(SimNetwork network, int index, String endpoint) {
        this.network = network;
        this.index = index;
        this.endpoint = endpoint;
    }

    TransportProvider transportProvider() {
        return new TransportProvider() {
            @Override
            public String name() {
                return "sim";
            }

            @Override
            public Transport create(ZreConfig config, PeerId id) {
                self = id;
                sendHighWaterMark = config.sendHighWaterMark();
                return new SimTransport();
            }
        };
    }

    DiscoveryProvider discoveryProvider() {
        return new DiscoveryProvider() {
            @Override
            public String name() {
                return "sim";
            }

            @Override
            public Discovery create(ZreConfig config) {
                beaconIntervalNs = config.beaconInterval().toNanos();
                return new SimDiscovery();
            }
        };
    }

    AgentRunner runner() {
        return started -> {
            agent = started;
            wake(network.nowNs());
            return this::finish;
        };
    }

    PeerId self() {
        return self;
    }

    // ---------------------------------------------------------------- running the agent

    /** Makes the agent run at {@code timeNs}; several requests for the same time make one run. */
    void wake(long timeNs) {
        if (crashed || agent == null || agentClosed || deliveringBeacon || !wakeTimes.add(timeNs)) {
            return;
        }
        network.scheduler().at(timeNs, () -> {
            wakeTimes.remove(timeNs);
            runAgent();
        });
    }

    private void runAgent() {
        if (crashed || agent == null || agentClosed) {
            return;
        }
        for (int round = 0; round < 64 && !agent.isDone(); round++) {
            if (agent.doWork() == 0) {
                break;
            }
        }
        if (agent.isDone()) {
            closeAgent();
            return;
        }
        long deadline = agent.deadlineNs();
        if (deadline != Long.MAX_VALUE) {
            wake(Math.max(deadline, network.nowNs()));
        }
    }

    /**
     * Called by {@code ZreNode.stop()}: the stop command is queued; run the agent until it is done. A polite
     * stop waits for peers to confirm what they were sent, so virtual time runs on (for every node) until
     * it ends, for at most {@code timeout}.
     */
    private boolean finish(Duration timeout) {
        if (crashed) {
            return true;
        }
        for (int round = 0; round < 10_000 && !agent.isDone() && agent.doWork() > 0; round++) {
            // the stop command, and whatever was queued before it
        }
        if (!agent.isDone()) {
            long deadline = agent.deadlineNs();
            if (deadline != Long.MAX_VALUE) {
                wake(Math.max(deadline, network.nowNs()));
            }
            long limitNs = network.nowNs() + timeout.toNanos();
            while (!agent.isDone() && network.scheduler().runNext(limitNs)) {
                // the network delivers, the peers answer, the agent runs when woken
            }
        }
        closeAgent();
        return agent.isDone();
    }

    private void closeAgent() {
        if (!agentClosed) {
            agentClosed = true;
            agent.onClose();
        }
    }

    /**
     * The TCP connection behind our link to {@code other} breaks and is re-established at once, as ZeroMQ
     * does: whatever was on the way is lost, later messages flow again.
     */
    void breakLinkTo(SimHost other) {
        for (Link link : links.values()) {
            if (link.to == other) {
                link.epoch++;
                link.queued = 0;
                link.lastArrivalNs = 0;
            }
        }
        inbox.removeIf(message -> message.link.from == other);
    }

    /** The machine dies: no goodbye, nothing sent or received any more. */
    void crash() {
        crashed = true;
        announcing = false;
        inbox.clear();
        links.clear();
        network.unregister(this);
    }

    // ---------------------------------------------------------------- delivery

    void deliverMessage(Link link, int epoch, PeerId sender, List<byte[]> frames) {
        if (crashed || !network.reachable(link.from, this) || epoch != link.epoch) {
            link.queued--;
            return;
        }
        inbox.add(new Inbound(sender, frames, link));
        // Run the agent in this very task rather than queueing a wake-up for the same instant: it halves
        // the simulator's work on message-heavy runs and changes nothing observable.
        runAgent();
    }

    void deliverBeacon(PeerId peer, String peerEndpoint) {
        if (!crashed && discoveryListener != null) {
            // The listener posts a command and asks for a wake-up; run the agent right here instead of
            // queueing one wake-up task per receiver of every beacon.
            deliveringBeacon = true;
            try {
                if (peerEndpoint == null) {
                    discoveryListener.peerLeaving(peer);
                } else {
                    discoveryListener.peerAnnounced(peer, peerEndpoint);
                }
            } finally {
                deliveringBeacon = false;
            }
            if (agent != null && agent.deadlineNs() - network.nowNs() <= 0) {
                runAgent(); // the beacon was news (a routine one is only noted down by the node)
            }
        }
    }

    private void beaconTick() {
        if (!announcing || crashed) {
            return;
        }
        network.broadcastBeacon(this, self, endpoint);
        discoveryListener.announcementSent();
        network.scheduler().at(network.nowNs() + beaconIntervalNs, this::beaconTick);
    }

    // ---------------------------------------------------------------- the SPI implementations

    /** Links to other hosts' inboxes, in memory. */
    private final class SimTransport implements Transport {
        @Override
        public String open(TransportListener listener) {
            transportListener = listener;
            network.register(SimHost.this);
            return endpoint;
        }

        @Override
        public void connect(PeerId peer, String peerEndpoint) {
            SimHost target = network.hostAt(peerEndpoint);
            links.put(peer, new Link(SimHost.this, target));
        }

        @Override
        public boolean send(PeerId peer, List<byte[]> frames) {
            Link link = links.get(peer);
            if (link == null || crashed) {
                return false;
            }
            if (sendHighWaterMark > 0 && link.queued >= sendHighWaterMark) {
                return false;
            }
            if (link.to == null || link.to.crashed || !network.reachable(SimHost.this, link.to)) {
                return true; // the link is broken: like TCP, the sender learns nothing
            }
            link.queued++;
            long arrival = Math.max(link.lastArrivalNs, network.nowNs() + network.delayNs());
            link.lastArrivalNs = arrival;
            PeerId sender = self;
            int epoch = link.epoch;
            network.scheduler().at(arrival, () -> link.to.deliverMessage(link, epoch, sender, frames));
            return true;
        }

        @Override
        public void disconnect(PeerId peer) {
            links.remove(peer);
        }

        @Override
        public int receive(int max, long timeoutNs) {
            int delivered = 0;
            while (delivered < max && !inbox.isEmpty() && !crashed) {
                if (perMessageCostNs > 0) {
                    long now = network.nowNs();
                    if (busyUntilNs > now) {
                        wake(busyUntilNs); // a slow consumer: come back when the last message is digested
                        break;
                    }
                    busyUntilNs = now + perMessageCostNs;
                }
                Inbound message = inbox.poll();
                message.link.queued--;
                transportListener.onMessage(message.sender, message.frames);
                delivered++;
            }
            return delivered;
        }

        @Override
        public void wakeUp() {
            wake(network.nowNs());
        }

        @Override
        public void close() {
            links.clear();
            inbox.clear();
            network.unregister(SimHost.this);
        }
    }

    /** Beacons to every other host, with the network's loss, duplication and partitions. */
    private final class SimDiscovery implements Discovery {
        @Override
        public void start(PeerId id, String ourEndpoint, DiscoveryListener listener) {
            discoveryListener = listener;
            announcing = true;
            // Nodes do not beacon in lockstep: a random phase per node, from the seed.
            network.scheduler().at(network.nowNs() + network.beaconPhaseNs(beaconIntervalNs), SimHost.this::beaconTick);
        }

        @Override
        public void stop() {
            if (announcing && !crashed) {
                announcing = false;
                network.broadcastBeacon(SimHost.this, self, null);
                discoveryListener.announcementSent();
            }
        }

        @Override
        public void close() {
            announcing = false;
            discoveryListener = null;
        }
    }
}
