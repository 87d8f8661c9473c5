package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two hosts for real: two network namespaces this test creates, joined by a veth pair on 198.18.0.0/24
 * (a benchmarking range, never routed), one node in each (a child JVM started with {@code ip netns exec}).
 * They discover each other by broadcast on the veth and exchange a shout; and they live through the veth going
 * down and coming back. Needs root; otherwise skipped.
 * Nothing leaves the namespaces: they have no other interface and no route.
 */
class VethNamespacesTest {

    private final String suffix = Long.toString(ProcessHandle.current().pid() % 100000);
    private final String nsA = "zre4j-" + suffix + "-a";
    private final String nsB = "zre4j-" + suffix + "-b";
    private final String vethA = "zv" + suffix + "a";
    private final String vethB = "zv" + suffix + "b";

    @AfterEach
    void removeNamespaces() throws Exception {
        run("ip", "netns", "del", nsA);
        run("ip", "netns", "del", nsB);
    }

    @Test
    void nodesInTwoNamespacesFindEachOtherByBroadcastOnAVethPair() throws Exception {
        requireNamespaces();

        int port = LoopbackCluster.freeUdpPort();
        Peers peers = startPeers(port);
        peers.awaitEnd();

        assertThat(peers.a.output()).contains("ENTER beta tcp://198.18.0.2:", "SHOUT beta NS hello from beta", "DONE");
        assertThat(peers.b.output()).contains("ENTER alpha tcp://198.18.0.1:", "SHOUT alpha NS hello from alpha", "DONE");
    }

    /**
     * The link goes down under a running node (a cable pulled, a Wi-Fi drop): beacons cannot be sent, the
     * peers expire each other; when it comes back they find each other again, without a restart.
     */
    @Test
    void nodesSurviveTheirInterfaceGoingDownAndFindEachOtherWhenItComesBack() throws Exception {
        requireNamespaces();

        int port = LoopbackCluster.freeUdpPort();
        Peers peers = startPeers(port, "outage");
        peers.awaitBoth("ENTER ", 1);
        assertThat(run("ip", "-n", nsA, "link", "set", vethA, "down")).as("link down").isTrue();
        peers.awaitBoth("EXIT ", 1);
        assertThat(run("ip", "-n", nsA, "link", "set", vethA, "up")).as("link up").isTrue();
        peers.awaitEnd();

        assertThat(peers.a.output()).contains("EXIT beta", "DONE");
        assertThat(peers.b.output()).contains("EXIT alpha", "DONE");
        assertThat(count(peers.a.output(), "ENTER beta tcp://198.18.0.2:")).isEqualTo(2);
        assertThat(count(peers.b.output(), "ENTER alpha tcp://198.18.0.1:")).isEqualTo(2);
    }

    private void requireNamespaces() throws Exception {
        assumeTrue(isRoot(), "needs root to create network namespaces; skipped (run the build as root to include it)");
        assumeTrue(setUpNamespaces(), "could not create namespaces and a veth pair here (no CAP_NET_ADMIN?); skipped");
    }

    private Peers startPeers(int port, String... mode) throws IOException {
        return new Peers(Peer.start(nsA, "alpha", vethA, port, mode), Peer.start(nsB, "beta", vethB, port, mode));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** One child JVM running {@link NetnsPeerMain} in a namespace, its output going to a file. */
    private record Peer(String name, Process process, Path log) {

        static Peer start(String namespace, String name, String iface, int port, String... mode) throws IOException {
            Path log = Files.createTempFile("zre4j-netns-" + name, ".log");
            log.toFile().deleteOnExit();
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                    TestClassPath.full(), NetnsPeerMain.class.getName(), name, iface, Integer.toString(port)));
            command.addAll(List.of(mode));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Peer(name, process, log);
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }
    }

    /** Both peers; every wait is bounded, and at the end the processes are gone and their logs printed. */
    private record Peers(Peer a, Peer b) {

        /** Waits until each peer's output holds a line starting with {@code prefix} at least {@code times} times. */
        void awaitBoth(String prefix, int times) {
            try {
                await().atMost(Duration.ofSeconds(40)).until(() -> lines(a, prefix) >= times && lines(b, prefix) >= times);
            } catch (RuntimeException e) {
                end();
                throw e;
            }
        }

        private static long lines(Peer peer, String prefix) {
            return peer.output().lines().filter(line -> line.startsWith(prefix)).count();
        }

        /** Waits for both to end by themselves (they stop within a minute), then checks that they did. */
        void awaitEnd() throws InterruptedException {
            boolean aEnded = a.process.waitFor(70, TimeUnit.SECONDS);
            boolean bEnded = b.process.waitFor(70, TimeUnit.SECONDS);
            end();
            assertThat(aEnded && bEnded).as("both peers ended\n--- alpha:\n%s\n--- beta:\n%s", a.output(), b.output())
                    .isTrue();
        }

        private void end() {
            for (Peer peer : List.of(a, b)) {
                peer.process.destroyForcibly();
                System.out.println("--- " + peer.name + ":\n" + peer.output());
            }
        }
    }

    private boolean setUpNamespaces() throws Exception {
        return run("ip", "netns", "add", nsA)
                && run("ip", "netns", "add", nsB)
                && run("ip", "link", "add", vethA, "type", "veth", "peer", "name", vethB)
                && run("ip", "link", "set", vethA, "netns", nsA)
                && run("ip", "link", "set", vethB, "netns", nsB)
                && run("ip", "-n", nsA, "addr", "add", "198.18.0.1/24", "broadcast", "198.18.0.255", "dev", vethA)
                && run("ip", "-n", nsB, "addr", "add", "198.18.0.2/24", "broadcast", "198.18.0.255", "dev", vethB)
                && run("ip", "-n", nsA, "link", "set", "lo", "up")
                && run("ip", "-n", nsB, "link", "set", "lo", "up")
                && run("ip", "-n", nsA, "link", "set", vethA, "up")
                && run("ip", "-n", nsB, "link", "set", vethB, "up");
    }



    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return id.waitFor(10, TimeUnit.SECONDS) && new String(id.getInputStream().readAllBytes()).trim().equals("0");
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
