// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding %UserProfile%\.wslconfig from inside WSL through interop, with cmd.exe and wslpath answering as they do. */
class WslConfigLocationTest {
    /** A distro whose commands answer from a script: argv's first word → (exit code, stdout). */
    private static final class Interop implements LinuxSide {
        final Set<String> commands;
        final Map<String, CommandRun> answers;
        final List<List<String>> asked = new ArrayList<>();

        Interop(Set<String> commands, Map<String, CommandRun> answers) {
            this.commands = commands;
            this.answers = answers;
        }

        @Override
        public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) {
            asked.add(argv);
            return answers.getOrDefault(argv.getFirst(), new CommandRun(argv, 127, "", "not found", 1, false, false, true));
        }

        @Override public Optional<String> readFile(String path, int maxBytes) { return Optional.empty(); }
        @Override public boolean hasCommand(String name) { return commands.contains(name); }
        @Override public Optional<String> env(String name) { return Optional.empty(); }
        @Override public String describe() { return "a fake distro"; }
    }

    private static CommandRun out(int exit, String stdout) {
        return new CommandRun(List.of("x"), exit, stdout, "", 1, false, false, false);
    }

    private static final String UNC_WARNING = "'\\\\wsl.localhost\\Ubuntu\\home\\me'\r\nCMD.EXE was started with the above path as the current directory.\r\n"
            + "UNC paths are not supported.  Defaulting to Windows directory.\r\n";

    @Test
    void cmdsWarningAboutTheLinuxFolderIsSkippedAndWslpathGivesTheLinuxPath() throws Exception {
        Interop linux = new Interop(Set.of("cmd.exe", "wslpath"), Map.of(
                "cmd.exe", out(0, UNC_WARNING + "C:\\Users\\me\r\n"),
                "wslpath", out(0, "/mnt/c/Users/me\n")));
        assertThat(WslConfigLocation.find(linux)).contains(Path.of("/mnt/c/Users/me/.wslconfig"));
        assertThat(linux.asked).containsExactly(List.of("cmd.exe", "/c", "echo", "%USERPROFILE%"), List.of("wslpath", "-u", "C:\\Users\\me"));
    }

    @Test
    void withoutCmdOnThePathItsUsualPlaceIsTried() throws Exception {
        Interop linux = new Interop(Set.of("/mnt/c/Windows/System32/cmd.exe", "wslpath"), Map.of(
                "/mnt/c/Windows/System32/cmd.exe", out(0, "D:\\Profiles\\me\r\n"),
                "wslpath", out(0, "/mnt/d/Profiles/me\n")));
        assertThat(WslConfigLocation.find(linux)).contains(Path.of("/mnt/d/Profiles/me/.wslconfig"));
    }

    @Test
    void anythingButAWindowsPathAndALinuxPathIsNoAnswer() throws Exception {
        // %USERPROFILE% not expanded (no interop environment)
        assertThat(WslConfigLocation.find(new Interop(Set.of("cmd.exe", "wslpath"), Map.of(
                "cmd.exe", out(0, "%USERPROFILE%\r\n"), "wslpath", out(0, "/mnt/c/x\n"))))).isEmpty();
        // wslpath fails, or answers something that is not a Linux path
        assertThat(WslConfigLocation.find(new Interop(Set.of("cmd.exe", "wslpath"), Map.of(
                "cmd.exe", out(0, "C:\\Users\\me\r\n"), "wslpath", out(1, "/mnt/c/Users/me\n"))))).isEmpty();
        assertThat(WslConfigLocation.find(new Interop(Set.of("cmd.exe", "wslpath"), Map.of(
                "cmd.exe", out(0, "C:\\Users\\me\r\n"), "wslpath", out(0, "wslpath: C:\\Users\\me: error\n"))))).isEmpty();
        // no wslpath, no cmd, no output
        assertThat(WslConfigLocation.find(new Interop(Set.of("cmd.exe"), Map.of("cmd.exe", out(0, "C:\\Users\\me\r\n"))))).isEmpty();
        assertThat(WslConfigLocation.find(new Interop(Set.of("wslpath"), Map.of()))).isEmpty();
        assertThat(WslConfigLocation.find(new Interop(Set.of("cmd.exe", "wslpath"), Map.of("cmd.exe", out(0, "\r\n  \r\n"))))).isEmpty();
    }

    @Test
    void theLastNonEmptyLineIsTheAnswer() {
        assertThat(WslConfigLocation.lastLine("warning\r\n  C:\\Users\\me  \r\n\r\n")).contains("C:\\Users\\me");
        assertThat(WslConfigLocation.lastLine("")).isEmpty();
    }
}
