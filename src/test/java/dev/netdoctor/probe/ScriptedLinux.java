// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Linux side that answers commands from a script, keyed by the command line, and remembers
 * what it was asked. Nothing runs and nothing leaves this computer; a command that is not in
 * the script fails as a missing program would.
 */
final class ScriptedLinux implements LinuxSide {
    private final Map<String, CommandRun> answers = new LinkedHashMap<>();
    private final Map<String, CommandRun> byStart = new LinkedHashMap<>();
    private final Set<String> commands;
    private boolean distro;
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    ScriptedLinux(String... commands) {
        this.commands = Set.of(commands);
    }

    /** {@code commandLine} prints {@code stdout} and succeeds. */
    ScriptedLinux answer(String commandLine, String stdout) {
        answers.put(commandLine, run(commandLine, 0, stdout, ""));
        return this;
    }

    /** {@code commandLine} is stopped at its time limit after printing {@code stdout}. */
    ScriptedLinux timeOut(String commandLine, String stdout) {
        answers.put(commandLine, new CommandRun(List.of(commandLine.split(" ")), -1, stdout, "", 5000, true, false, false));
        return this;
    }

    /** Any command line that starts with {@code start} prints {@code stdout} and succeeds. */
    ScriptedLinux answerStartingWith(String start, String stdout) {
        byStart.put(start, run(start, 0, stdout, ""));
        return this;
    }

    /** A WSL distro reached from Windows: not the machine the app runs on. */
    ScriptedLinux asDistro() {
        distro = true;
        return this;
    }

    /** {@code commandLine} fails with {@code exitCode}, printing {@code stderr}. */
    ScriptedLinux fail(String commandLine, int exitCode, String stderr) {
        answers.put(commandLine, run(commandLine, exitCode, "", stderr));
        return this;
    }

    private static CommandRun run(String commandLine, int exitCode, String stdout, String stderr) {
        return new CommandRun(List.of(commandLine.split(" ")), exitCode, stdout, stderr, 3, false, false, false);
    }

    @Override
    public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) {
        String line = String.join(" ", argv);
        asked.add(line);
        CommandRun scripted = answers.get(line);
        if (scripted == null) {
            scripted = byStart.entrySet().stream().filter(e -> line.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return scripted != null ? scripted : new CommandRun(argv, 127, "", "not scripted: " + line, 1, false, false, true);
    }

    @Override public Optional<String> readFile(String path, int maxBytes) { return Optional.empty(); }
    @Override public boolean hasCommand(String name) { return commands.contains(name); }
    @Override public Optional<String> env(String name) { return Optional.empty(); }
    @Override public String describe() { return distro ? "WSL distro Scripted" : "a scripted Linux"; }
    @Override public dev.netdoctor.host.Standpoint standpoint() { return distro ? dev.netdoctor.host.Standpoint.WINDOWS : dev.netdoctor.host.Standpoint.THIS_LINUX; }
}
