package io.zre4j.spi;

import io.zre4j.PeerId;
import io.zre4j.ZreProtocolException;
import java.util.List;

/**
 * Receives what a {@link Transport} takes in. Called only on the node's thread, from
 * {@link Transport#receive}.
 */
public interface TransportListener {

    /**
     * A message arrived on some peer's link to our inbox.
     *
     * @param sender the node that sent it (from its link identity)
     * @param frames the frames, handed over: the listener may keep them
     */
    void onMessage(PeerId sender, List<byte[]> frames);

    /**
     * Input arrived that could not be attributed to a peer (e.g. a malformed link identity); it was dropped.
     *
     * @param reason why it was dropped
     * @param detail what exactly was wrong, for the log
     */
    void onMalformed(ZreProtocolException.Reason reason, String detail);

    /**
     * A message arrived on a connection that a newer one from the same peer has replaced (ZeroMQ renames the
     * old one); it was dropped.
     *
     * @param detail what was dropped, for the log
     */
    default void onReplacedLinkMessage(String detail) {
    }

    /**
     * The transport dropped every connection to its inbox and opened it again, to free what a peer piled up
     * (e.g. an endless multipart message); peers reconnect by themselves.
     *
     * @param detail why, for the log
     */
    default void onInboxReset(String detail) {
    }
}
