// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's --help as a help desk reads it. Picocli formats descriptions with
 * String.format, so a bare '%' (as in %UserProfile%) made it print a "[picocli WARN]" to the
 * console's stderr and show the text unformatted; and the command lists show only the first line
 * of a description, so that line has to be a whole sentence.
 */
class CliHelpTest {

    @Test
    void everyCommandsHelpRendersWithoutAWarning() {
        PrintStream realErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> rendered = new ArrayList<>();
        try {
            // picocli's tracer writes its warnings to System.err, not to the command's err writer.
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            for (List<String> path : commandPaths()) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
                assertThat(exit).as("exit of %s", args).isZero();
                assertThat(err.toString()).as("stderr of %s", args).isEmpty();
                rendered.add(out.toString());
            }
        } finally {
            System.setErr(realErr);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).as("what picocli printed to the console").isEmpty();
        assertThat(rendered).allSatisfy(help -> assertThat(help).doesNotContain("%n").doesNotContain("%%"));
        assertThat(String.join("\n", rendered)).contains("%UserProfile%\\.wslconfig");
    }

    @Test
    void theFirstLineOfEveryDescriptionIsAWholeSentence() {
        CommandLine root = new CommandLine(new Cli());
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        assertThat(all).hasSizeGreaterThan(8);
        for (CommandLine command : all) {
            String[] description = command.getCommandSpec().usageMessage().description();
            if (command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue; // picocli's own
            }
            assertThat(description).as("description of %s", command.getCommandName()).isNotEmpty();
            assertThat(description[0]).as("first line of %s", command.getCommandName()).endsWith(".");
        }
    }

    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.of());
        walk(new CommandLine(new Cli()), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            paths.add(next);
            walk(sub.getValue(), next, paths);
        }
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    /** The hint after a usage error names the whole command, so it runs as written. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "bogus|Try 'wsl-net-doctor --help'.",
            "fix ssh-ipqos|Try 'wsl-net-doctor fix ssh-ipqos --help'.",
            "fix wsl-networking-mode --mode sideways|Try 'wsl-net-doctor fix wsl-networking-mode --help'.",
            "diagnose --target|Try 'wsl-net-doctor diagnose --help'."})
    void theHintAfterAUsageErrorRunsAsWritten(String args, String hint) {
        CliRun r = CliRun.of(args.split(" "));
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().lines().toList()).last().isEqualTo(hint);
    }

    /** What the commands log goes to the run log only: no library INFO line in a script's stderr. */
    @Test
    void commandsLogToTheirFileNotToTheConsole(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state) {
        String before = System.getProperty("netdoctor.stateDir");
        System.setProperty("netdoctor.stateDir", state.toString());
        try {
            Cli.logToFileOnly();
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            assertThat(root.getHandlers()).noneMatch(h -> h instanceof java.util.logging.ConsoleHandler)
                    .anyMatch(h -> h instanceof java.util.logging.FileHandler);
        } finally {
            if (before == null) {
                System.clearProperty("netdoctor.stateDir");
            } else {
                System.setProperty("netdoctor.stateDir", before);
            }
        }
    }

    /** Numbers are asked for in a user's words, not Java's ("is not an int"). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "diagnose --target 127.0.0.1 --timeout abc|'abc' is not a whole number",
            "diagnose --target 127.0.0.1 --timeout 99999999999|'99999999999' is far too large",
            "diagnose --target 127.0.0.1 -p 2x|'2x' is not a whole number"})
    void numbersAreAskedForInWords(String args, String said) {
        CliRun r = CliRun.of(args.split(" "));
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(said).doesNotContain("not an int");
    }
}
