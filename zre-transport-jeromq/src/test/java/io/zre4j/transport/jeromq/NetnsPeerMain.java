package io.zre4j.transport.jeromq;

import io.zre4j.Zre;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A node for {@link VethNamespacesTest}, run in a child JVM inside a network namespace: it announces
 * itself on the given interface, shouts once it sees a peer in group NS, prints every event as a line,
 * and ends once it has heard the peer's shout (or after 40 s at most).
 *
 * <p>Arguments: name, interface, beacon port.
 */
public final class NetnsPeerMain {

    private NetnsPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        try (ZreNode node = Zre.builder().name(name).interfaceName(args[1]).beaconPort(Integer.parseInt(args[2]))
                .beaconInterval(Duration.ofMillis(200)).group("NS").build().start()) {
            System.out.println("READY " + node.uuid() + " " + node.endpoint());
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            boolean shouted = false;
            boolean heard = false;
            while (!(shouted && heard) && System.nanoTime() < deadline) {
                Optional<ZreEvent> next = node.poll(Duration.ofMillis(100));
                if (next.isPresent()) {
                    ZreEvent event = next.get();
                    System.out.println(event.type() + " " + event.name()
                            + (event instanceof ZreEvent.Enter enter ? " " + enter.address() : "")
                            + (event instanceof ZreEvent.Shout shout ? " " + shout.group() + " " + shout.content().text() : ""));
                    heard |= event instanceof ZreEvent.Shout;
                }
                if (!shouted && !node.peersByGroup("NS").isEmpty()) {
                    node.shouts("NS", "hello from %s", name);
                    shouted = true;
                }
                System.out.flush();
            }
            System.out.println(shouted && heard ? "DONE" : "TIMEOUT");
        }
    }
}
