package io.zre4j.transport.jeromq;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException;
import io.zre4j.spi.TransportListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a transport delivers; used on the transport's own thread, like a node would. */
final class RecordingListener implements TransportListener {

    /** One delivered message. */
    record Message(PeerId sender, List<byte[]> frames) {
        String text(int index) {
            return new String(frames.get(index), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** One reported problem. */
    record Malformed(ZreProtocolException.Reason reason, String detail) {
    }

    final List<Message> messages = new ArrayList<>();
    final List<Malformed> malformed = new ArrayList<>();
    final List<String> replacedLinkMessages = new ArrayList<>();
    final List<String> inboxResets = new ArrayList<>();

    @Override
    public void onMessage(PeerId sender, List<byte[]> frames) {
        messages.add(new Message(sender, frames));
    }

    @Override
    public void onMalformed(ZreProtocolException.Reason reason, String detail) {
        malformed.add(new Malformed(reason, detail));
    }

    @Override
    public void onReplacedLinkMessage(String detail) {
        replacedLinkMessages.add(detail);
    }

    @Override
    public void onInboxReset(String detail) {
        inboxResets.add(detail);
    }
}
