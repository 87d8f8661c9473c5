package io.zre4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.sim.junit.SimulatedNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CI scenario of the simulator: 100 real engines discover each other, form a group, shout, survive a
 * 50/50 partition and heal, and see five nodes crash and restart; the same seed replays the same trace.
 */
class HundredNodeScenarioTest {

    private static final int NODES = 100;

    @Test
    @SimulatedNetwork(seed = 20261127)
    void hundredNodesDiscoverShoutPartitionHealAndRestart(SimNetwork net) {
        String firstHash = runScenario(net);

        SimNetwork replay = new SimNetwork(net.seed());
        String secondHash = runScenario(replay);

        assertThat(secondHash).as("same seed, same trace").isEqualTo(firstHash);
        assertThat(replay.trace().size()).isEqualTo(net.trace().size());
    }

    private static String runScenario(SimNetwork net) {
        List<SimNode> nodes = net.addNodes(NODES, (index, builder) -> builder.header("X-INDEX", Integer.toString(index)));
        Map<PeerId, SimNode> byUuid = nodes.stream().collect(Collectors.toMap(SimNode::uuid, Function.identity()));

        // 1. Everyone meets everyone, with the right headers.
        net.awaitConvergence(Duration.ofSeconds(10));
        for (SimNode node : nodes) {
            List<ZreEvent.Enter> enters = node.events(ZreEvent.Enter.class);
            assertThat(enters).hasSize(NODES - 1);
            for (ZreEvent.Enter enter : enters) {
                SimNode peer = byUuid.get(enter.peer());
                assertThat(enter.name()).isEqualTo(peer.name());
                assertThat(enter.headers()).containsEntry("X-INDEX", Integer.toString(peer.index()));
            }
        }

        // 2. Half of them join A; every node sees the 50 members (members see the 49 others).
        List<SimNode> members = nodes.stream().filter(node -> node.index() % 2 == 0).toList();
        members.forEach(node -> node.node().join("A"));
        net.runUntil("everyone sees group A", () -> nodes.stream().allMatch(node ->
                node.node().peersByGroup("A").size() == (node.index() % 2 == 0 ? 49 : 50)), Duration.ofSeconds(5));

        // 3. One shout reaches exactly the other members, once each.
        SimNode shouter = members.get(0);
        shouter.node().shouts("A", "hello A");
        net.runFor(Duration.ofSeconds(1));
        for (SimNode node : nodes) {
            long received = node.events(ZreEvent.Shout.class).stream()
                    .filter(shout -> shout.content().text().equals("hello A")).count();
            boolean shouldGet = node.index() % 2 == 0 && node != shouter;
            assertThat(received).as("shouts received by %s", node.name()).isEqualTo(shouldGet ? 1 : 0);
        }

        // 4. A 50/50 partition: after expiry, each side has exited the other side.
        List<SimNode> left = nodes.subList(0, NODES / 2);
        List<SimNode> right = nodes.subList(NODES / 2, NODES);
        nodes.forEach(SimNode::clearEvents);
        net.partition(left);
        net.runFor(Duration.ofSeconds(31));
        assertThat(net.membershipConverged()).isTrue();
        for (SimNode node : nodes) {
            Set<PeerId> exited = uuids(node.events(ZreEvent.Exit.class));
            assertThat(exited).isEqualTo(uuidsOf(left.contains(node) ? right : left));
        }

        // 5. Heal: the sides meet again.
        nodes.forEach(SimNode::clearEvents);
        net.heal();
        net.awaitConvergence(Duration.ofSeconds(10));
        for (SimNode node : nodes) {
            assertThat(uuids(node.events(ZreEvent.Enter.class))).isEqualTo(uuidsOf(left.contains(node) ? right : left));
        }

        // 6. Five nodes crash (no goodbye) and restart with their uuid: one EXIT, then one ENTER each.
        List<SimNode> crashed = nodes.subList(10, 15);
        List<SimNode> survivors = nodes.stream().filter(node -> !crashed.contains(node)).toList();
        nodes.forEach(SimNode::clearEvents);
        crashed.forEach(net::crash);
        net.runFor(Duration.ofSeconds(31));
        crashed.forEach(node -> net.restart(node, true));
        net.awaitConvergence(Duration.ofSeconds(10));
        for (SimNode node : survivors) {
            assertThat(node.events(ZreEvent.Exit.class)).extracting(ZreEvent::peer)
                    .containsExactlyInAnyOrderElementsOf(uuidsOf(crashed));
            assertThat(node.events(ZreEvent.Enter.class)).extracting(ZreEvent::peer)
                    .containsExactlyInAnyOrderElementsOf(uuidsOf(crashed));
        }
        return net.trace().hash();
    }

    private static Set<PeerId> uuids(List<? extends ZreEvent> events) {
        return events.stream().map(ZreEvent::peer).collect(Collectors.toSet());
    }

    private static Set<PeerId> uuidsOf(List<SimNode> nodes) {
        return nodes.stream().map(SimNode::uuid).collect(Collectors.toSet());
    }
}
