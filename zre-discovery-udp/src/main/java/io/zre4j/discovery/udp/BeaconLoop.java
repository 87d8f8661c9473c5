package io.zre4j.discovery.udp;

import io.zre4j.spi.DiscoveryListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a discovery's beacon thread, which alone uses the socket: sends a beacon every interval,
 * starting at once, and between beacons waits on the socket for datagrams, which {@link InboundBeacons}
 * interprets. After {@link #requestLeave()} it sends one leave beacon (port 0) and then only listens;
 * after {@link #requestClose()} it sends the leave beacon if one was requested and not yet sent, closes
 * the socket and ends.
 *
 * <p>Nothing ends the thread but a close: send and receive failures (an interface going away) are
 * logged once per distinct failure and retried; any other exception is logged and the loop goes on
 * after a short pause, so that a persistent fault cannot spin.
 */
final class BeaconLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BeaconLoop.class);
    /** How long to wait for datagrams once no beacon is due any more (after the leave beacon). */
    private static final long LISTEN_ONLY_WAIT_NS = TimeUnit.SECONDS.toNanos(1);
    /** Pause after an unexpected failure, so that one that repeats at once does not spin the thread. */
    private static final long FAILURE_PAUSE_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Datagrams handled per turn at most, so that a flood cannot delay our own beacons. */
    private static final int MAX_DATAGRAMS_PER_TURN = 256;

    private static final String SENDING = "sending a beacon";
    private static final String RECEIVING = "receiving beacons";
    private static final String HANDLING = "handling a datagram";
    private static final String LOOPING = "running the beacon loop";

    private final BeaconSocket socket;
    private final byte[] announcement;
    private final byte[] leave;
    private final long intervalNs;
    private final InboundBeacons inbound;
    private final DiscoveryListener listener;
    private final FailureLog failures;
    private final CountDownLatch leaveSent = new CountDownLatch(1);
    private volatile boolean leaveRequested;
    private volatile boolean closeRequested;

    /**
     * @param socket       the bound socket, which the loop owns and closes
     * @param announcement our beacon, sent every interval
     * @param leave        our leave beacon (port 0)
     * @param intervalNs   time between beacons
     * @param inbound      interprets received datagrams
     * @param listener     told of each beacon sent
     * @param failures     logs failures once each
     */
    BeaconLoop(BeaconSocket socket, byte[] announcement, byte[] leave, long intervalNs, InboundBeacons inbound,
            DiscoveryListener listener, FailureLog failures) {
        this.socket = socket;
        this.announcement = announcement.clone();
        this.leave = leave.clone();
        this.intervalNs = intervalNs;
        this.inbound = inbound;
        this.listener = listener;
        this.failures = failures;
    }

    /** Asks for the leave beacon to be sent now and no beacon after it. Safe from any thread. */
    void requestLeave() {
        leaveRequested = true;
        socket.wakeUp();
    }

    /**
     * Waits until the leave beacon has been sent (or the loop has ended).
     *
     * @param timeoutNs the longest wait
     * @return true if it was sent in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitLeaveSent(long timeoutNs) throws InterruptedException {
        return leaveSent.await(timeoutNs, TimeUnit.NANOSECONDS);
    }

    /** Asks the loop to end; a requested leave beacon is still sent first. Safe from any thread. */
    void requestClose() {
        closeRequested = true;
        socket.wakeUp();
    }

    @Override
    public void run() {
        long nextBeaconNs = System.nanoTime();
        try {
            while (!closeRequested) {
                try {
                    nextBeaconNs = turn(nextBeaconNs);
                } catch (ClosedChannelException | ClosedSelectorException e) {
                    if (!closeRequested) {
                        LOG.warn("The beacon socket was closed under its thread; beaconing ends", e);
                    }
                    return;
                } catch (IOException | RuntimeException e) {
                    failures.failed(LOOPING, e);
                    LockSupport.parkNanos(FAILURE_PAUSE_NS);
                }
            }
            sendLeaveIfRequested();
        } catch (ClosedChannelException e) {
            LOG.debug("The beacon socket closed before the leave beacon went out", e);
        } finally {
            leaveSent.countDown(); // whatever happened, nobody waits for a beacon that will never come
            socket.close();
        }
    }

    /** One turn: the leave beacon or a due beacon, then wait for datagrams until the next one is due. */
    private long turn(long nextBeaconNs) throws IOException {
        sendLeaveIfRequested();
        long nowNs = System.nanoTime();
        long next = nextBeaconNs;
        if (!leaveRequested && nowNs - next >= 0) {
            send(announcement);
            // After a long stall (a suspended laptop), carry on at the interval rather than catch up in a burst.
            next = nowNs - next < intervalNs ? next + intervalNs : nowNs + intervalNs;
        }
        socket.await(leaveRequested ? LISTEN_ONLY_WAIT_NS : next - System.nanoTime());
        receiveWaiting();
        return next;
    }

    private void sendLeaveIfRequested() throws ClosedChannelException {
        if (leaveRequested && leaveSent.getCount() > 0) {
            send(leave);
            leaveSent.countDown();
        }
    }

    private void send(byte[] beacon) throws ClosedChannelException {
        try {
            socket.send(beacon);
        } catch (ClosedChannelException e) {
            throw e;
        } catch (IOException e) {
            failures.failed(SENDING, e);
            return;
        }
        failures.succeeded(SENDING);
        try {
            listener.announcementSent();
        } catch (RuntimeException e) {
            failures.failed(HANDLING, e);
        }
    }

    private void receiveWaiting() throws ClosedChannelException {
        for (int i = 0; i < MAX_DATAGRAMS_PER_TURN; i++) {
            try {
                if (!socket.receive(this::handle)) {
                    return;
                }
                failures.succeeded(RECEIVING);
            } catch (ClosedChannelException e) {
                throw e;
            } catch (IOException e) {
                failures.failed(RECEIVING, e);
                LockSupport.parkNanos(FAILURE_PAUSE_NS);
                return;
            }
        }
    }

    private void handle(InetSocketAddress source, byte[] data, int length) {
        try {
            inbound.onDatagram(source, data, length);
            failures.succeeded(HANDLING);
        } catch (RuntimeException e) {
            // The listener must not throw; if it does, the next datagram still gets through.
            failures.failed(HANDLING, e);
        }
    }
}
