package io.zre4j.bench.engine;

import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.core.engine.EngineOutput;
import java.util.List;

/**
 * A transport that sends nothing: it accepts every message and only keeps a running sum over what it was
 * given. The sum lives in fields of a reachable object, so the JIT cannot prove the engine's work unused.
 */
final class CountingOutput implements EngineOutput {

    private long messages;
    private long checksum;

    @Override
    public void connect(PeerId peer, String endpoint) {
        // no link to open
    }

    @Override
    public boolean send(PeerId peer, List<byte[]> frames) {
        messages++;
        byte[] header = frames.get(0);
        // The sequence bytes differ per link: summing them touches what the engine wrote for this peer.
        checksum += header[4] + header[5] + frames.size();
        return true;
    }

    @Override
    public void disconnect(PeerId peer) {
        // no link to close
    }

    @Override
    public void event(ZreEvent event) {
        // events are not part of the fan-out cost being measured
    }
}
