// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.Words;
import dev.netdoctor.session.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The command-line face of the engine: {@code wsl-net-doctor diagnose …}. */
@Command(name = "wsl-net-doctor", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        description = "Finds why networking from WSL2 fails, and explains it in plain words.",
        subcommands = {DiagnoseCommand.class, CheckConfigCommand.class, ReportCommand.class, FixCommand.class, UndoCommand.class, RestartWslCommand.class,
                WindowsFactsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no problem found (fix: done, or nothing to do)", "1:a problem was found (fix: refused, rolled back)",
                "2:bad usage or input", "3:the run could not complete"})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        logToFileOnly();
        System.exit(run(args, stdout(args, System.out, System.out.charset()), new PrintWriter(System.err, true)));
    }

    /**
     * Where the output goes, in which encoding. A JSON document on stdout is always UTF-8 (RFC
     * 8259 §8.1: JSON between systems is UTF-8), whatever the console's code page or the locale:
     * under the C locale, or on Windows with its output redirected to a file (the ANSI code page),
     * Java's stdout turned "→" and "…" in adapter names and findings into "?" for every script and
     * help desk that read it. Text for people follows the console's own encoding.
     */
    static PrintWriter stdout(String[] args, java.io.OutputStream out, java.nio.charset.Charset console) {
        boolean json = java.util.Arrays.stream(args).anyMatch(a -> a.equals("--json"));
        return new PrintWriter(new java.io.OutputStreamWriter(out, json ? java.nio.charset.StandardCharsets.UTF_8 : console), true);
    }

    /**
     * Every command's log goes to its run log, not to the console: without this, Java's default
     * handler printed libraries' INFO lines, time-stamped, into a script's stderr (check-config,
     * fix, undo). diagnose starts its own log again, on the console too with --verbose.
     */
    static void logToFileOnly() {
        dev.netdoctor.log.RunLog.start("cli", false);
    }

    /**
     * The installers' AOT cache is recorded by one training run of the wizard's launcher
     * (packaging/DistSteps.java); with -Dnetdoctor.aotTrainCli=true that run first does a whole
     * CLI diagnosis, so the cache also holds what the command line loads and links (picocli,
     * the probes, JSch, Jackson). Not the PDF report: its classes would double the cache for a
     * step few runs take. Only this computer is checked: the target is 127.0.0.1 on a port
     * nothing listens on, so no packet leaves the machine.
     */
    public static void trainForAotCache() {
        PrintWriter nowhere = new PrintWriter(java.io.Writer.nullWriter());
        run(new String[]{"diagnose", "--target", "127.0.0.1:1", "--service-port", "1", "--json", "--quiet"}, nowhere, nowhere);
    }

    static Integer wholeNumber(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?[0-9]+")) {
            throw new CommandLine.TypeConversionException(Words.get("cli.notANumber", text));
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(Words.get("cli.tooLarge", text));
        }
    }

    /** The wizard could not open a window; say what to do instead. */
    public static void windowUnavailable(String reason) {
        System.err.println("wsl-net-doctor: " + Words.get("cli.noWindow", reason));
        System.err.println(Words.get("cli.noWindow.hint"));
        System.exit(ExitCodes.INCOMPLETE);
    }

    /** Runs the CLI and returns its exit status (tests call this directly). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // "'abc' is not an int" is Java's word; a user gets whole numbers.
        CommandLine.ITypeConverter<Integer> whole = Cli::wholeNumber;
        cl.registerConverter(Integer.class, whole);
        cl.registerConverter(Integer.TYPE, whole);
        cl.setParameterExceptionHandler((ex, argv) -> {
            // One clear line and the hint; the full usage only on request.
            ex.getCommandLine().getErr().println("wsl-net-doctor: " + ex.getMessage());
            // The whole command path ("wsl-net-doctor fix ssh-ipqos"): the hint must run as written.
            ex.getCommandLine().getErr().println(Words.get("cli.tryHelp", ex.getCommandLine().getCommandSpec().qualifiedName()));
            return ExitCodes.BAD_INPUT;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"WSL Net Doctor " + Version.current(), "Java " + Runtime.version()};
        }
    }
}
