package io.zre4j.transport.jeromq;

import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.ZreEvent.EventType;
import io.zre4j.ZreProtocolException;
import io.zre4j.ZreProtocolException.Reason;
import io.zre4j.core.codec.ZreCodec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Zyre's event message layout ({@code zyre_event}), both ways; see {@link ZreEventSocket} for the layout.
 * Decoding is strict about what it needs and reports every problem as a {@link ZreProtocolException}.
 */
final class EventFrames {

    private static final int TYPE = 0;
    private static final int PEER = 1;
    private static final int NAME = 2;
    private static final int FIRST_DETAIL = 3;

    private EventFrames() {
    }

    /**
     * Encodes an event as Zyre sends it on its actor pipe.
     *
     * @param event any event
     * @return the frames, new arrays except the content frames of WHISPER and SHOUT, which are shared
     */
    static List<byte[]> encode(ZreEvent event) {
        List<byte[]> frames = new ArrayList<>(4 + contentSize(event));
        frames.add(utf8(event.type().name()));
        frames.add(utf8(event.peer().toString()));
        frames.add(utf8(event.name()));
        switch (event.type()) {
            case ENTER -> {
                ZreEvent.Enter enter = (ZreEvent.Enter) event;
                frames.add(ZreCodec.packHash(enter.headers()));
                frames.add(utf8(enter.address()));
            }
            case JOIN -> frames.add(utf8(((ZreEvent.Join) event).group()));
            case LEAVE -> frames.add(utf8(((ZreEvent.Leave) event).group()));
            case LEADER -> frames.add(utf8(((ZreEvent.Leader) event).group()));
            case SHOUT -> {
                ZreEvent.Shout shout = (ZreEvent.Shout) event;
                frames.add(utf8(shout.group()));
                frames.addAll(shout.content().asList());
            }
            case WHISPER -> frames.addAll(((ZreEvent.Whisper) event).content().asList());
            case EXIT, EVASIVE, SILENT, STOP -> {
                // Nothing after the peer's name.
            }
        }
        return frames;
    }

    private static int contentSize(ZreEvent event) {
        if (event instanceof ZreEvent.Shout shout) {
            return shout.content().size();
        }
        return event instanceof ZreEvent.Whisper whisper ? whisper.content().size() : 0;
    }

    /**
     * Decodes one event message.
     *
     * @param frames the message's frames; content frames are shared with the result, not copied
     * @return the event
     * @throws ZreProtocolException if the frames are not an event in Zyre's layout
     */
    static ZreEvent decode(List<byte[]> frames) {
        if (frames.size() < FIRST_DETAIL) {
            throw new ZreProtocolException(Reason.BAD_FRAMING, "an event has at least 3 frames (type, peer uuid,"
                    + " peer name), got " + frames.size());
        }
        EventType type = type(frames.get(TYPE));
        PeerId peer = peer(frames.get(PEER));
        String name = text(frames.get(NAME), "peer name");
        return switch (type) {
            case ENTER -> enter(peer, name, frames);
            case EXIT -> nothingMore(frames, new ZreEvent.Exit(peer, name));
            case EVASIVE -> nothingMore(frames, new ZreEvent.Evasive(peer, name));
            case SILENT -> nothingMore(frames, new ZreEvent.Silent(peer, name));
            case STOP -> nothingMore(frames, new ZreEvent.Stop(peer, name));
            case JOIN -> new ZreEvent.Join(peer, name, group(type, frames));
            case LEAVE -> new ZreEvent.Leave(peer, name, group(type, frames));
            case LEADER -> new ZreEvent.Leader(peer, name, group(type, frames));
            case WHISPER -> new ZreEvent.Whisper(peer, name, content(frames, FIRST_DETAIL));
            case SHOUT -> {
                if (frames.size() < FIRST_DETAIL + 1) {
                    throw new ZreProtocolException(Reason.BAD_FRAMING, "a SHOUT event has a group frame after the"
                            + " peer name, got " + frames.size() + " frames");
                }
                yield new ZreEvent.Shout(peer, name, text(frames.get(FIRST_DETAIL), "group"),
                        content(frames, FIRST_DETAIL + 1));
            }
        };
    }

    /** Zyre omits the headers frame when a peer has no header table, so four frames are accepted too. */
    private static ZreEvent.Enter enter(PeerId peer, String name, List<byte[]> frames) {
        Map<String, String> headers;
        if (frames.size() == FIRST_DETAIL + 2) {
            headers = ZreCodec.unpackHash(frames.get(FIRST_DETAIL));
        } else if (frames.size() == FIRST_DETAIL + 1) {
            headers = Map.of();
        } else {
            throw new ZreProtocolException(Reason.BAD_FRAMING, "an ENTER event has headers and address after the"
                    + " peer name (5 frames), got " + frames.size() + " frames");
        }
        return new ZreEvent.Enter(peer, name, headers, text(frames.get(frames.size() - 1), "address"));
    }

    /** For the events that end with the peer's name. */
    private static ZreEvent nothingMore(List<byte[]> frames, ZreEvent event) {
        expectFrames(event.type(), frames, 0);
        return event;
    }

    private static String group(EventType type, List<byte[]> frames) {
        expectFrames(type, frames, 1);
        return text(frames.get(FIRST_DETAIL), "group");
    }

    private static void expectFrames(EventType type, List<byte[]> frames, int details) {
        if (frames.size() != FIRST_DETAIL + details) {
            throw new ZreProtocolException(Reason.BAD_FRAMING, "a " + type + " event has " + (FIRST_DETAIL + details)
                    + " frames, got " + frames.size());
        }
    }

    private static Frames content(List<byte[]> frames, int from) {
        return Frames.wrap(frames.subList(from, frames.size()));
    }

    private static EventType type(byte[] frame) {
        String text = text(frame, "event type");
        try {
            return EventType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ZreProtocolException(Reason.INVALID_FIELD, "unknown event type \"" + abbreviate(text) + "\"");
        }
    }

    private static PeerId peer(byte[] frame) {
        String text = text(frame, "peer uuid");
        try {
            return PeerId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ZreProtocolException(Reason.INVALID_FIELD, "the peer uuid frame is not 32 hex digits: \""
                    + abbreviate(text) + "\"");
        }
    }

    private static String text(byte[] frame, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ZreProtocolException(Reason.INVALID_UTF8, "the " + what + " frame is not UTF-8 ("
                    + frame.length + " bytes)");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
