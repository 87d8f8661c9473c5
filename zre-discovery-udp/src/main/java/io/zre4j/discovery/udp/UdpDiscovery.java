package io.zre4j.discovery.udp;

import io.zre4j.PeerId;
import io.zre4j.ZreConfig;
import io.zre4j.core.codec.Beacon;
import io.zre4j.core.discovery.DiscoveryThreads;
import io.zre4j.spi.Discovery;
import io.zre4j.spi.DiscoveryListener;
import io.zre4j.spi.NetworkSelection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zyre's discovery: UDP beacons ({@code 'Z' 'R' 'E' 0x01}, uuid, inbox port) broadcast on the chosen
 * interface every {@link ZreConfig#beaconInterval()}, and every other node's beacons heard on
 * {@link ZreConfig#beaconPort()}. Many nodes on one host share the port.
 *
 * <p>{@link #start} picks the interface with {@link NetworkSelection#select(ZreConfig)}, binds the socket
 * and starts one daemon thread, {@code zre-beacon-<name>}, which owns the socket and calls the listener.
 * {@link #stop()} sends a leave beacon (port 0) at once, so that peers see this node exit without waiting
 * for it to expire, and then only listens; {@link #close()} releases the socket and the thread.
 *
 * <p>What is reported: every beacon of another node on the interface's link ({@code peerAnnounced}, or
 * {@code peerLeaving} for port 0), datagrams that are not beacons ({@code malformed}), and Zyre's CURVE
 * beacons and datagrams from other links ({@code ignored}). Our own beacons, which the broadcast
 * brings back, are not reported.
 *
 * <p>Threading: the lifecycle methods may be called from any thread.
 */
public final class UdpDiscovery implements Discovery {

    private static final Logger LOG = LoggerFactory.getLogger(UdpDiscovery.class);
    /** The beacon thread's name is this prefix and the node's name. */
    static final String THREAD_NAME_PREFIX = "zre-beacon-";
    private static final long LEAVE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long CLOSE_TIMEOUT_MS = 2_000;

    private final ZreConfig config;

    // Guarded by this.
    private boolean started;
    private boolean stopped;
    private boolean closed;
    private String nodeName;
    private BeaconSocket socket;
    private BeaconLoop loop;
    private Thread thread;

    /**
     * A discovery for one node.
     *
     * @param config the node's configuration: interface, IPv6, beacon port and interval
     */
    public UdpDiscovery(ZreConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Binds the beacon socket and starts beaconing and listening.
     *
     * @param self     this node's identity
     * @param endpoint this node's inbox endpoint, {@code tcp://host:port}; beacons announce its port
     * @param listener where heard peers are reported, from the beacon thread
     * @throws io.zre4j.ZreNetworkException if the interface cannot be used or the port cannot be bound
     * @throws IllegalArgumentException     if the endpoint has no port
     * @throws IllegalStateException        if already started, or closed
     */
    @Override
    public synchronized void start(PeerId self, String endpoint, DiscoveryListener listener) {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(listener, "listener");
        int inboxPort = Endpoints.portOf(Objects.requireNonNull(endpoint, "endpoint"));
        if (closed || started) {
            throw new IllegalStateException("a UdpDiscovery starts once; this one is " + (closed ? "closed" : "started"));
        }
        NetworkSelection selection = NetworkSelection.select(config);
        nodeName = config.effectiveName(self);
        socket = BeaconSocket.open(selection, config.beaconPort());
        FailureLog failures = new FailureLog(LOG, "Beacons of " + nodeName + " on " + selection.networkInterface().getName());
        InboundBeacons inbound = new InboundBeacons(self, LinkScope.of(selection), selection.networkInterface(), listener);
        loop = new BeaconLoop(socket, new Beacon(self, inboxPort).encode(), new Beacon(self, 0).encode(),
                config.beaconInterval().toNanos(), inbound, listener, failures);
        LOG.info("{} announces {} port {} on {}, UDP port {}, every {} ms", nodeName, self, inboxPort, selection,
                config.beaconPort(), config.beaconInterval().toMillis());
        if (isLoopback(selection)) {
            LOG.info("{} is on the loopback interface: only nodes on this machine will find it (choose an interface "
                    + "with ZSYS_INTERFACE or interfaceName(...) to reach the network)", nodeName);
        }
        thread = new Thread(loop, THREAD_NAME_PREFIX + nodeName);
        thread.setDaemon(true);
        thread.start();
        started = true;
    }

    /**
     * Sends the leave beacon (port 0) now and no beacon after it; keeps listening until {@link #close()}.
     * Waits (at most a second) until the beacon is sent, so that a close right after it cannot lose it.
     * Idempotent; does nothing before {@link #start} or after {@link #close()}.
     */
    @Override
    public synchronized void stop() {
        if (!started || stopped || closed) {
            return;
        }
        stopped = true;
        loop.requestLeave();
        if (Thread.currentThread() == thread) {
            return; // called by the listener: the loop sends it as soon as this call returns
        }
        try {
            if (!loop.awaitLeaveSent(LEAVE_TIMEOUT_NS)) {
                LOG.warn("{}: the leave beacon was not sent within a second", nodeName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("{} sent its leave beacon and no longer announces itself", nodeName);
    }

    private static boolean isLoopback(NetworkSelection selection) {
        try {
            return selection.networkInterface().isLoopback();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    /**
     * Ends the beacon thread and closes the socket, waiting a bounded time for the thread. Sends nothing
     * unless a {@link #stop()} just before it had not yet sent its leave beacon. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            return;
        }
        loop.requestClose();
        if (!DiscoveryThreads.awaitEnd(thread, CLOSE_TIMEOUT_MS)) {
            LOG.warn("{}: the beacon thread did not end within {} ms; closing its socket under it", nodeName,
                    CLOSE_TIMEOUT_MS);
            socket.close();
            thread.interrupt();
        }
    }
}
