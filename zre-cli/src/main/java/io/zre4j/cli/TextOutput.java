package io.zre4j.cli;

import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/** The plain {@code node} output (without {@code --json}): one readable line per event, for people. */
final class TextOutput implements NodeOutput {

    private final PrintWriter out;

    /**
     * Writes to {@code out}.
     *
     * @param out standard output
     */
    TextOutput(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void ready(ZreNode node) {
        print(String.format("%-7s %s [%s] %s", "READY", node.name(), node.uuid(), node.endpoint()));
    }

    @Override
    public void event(ZreEvent event) {
        print(EventText.describe(event));
    }

    @Override
    public void peers(List<PeerInfo> peers) {
        StringBuilder text = new StringBuilder(String.format("%-7s %d", "PEERS", peers.size()));
        for (PeerInfo peer : peers) {
            text.append(System.lineSeparator()).append("  ").append(peer.describe());
        }
        print(text.toString());
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
