package io.zre4j.cli;

import io.zre4j.Frames;
import io.zre4j.ZreNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code zre4j node}: a node driven by scripts. Events go to stdout, one per line (JSON with
 * {@code --json}); commands come from stdin, one per line. EOF on stdin or {@code quit} stops it politely.
 */
@Command(name = "node", versionProvider = Main.Version.class, sortOptions = false,
        header = "A scriptable node: events on stdout, commands on stdin, one per line.",
        description = {"",
            "Commands on stdin:",
            "  shout GROUP TEXT    send TEXT to a group",
            "  whisper PEER TEXT   send TEXT to one peer (PEER = name or uuid)",
            "  join GROUP          join a group",
            "  leave GROUP         leave a group",
            "  contest GROUP       take part in the group's leader election (LEADER events)",
            "  peers               list the known peers",
            "  quit                stop politely and exit (so does the end of input)",
            "A bad command is reported on stderr; the node keeps running.",
            "",
            "With --json, stdout has one JSON object per line:",
            "  READY    peer, name, endpoint (the first line)",
            "  ENTER    peer, name, headers, address",
            "  JOIN, LEAVE, LEADER           peer, name, group",
            "  SHOUT    peer, name, group, text, frames",
            "  WHISPER  peer, name, text, frames",
            "  EXIT, EVASIVE, SILENT, STOP   peer, name",
            "  PEERS    peers: [{peer, name, address, groups, headers}]  (answers 'peers')",
            "peer is a uuid (32 hex digits), text the first frame as UTF-8, frames every frame in base64. "
                    + "Logs go to stderr only.",
            ""})
final class NodeCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Option(names = "--json", order = -10, description = "JSON lines on stdout (default: readable text).")
    private boolean json;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        common.apply();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeOutput output = json ? new JsonOutput(out) : new TextOutput(out);
        try (ZreNode node = options.newNode(builder -> builder)) {
            node.start();
            output.ready(node);
            EventPump pump = EventPump.start(node, output::event);
            ShutdownHook hook = ShutdownHook.install(pump::stopNode);
            try {
                InputLoop.run(main.stdin(), err, line -> NodeRequest.parse(line)
                        .map(request -> execute(node, request, output)).orElse(true));
                pump.stopNode();
            } finally {
                hook.remove();
            }
        }
        return 0;
    }

    /** Executes one request; false for {@code quit}. */
    private static boolean execute(ZreNode node, NodeRequest request, NodeOutput output) {
        if (request instanceof NodeRequest.Shout shout) {
            node.shout(shout.group(), Frames.ofText(shout.text()));
        } else if (request instanceof NodeRequest.Whisper whisper) {
            node.whisper(PeerLookup.resolve(node, whisper.peer()), Frames.ofText(whisper.text()));
        } else if (request instanceof NodeRequest.Join join) {
            node.join(join.group());
        } else if (request instanceof NodeRequest.Leave leave) {
            node.leave(leave.group());
        } else if (request instanceof NodeRequest.Contest contest) {
            node.contest(contest.group());
        } else if (request instanceof NodeRequest.Peers) {
            output.peers(PeerInfo.of(node));
        } else {
            return false;
        }
        return true;
    }
}
