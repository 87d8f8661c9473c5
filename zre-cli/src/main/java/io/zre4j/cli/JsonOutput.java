package io.zre4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zre4j.Frames;
import io.zre4j.PeerId;
import io.zre4j.ZreEvent;
import io.zre4j.ZreNode;
import java.io.PrintWriter;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code node --json} output: one JSON object per line, e.g.
 * {@code {"type":"SHOUT","peer":"3F2A...","name":"bob","group":"CHAT","text":"hi","frames":["aGk="]}}.
 * Uuids are 32 upper-case hex digits; {@code text} is the first frame as UTF-8 and {@code frames} holds
 * every frame in base64.
 */
final class JsonOutput implements NodeOutput {

    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintWriter out;

    /**
     * Writes to {@code out}.
     *
     * @param out standard output
     */
    JsonOutput(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void ready(ZreNode node) {
        ObjectNode ready = typed("READY", node.uuid(), node.name());
        ready.put("endpoint", node.endpoint());
        print(ready);
    }

    @Override
    public void event(ZreEvent event) {
        print(toJson(event));
    }

    @Override
    public void peers(List<PeerInfo> peers) {
        ObjectNode answer = mapper.createObjectNode().put("type", "PEERS");
        ArrayNode list = answer.putArray("peers");
        for (PeerInfo peer : peers) {
            ObjectNode entry = list.addObject()
                    .put("peer", peer.peer().toString())
                    .put("name", peer.name())
                    .put("address", peer.address());
            strings(entry.putArray("groups"), peer.groups());
            headers(entry.putObject("headers"), peer.headers());
        }
        print(answer);
    }

    /**
     * One event as JSON: {@code type}, {@code peer} and {@code name}, then what the event carries.
     *
     * @param event the event
     * @return the object
     */
    ObjectNode toJson(ZreEvent event) {
        ObjectNode json = typed(event.type().name(), event.peer(), event.name());
        EventText.group(event).ifPresent(group -> json.put("group", group));
        if (event instanceof ZreEvent.Enter enter) {
            headers(json.putObject("headers"), enter.headers());
            json.put("address", enter.address());
        } else if (event instanceof ZreEvent.Shout shout) {
            content(json, shout.content());
        } else if (event instanceof ZreEvent.Whisper whisper) {
            content(json, whisper.content());
        }
        return json;
    }

    private ObjectNode typed(String type, PeerId peer, String name) {
        return mapper.createObjectNode().put("type", type).put("peer", peer.toString()).put("name", name);
    }

    private static void content(ObjectNode json, Frames content) {
        json.put("text", content.text());
        ArrayNode frames = json.putArray("frames");
        Base64.Encoder base64 = Base64.getEncoder();
        content.asList().forEach(frame -> frames.add(base64.encodeToString(frame)));
    }

    private static void headers(ObjectNode json, Map<String, String> headers) {
        headers.forEach(json::put);
    }

    private static void strings(ArrayNode json, Collection<String> values) {
        values.forEach(json::add);
    }

    private void print(ObjectNode json) {
        String line;
        try {
            line = mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
        // One writer, two threads (events and command answers): whole lines only, flushed for the reader.
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
