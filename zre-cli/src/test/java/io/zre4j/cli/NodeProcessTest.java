package io.zre4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@code zre4j node --json} as scripts use it: separate JVMs on loopback (interface lo, a free beacon port),
 * talking JSON lines on stdout and commands on stdin.
 */
class NodeProcessTest {

    private final String port = Integer.toString(LoopbackPorts.freeUdpPort());

    private CliProcess node(String name, String... more) {
        String[] args = {"node", "--json", "--name", name, "--group", "CHAT", "--header", "X-ROLE=" + name,
            "--interface", "lo", "--port", port, "--interval", "100ms"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliProcess.start(all);
    }

    @Test
    void twoNodeProcessesExchangeShoutAndWhisper() {
        try (CliProcess alice = node("alice"); CliProcess bob = node("bob")) {
            JsonNode aliceReady = alice.awaitEvent("READY", "alice");
            bob.awaitEvent("READY", "bob");
            JsonNode bobSeesAlice = bob.awaitEvent("ENTER", "alice");
            assertThat(bobSeesAlice.get("peer").asText()).isEqualTo(aliceReady.get("peer").asText());
            assertThat(bobSeesAlice.get("headers").get("X-ROLE").asText()).isEqualTo("alice");
            assertThat(bobSeesAlice.get("address").asText()).isEqualTo(aliceReady.get("endpoint").asText());
            // A shout goes to the members the sender knows: wait until each knows the other is in CHAT.
            alice.awaitJson("alice sees bob join CHAT", json -> json.path("type").asText().equals("JOIN")
                    && json.path("name").asText().equals("bob") && json.path("group").asText().equals("CHAT"));
            bob.awaitJson("bob sees alice join CHAT", json -> json.path("type").asText().equals("JOIN")
                    && json.path("name").asText().equals("alice"));

            bob.send("shout CHAT hello, everyone");
            JsonNode shout = alice.awaitEvent("SHOUT", "bob");
            assertThat(shout.get("group").asText()).isEqualTo("CHAT");
            assertThat(shout.get("text").asText()).isEqualTo("hello, everyone");
            assertThat(decode(shout.get("frames").get(0))).isEqualTo("hello, everyone");

            alice.send("whisper bob psst, bob");
            JsonNode whisper = bob.awaitEvent("WHISPER", "alice");
            assertThat(whisper.get("peer").asText()).isEqualTo(aliceReady.get("peer").asText());
            assertThat(whisper.get("text").asText()).isEqualTo("psst, bob");
            assertThat(whisper.has("group")).isFalse();
        }
    }

    @Test
    void endOfInputStopsTheProcessPolitelyAndItsPeerSeesItExit() {
        try (CliProcess alice = node("alice"); CliProcess bob = node("bob")) {
            alice.awaitEvent("ENTER", "bob");
            bob.endInput();
            bob.awaitEvent("STOP", "bob");
            assertThat(bob.awaitExit()).isZero();
            // Polite: the EXIT comes from bob's leaving beacon, long before the 30 s expiry.
            alice.awaitEvent("EXIT", "bob");
            assertThat(bob.out.all()).allSatisfy(line -> CliProcess.parse(line));
        }
    }

    @Test
    void badCommandIsReportedOnStderrAndTheProcessKeepsRunning() {
        try (CliProcess alice = node("alice")) {
            alice.awaitEvent("READY", "alice");
            alice.send("frobnicate now");
            alice.err.awaitContaining("unknown command \"frobnicate now\"");
            alice.send("peers");
            JsonNode peers = alice.awaitJson("PEERS", json -> json.path("type").asText().equals("PEERS"));
            assertThat(peers.get("peers").isArray()).isTrue();
            alice.send("quit");
            assertThat(alice.awaitExit()).isZero();
        }
    }

    @Test
    void badOptionExitsWithCodeTwoAndOneLineOnStderr() {
        try (CliProcess bad = CliProcess.start("node", "--json", "--interval", "soon", "--interface", "lo", "--port", port)) {
            assertThat(bad.awaitExit()).isEqualTo(2);
            assertThat(bad.err.all()).singleElement().asString()
                    .startsWith("zre4j node: Invalid value for option '--interval': 'soon' is not a duration");
            assertThat(bad.out.all()).isEmpty();
        }
    }

    private static String decode(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }
}
