// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.testing;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.Standpoint;
import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Linux side that answers commands from a script and remembers what it was asked: the shared
 * fake for tests of code that runs commands (probes, host lookups). Nothing runs and nothing leaves
 * this computer. An answer is found by the whole command line first, then by the first scripted
 * start of the command line, then by the first scripted argv prefix; a command that is not in the
 * script fails as a missing program would (exit 127).
 *
 * <p>What it models: the argv a command was run with, its exit code, output, and whether it hit
 * its time limit; the programs on PATH ({@link #hasCommand}); text files ({@link #file}); and
 * where the app stands towards it ({@link #asDistro()}: {@link Standpoint#WINDOWS}).
 *
 * <p>What it does not model: time (answers come at once, whatever the time limit), stdin (read by
 * nobody), environment variables (always empty), and what only a real distro behind wsl.exe can
 * do: {@link #throughWsl()} stays empty even {@link #asDistro() as a distro}, because running as
 * root, telling our own processes and reading versions are wsl.exe's work. Tests of those go
 * through the stand-in wsl.exe and a real {@code WslLinuxSide}.
 */
public final class ScriptedLinux implements LinuxSide {
    private final Map<String, CommandRun> answers = new LinkedHashMap<>();
    private final Map<String, CommandRun> byStart = new LinkedHashMap<>();
    private final Map<List<String>, CommandRun> byArgvPrefix = new LinkedHashMap<>();
    private final Map<String, String> files = new HashMap<>();
    private final Set<String> commands;
    private boolean distro;
    /** Every command line asked, arguments joined by spaces, in order. */
    public final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    /** Every argv asked, as given, in order. */
    public final List<List<String>> askedArgv = Collections.synchronizedList(new ArrayList<>());

    /** A Linux with {@code commands} on its PATH and nothing scripted yet. */
    public ScriptedLinux(String... commands) {
        this.commands = Set.of(commands);
    }

    /** {@code commandLine} prints {@code stdout} and succeeds. */
    public ScriptedLinux answer(String commandLine, String stdout) {
        answers.put(commandLine, run(commandLine, 0, stdout, ""));
        return this;
    }

    /** {@code commandLine} is stopped at its time limit after printing {@code stdout}. */
    public ScriptedLinux timeOut(String commandLine, String stdout) {
        answers.put(commandLine, new CommandRun(List.of(commandLine.split(" ")), -1, stdout, "", 5000, true, false, false));
        return this;
    }

    /** Any command line that starts with {@code start} (as text) prints {@code stdout} and succeeds. */
    public ScriptedLinux answerStartingWith(String start, String stdout) {
        byStart.put(start, run(start, 0, stdout, ""));
        return this;
    }

    /** Any argv whose first elements are {@code prefix} ends as {@code run} says (its argv is not checked). */
    public ScriptedLinux answerArgvStartingWith(List<String> prefix, CommandRun run) {
        byArgvPrefix.put(List.copyOf(prefix), run);
        return this;
    }

    /** {@code commandLine} fails with {@code exitCode}, printing {@code stderr}. */
    public ScriptedLinux fail(String commandLine, int exitCode, String stderr) {
        answers.put(commandLine, run(commandLine, exitCode, "", stderr));
        return this;
    }

    /** {@code path} reads as {@code text}; a file not given does not exist. */
    public ScriptedLinux file(String path, String text) {
        files.put(path, text);
        return this;
    }

    /** A WSL distro reached from Windows: not the machine the app runs on (see the class comment for what is left out). */
    public ScriptedLinux asDistro() {
        distro = true;
        return this;
    }

    private static CommandRun run(String commandLine, int exitCode, String stdout, String stderr) {
        return new CommandRun(List.of(commandLine.split(" ")), exitCode, stdout, stderr, 3, false, false, false);
    }

    @Override
    public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) {
        String line = String.join(" ", argv);
        asked.add(line);
        askedArgv.add(List.copyOf(argv));
        CommandRun scripted = answers.get(line);
        if (scripted == null) {
            scripted = byStart.entrySet().stream().filter(e -> line.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (scripted == null) {
            scripted = byArgvPrefix.entrySet().stream()
                    .filter(e -> argv.size() >= e.getKey().size() && argv.subList(0, e.getKey().size()).equals(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return scripted != null ? scripted : new CommandRun(argv, 127, "", "not scripted: " + line, 1, false, false, true);
    }

    @Override public Optional<String> readFile(String path, int maxBytes) { return Optional.ofNullable(files.get(path)); }
    @Override public boolean hasCommand(String name) { return commands.contains(name); }
    @Override public Optional<String> env(String name) { return Optional.empty(); }
    @Override public String describe() { return distro ? "WSL distro Scripted" : "a scripted Linux"; }
    @Override public Standpoint standpoint() { return distro ? Standpoint.WINDOWS : Standpoint.THIS_LINUX; }
}
