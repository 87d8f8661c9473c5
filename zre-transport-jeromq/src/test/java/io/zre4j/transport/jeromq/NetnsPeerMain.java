package io.zre4j.transport.jeromq;

import io.zre4j.Zre;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A node for {@link VethNamespacesTest}, run in a child JVM inside a network namespace: it announces
 * itself on the given interface, prints every event as a line, and shouts once it sees a peer in group NS.
 * It ends once it has heard the peer's shout (or after 60 s at most).
 *
 * <p>Arguments: name, interface, beacon port, and optionally {@code outage}. In outage mode the node runs
 * through a network outage the test causes: it shouts only after it has seen the peer EXIT and ENTER again,
 * and counts only a shout heard after that, so DONE proves that both nodes survived the outage and found each
 * other again. Timeouts are short there (evasive 1 s, expired 3 s) so that the outage is brief.
 */
public final class NetnsPeerMain {

    private NetnsPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        boolean outage = args.length > 3 && args[3].equals("outage");
        var builder = Zre.builder().name(name).interfaceName(args[1]).beaconPort(Integer.parseInt(args[2]))
                .beaconInterval(Duration.ofMillis(200)).group("NS");
        if (outage) {
            builder.evasiveTimeout(Duration.ofSeconds(1)).expiredTimeout(Duration.ofSeconds(3));
        }
        try (ZreNode node = builder.build().start()) {
            System.out.println("READY " + node.uuid() + " " + node.endpoint());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // In outage mode the peer must have entered, exited and entered again before the shouts count.
            int entersBeforeShouting = outage ? 2 : 1;
            int enters = 0;
            boolean shouted = false;
            boolean heard = false;
            while (!(shouted && heard) && System.nanoTime() < deadline) {
                Optional<ZreEvent> next = node.poll(Duration.ofMillis(100));
                if (next.isPresent()) {
                    ZreEvent event = next.get();
                    System.out.println(event.type() + " " + event.name()
                            + (event instanceof ZreEvent.Enter enter ? " " + enter.address() : "")
                            + (event instanceof ZreEvent.Shout shout ? " " + shout.group() + " " + shout.content().text() : ""));
                    enters += event instanceof ZreEvent.Enter ? 1 : 0;
                    heard |= event instanceof ZreEvent.Shout && enters >= entersBeforeShouting;
                }
                if (!shouted && enters >= entersBeforeShouting && !node.peersByGroup("NS").isEmpty()) {
                    node.shouts("NS", "hello from %s", name);
                    shouted = true;
                }
                System.out.flush();
            }
            System.out.println(shouted && heard ? "DONE" : "TIMEOUT");
        }
    }
}
