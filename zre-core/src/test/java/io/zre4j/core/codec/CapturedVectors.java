package io.zre4j.core.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code zre-vectors/vectors.txt}: ZRE messages and beacons captured from real Zyre and Pyre peers,
 * as labelled hex. A message is a line {@code TYPE from=... : id=3(SHOUT) version=2 sequence=2 group='x'}
 * followed by indented {@code frameN <hex>} lines (frame bodies; {@code wire} lines add ZMTP framing
 * and are skipped); a beacon is a {@code BEACON ...} line followed by an indented line of hex.
 */
record CapturedVectors(List<Message> messages, List<Beacon> beacons) {

    /** The system property that points at the vectors folder. */
    static final String DIR_PROPERTY = "zre.vectors.dir";

    private static final Pattern CAPTURE = Pattern.compile("^#+ capture (\\S+)");
    private static final Pattern MESSAGE =
            Pattern.compile("^(HELLO|WHISPER|SHOUT|JOIN|LEAVE|PING|PING-OK|ELECT|LEADER|GOODBYE) from=.*");
    private static final Pattern FRAME = Pattern.compile("^\\s+frame(\\d+)\\s+([0-9a-f]*)$");
    private static final Pattern BEACON = Pattern.compile("^BEACON(-LEAVE\\(port=0\\))? .*");

    /** A captured message: where it is, its label (the decoded fields as the capture tool printed them), its frames. */
    record Message(String capture, int line, String label, List<byte[]> frames) {
        /** The part after " : ", e.g. {@code id=3(SHOUT) version=2 sequence=2 group='interop'}. */
        String fields() {
            return label.substring(label.indexOf(" : ") + 3);
        }

        @Override
        public String toString() {
            return capture + ":" + line + " " + label.substring(0, label.indexOf(" : "));
        }
    }

    /** A captured 22-byte beacon with its label. */
    record Beacon(String capture, int line, String label, byte[] bytes) {
        @Override
        public String toString() {
            return capture + ":" + line + " " + label.substring(0, label.indexOf(" src="));
        }
    }

    /** The folder: {@code -Dzre.vectors.dir}, else {@code <repo root>/../shared/zre-vectors}. */
    static Path folder() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // Surefire runs in the module folder; its parent is the repository root.
        Path repoRoot = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        return repoRoot.resolve("../shared/zre-vectors").normalize();
    }

    static CapturedVectors parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Message> messages = new ArrayList<>();
        List<Beacon> beacons = new ArrayList<>();
        String capture = "?";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher captureLine = CAPTURE.matcher(line);
            if (captureLine.find()) {
                capture = captureLine.group(1);
            } else if (MESSAGE.matcher(line).matches()) {
                List<byte[]> frames = new ArrayList<>();
                int next = i + 1;
                for (; next < lines.size() && lines.get(next).startsWith(" "); next++) {
                    Matcher frame = FRAME.matcher(lines.get(next));
                    if (frame.matches()) {
                        if (Integer.parseInt(frame.group(1)) != frames.size()) {
                            throw new IllegalStateException("frames out of order at line " + (next + 1));
                        }
                        frames.add(HexFormat.of().parseHex(frame.group(2)));
                    }
                }
                messages.add(new Message(capture, i + 1, line, frames));
                i = next - 1;
            } else if (BEACON.matcher(line).matches()) {
                beacons.add(new Beacon(capture, i + 1, line, HexFormat.of().parseHex(lines.get(i + 1).trim())));
                i++;
            }
        }
        return new CapturedVectors(List.copyOf(messages), List.copyOf(beacons));
    }
}
