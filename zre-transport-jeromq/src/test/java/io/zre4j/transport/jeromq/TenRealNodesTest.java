package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenRealNodesTest {

    @Test
    void tenNodesOnOneHostReachFullMembershipAndAShoutReachesEveryMemberOnce() {
        try (LoopbackCluster cluster = new LoopbackCluster()) {
            List<ZreNode> nodes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                nodes.add(cluster.start("node" + i, b -> b.group("ALL")));
            }

            cluster.awaitFullMembership();
            ZreNode shouter = nodes.get(0);
            org.awaitility.Awaitility.await().atMost(LoopbackCluster.PATIENCE)
                    .until(() -> shouter.peersByGroup("ALL").size() == 9);
            shouter.shouts("ALL", "to all");

            for (ZreNode node : nodes.subList(1, 10)) {
                cluster.awaitEvent(node, ZreEvent.Shout.class, s -> s.content().text().equals("to all"));
            }
            for (ZreNode node : nodes.subList(1, 10)) {
                assertThat(cluster.events(node, ZreEvent.Shout.class)).hasSize(1);
                assertThat(cluster.events(node, ZreEvent.Enter.class)).hasSize(9);
            }
        }
    }
}
