package io.zre4j.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options every command has: {@code --verbose}, {@code --help} and {@code --version}. Logs always go to stderr (see
 * {@code simplelogger.properties}): stdout carries only the command's own output.
 */
final class CommonOptions {

    private static final String VERBOSE = "--verbose";
    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Option(names = {"-v", VERBOSE}, order = 90, description = "Debug logging on stderr.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 91, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, order = 92, description = "Print the version and exit.")
    private boolean version;

    /**
     * Applies the choice. slf4j-simple reads its level once, when the first logger is made, so commands call
     * this before they build a node; a system property is the only knob it offers.
     */
    void apply() {
        if (verbose) {
            System.setProperty(LEVEL_PROPERTY, "debug");
        }
    }

    /** Whether the innermost command on this command line was given {@code --verbose}. */
    static boolean requested(ParseResult parsed) {
        ParseResult innermost = parsed;
        while (innermost.hasSubcommand()) {
            innermost = innermost.subcommand();
        }
        return innermost.hasMatchedOption(VERBOSE);
    }
}
