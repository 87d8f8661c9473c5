package io.zre4j.transport.jeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two hosts for real: two network namespaces this test creates, joined by a veth pair on 198.18.0.0/24
 * (a benchmarking range, never routed), one node in each (a child JVM started with {@code ip netns exec}).
 * They discover each other by broadcast on the veth and exchange a shout. Needs root; otherwise skipped.
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
        assumeTrue(isRoot(), "needs root to create network namespaces; skipped (run the build as root to include it)");
        assumeTrue(setUpNamespaces(), "could not create namespaces and a veth pair here (no CAP_NET_ADMIN?); skipped");

        int port = LoopbackCluster.freeUdpPort();
        Path logA = Files.createTempFile("zre4j-netns-a", ".log");
        Path logB = Files.createTempFile("zre4j-netns-b", ".log");
        Process a = startPeer(nsA, "alpha", vethA, port, logA);
        Process b = startPeer(nsB, "beta", vethB, port, logB);
        boolean aEnded = a.waitFor(60, TimeUnit.SECONDS);
        boolean bEnded = b.waitFor(60, TimeUnit.SECONDS);
        a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String outA = Files.readString(logA);
        String outB = Files.readString(logB);
        Files.deleteIfExists(logA);
        Files.deleteIfExists(logB);
        System.out.println("--- alpha in " + nsA + ":\n" + outA + "--- beta in " + nsB + ":\n" + outB);

        assertThat(aEnded && bEnded).as("both peers ended\n--- alpha:\n%s\n--- beta:\n%s", outA, outB).isTrue();
        assertThat(outA).contains("ENTER beta tcp://198.18.0.2:", "SHOUT beta NS hello from beta", "DONE");
        assertThat(outB).contains("ENTER alpha tcp://198.18.0.1:", "SHOUT alpha NS hello from alpha", "DONE");
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

    private Process startPeer(String namespace, String name, String iface, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", TestClassPath.full(),
                NetnsPeerMain.class.getName(), name, iface, Integer.toString(port)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
