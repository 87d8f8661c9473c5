package io.zre4j.cli;

import io.zre4j.ZreConfig;
import io.zre4j.ZreNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code zre4j chat}: Pyre's chat example. Joins a group, shouts every line typed, prints what others shout
 * and whisper; {@code /w PEER text} whispers, {@code /peers} lists peers, Ctrl-D leaves politely.
 */
@Command(name = "chat", versionProvider = Main.Version.class, sortOptions = false,
        header = "Chat with everyone in a group, like Pyre's chat example.",
        description = {"",
            "Joins the chat group (the first --group, default CHAT) and shouts every line you type; prints what "
                    + "others shout and whisper.",
            "  /w PEER text   whisper to one peer (PEER = name or uuid)",
            "  /peers         list the peers",
            "  /quit, Ctrl-D  leave politely",
            ""})
final class ChatCommand implements Callable<Integer> {

    /** The group Pyre's chat example uses. */
    static final String DEFAULT_GROUP = "CHAT";

    private static final String HELP = "type to shout to %s; /w PEER text to whisper; /peers; /quit or Ctrl-D to leave";

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        common.apply();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String group = options.firstGroup().orElse(DEFAULT_GROUP);
        try (ZreNode node = options.newNode(builder -> {
            if (!options.hasName()) {
                builder.name(defaultName());
            }
            return builder.group(group);
        })) {
            node.start();
            ChatView view = new ChatView(node.uuid(), group, out);
            view.say("* you are " + node.name() + " [" + node.uuid() + "] in " + group + ": " + String.format(HELP, group));
            EventPump pump = EventPump.start(node, view::show);
            ShutdownHook hook = ShutdownHook.install(pump::stopNode);
            try {
                InputLoop.run(main.stdin(), err, line -> handle(node, group, line, view));
                pump.stopNode();
            } finally {
                hook.remove();
            }
        }
        return 0;
    }

    /** The login name when it makes a valid ZRE name, else "chat" (a node name needs 1 to 255 bytes). */
    private static String defaultName() {
        String user = System.getProperty("user.name", "");
        int bytes = user.getBytes(StandardCharsets.UTF_8).length;
        return bytes > 0 && bytes <= ZreConfig.MAX_SHORT_STRING_BYTES && user.strip().equals(user) ? user : "chat";
    }

    /** Handles one typed line; false to leave. */
    private static boolean handle(ZreNode node, String group, String line, ChatView view) {
        String text = line.strip();
        if (text.isEmpty()) {
            return true;
        }
        if (!text.startsWith("/")) {
            node.shouts(group, "%s", line);
            return true;
        }
        String[] words = text.split("\\s+", 3);
        switch (words[0]) {
            case "/w", "/whisper" -> {
                if (words.length < 3) {
                    throw new IllegalArgumentException("usage: /w PEER text");
                }
                node.whispers(PeerLookup.resolve(node, words[1]), "%s", words[2]);
            }
            case "/peers" -> {
                List<PeerInfo> peers = PeerInfo.of(node);
                view.say("* " + peers.size() + (peers.size() == 1 ? " peer" : " peers"));
                peers.forEach(peer -> view.say("  " + peer.describe()));
            }
            case "/help" -> view.say("* " + String.format(HELP, group));
            case "/quit", "/exit" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("unknown command " + words[0] + "; " + String.format(HELP, group));
        }
        return true;
    }
}
