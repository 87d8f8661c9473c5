package io.zre4j.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zre4j.Frames;
import io.zre4j.MessageType;
import io.zre4j.PeerId;
import io.zre4j.core.codec.ZreMessage.Hello;
import io.zre4j.core.codec.ZreMessage.Join;
import io.zre4j.core.codec.ZreMessage.Leave;
import io.zre4j.core.codec.ZreMessage.Ping;
import io.zre4j.core.codec.ZreMessage.PingOk;
import io.zre4j.core.codec.ZreMessage.Shout;
import io.zre4j.core.codec.ZreMessage.Whisper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Messages and beacons captured from real Zyre and Pyre peers ({@code zre-vectors/vectors.txt}): each must
 * decode to the fields printed beside it and re-encode to the identical bytes. Skipped when the folder is
 * absent; point {@code -Dzre.vectors.dir} at it to run them elsewhere.
 */
class CapturedVectorsTest {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern HEADER = Pattern.compile("'([^']*)': '([^']*)'");

    @TestFactory
    Stream<DynamicTest> everyCapturedMessageDecodesToItsPrintedFieldsAndReencodesToTheSameBytes() {
        return vectors().messages().stream()
                .map(message -> DynamicTest.dynamicTest(message.toString(), () -> checkMessage(message)));
    }

    @TestFactory
    Stream<DynamicTest> everyCapturedBeaconDecodesToItsPrintedFieldsAndReencodesToTheSameBytes() {
        return vectors().beacons().stream()
                .map(beacon -> DynamicTest.dynamicTest(beacon.toString(), () -> checkBeacon(beacon)));
    }

    @Test
    void theCapturesCoverWhatZyreAndPyreSend() {
        CapturedVectors vectors = vectors();
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        for (CapturedVectors.Message message : vectors.messages()) {
            types.add(ZreCodec.decode(message.frames()).type());
        }

        assertThat(types).contains(MessageType.HELLO, MessageType.WHISPER, MessageType.SHOUT, MessageType.JOIN,
                MessageType.LEAVE, MessageType.PING, MessageType.PING_OK);
        assertThat(vectors.messages()).anyMatch(m -> m.label().contains("from=zyre"))
                .anyMatch(m -> m.label().contains("from=pyre"));
        assertThat(vectors.beacons()).anyMatch(b -> b.label().startsWith("BEACON-LEAVE"));
    }

    private static CapturedVectors vectors() {
        Path folder = CapturedVectors.folder();
        Path file = folder.resolve("vectors.txt");
        assumeTrue(Files.isRegularFile(file), "zre-vectors not found at " + folder
                + "; skipping captured-vector tests (set -D" + CapturedVectors.DIR_PROPERTY + "=<folder> to run them)");
        return CapturedVectors.parse(file);
    }

    private static void checkMessage(CapturedVectors.Message captured) {
        String fields = captured.fields();
        assertThat(number(fields, "version")).as("version").isEqualTo(ZreCodec.VERSION);

        ZreMessage decoded = ZreCodec.decode(captured.frames());

        assertThat(decoded.type().id()).as("id").isEqualTo(number(fields, "id"));
        assertThat(decoded).isEqualTo(expected(captured));
        if (decoded instanceof Hello hello) {
            // Zyre sends headers in hash order, Pyre in insertion order: keep whatever order arrived.
            assertThat(new ArrayList<>(hello.headers().keySet())).as("header order")
                    .containsExactlyElementsOf(headers(fields).keySet());
        }
        assertThat(hex(ZreCodec.encode(decoded))).as("re-encoded frames").isEqualTo(hex(captured.frames()));
    }

    /** The message the label describes, built from the printed fields and the content frames. */
    private static ZreMessage expected(CapturedVectors.Message captured) {
        String fields = captured.fields();
        int sequence = number(fields, "sequence");
        List<byte[]> frames = captured.frames();
        Frames content = Frames.wrap(frames.subList(1, frames.size()));
        String type = text(fields, "id=\\d+\\(([A-Z-]+)\\)");
        switch (type) {
            case "HELLO":
                return new Hello(sequence, quoted(fields, "endpoint"), groups(fields), number(fields, "status"),
                        quoted(fields, "name"), headers(fields));
            case "WHISPER":
                return new Whisper(sequence, content);
            case "SHOUT":
                return new Shout(sequence, quoted(fields, "group"), content);
            case "JOIN":
                return new Join(sequence, quoted(fields, "group"), number(fields, "status"));
            case "LEAVE":
                return new Leave(sequence, quoted(fields, "group"), number(fields, "status"));
            case "PING":
                return new Ping(sequence);
            case "PING-OK":
                return new PingOk(sequence);
            default:
                return fail("this test does not know how to read the fields of " + type + ": " + fields);
        }
    }

    private static void checkBeacon(CapturedVectors.Beacon captured) {
        String label = captured.label();
        int length = number(label, "len");

        Beacon beacon = Beacon.decode(captured.bytes(), 0, captured.bytes().length);

        assertThat(captured.bytes()).hasSize(length);
        assertThat(beacon.peer()).isEqualTo(PeerId.parse(text(label, "uuid=([0-9a-f]{32})")));
        assertThat(beacon.port()).isEqualTo(number(label, "port"));
        assertThat(beacon.isLeaving()).isEqualTo(label.startsWith("BEACON-LEAVE"));
        assertThat(beacon.encode()).isEqualTo(captured.bytes());
    }

    private static int number(String fields, String name) {
        return Integer.parseInt(text(fields, "\\b" + name + "=(\\d+)"));
    }

    private static String quoted(String fields, String name) {
        return text(fields, "\\b" + name + "='([^']*)'");
    }

    private static List<String> groups(String fields) {
        List<String> groups = new ArrayList<>();
        Matcher matcher = QUOTED.matcher(text(fields, "\\bgroups=\\[([^\\]]*)\\]"));
        while (matcher.find()) {
            groups.add(matcher.group(1));
        }
        return groups;
    }

    private static Map<String, String> headers(String fields) {
        Map<String, String> headers = new LinkedHashMap<>();
        Matcher matcher = HEADER.matcher(text(fields, "\\bheaders=\\{([^}]*)\\}"));
        while (matcher.find()) {
            headers.put(matcher.group(1), matcher.group(2));
        }
        return headers;
    }

    private static String text(String fields, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(fields);
        if (!matcher.find()) {
            return fail("no " + regex + " in: " + fields);
        }
        return matcher.group(1);
    }

    private static List<String> hex(List<byte[]> frames) {
        List<String> hex = new ArrayList<>();
        for (byte[] frame : frames) {
            hex.add(HexFormat.of().formatHex(frame));
        }
        return hex;
    }
}
