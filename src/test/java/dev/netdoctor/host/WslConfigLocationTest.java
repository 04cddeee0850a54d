// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;
import dev.netdoctor.testing.ScriptedLinux;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding %UserProfile%\.wslconfig from inside WSL through interop, with cmd.exe and wslpath answering as they do. */
class WslConfigLocationTest {
    /** A distro whose commands answer from a script: argv's first word → (exit code, stdout). */
    private static ScriptedLinux interop(Set<String> commands, Map<String, CommandRun> answers) {
        ScriptedLinux linux = new ScriptedLinux(commands.toArray(String[]::new));
        answers.forEach((program, run) -> linux.answerArgvStartingWith(List.of(program), run));
        return linux;
    }

    private static CommandRun out(int exit, String stdout) {
        return new CommandRun(List.of("x"), exit, stdout, "", 1, false, false, false);
    }

    private static final String UNC_WARNING = "'\\\\wsl.localhost\\Ubuntu\\home\\me'\r\nCMD.EXE was started with the above path as the current directory.\r\n"
            + "UNC paths are not supported.  Defaulting to Windows directory.\r\n";

    @Test
    void cmdsWarningAboutTheLinuxFolderIsSkippedAndWslpathGivesTheLinuxPath() throws Exception {
        ScriptedLinux linux = interop(Set.of("cmd.exe", "wslpath"), Map.of(
                "cmd.exe", out(0, UNC_WARNING + "C:\\Users\\me\r\n"),
                "wslpath", out(0, "/mnt/c/Users/me\n")));
        assertThat(WslConfigLocation.find(linux)).contains(Path.of("/mnt/c/Users/me/.wslconfig"));
        assertThat(linux.askedArgv).containsExactly(List.of("cmd.exe", "/c", "echo", "%USERPROFILE%"), List.of("wslpath", "-u", "C:\\Users\\me"));
    }

    @Test
    void withoutCmdOnThePathItsUsualPlaceIsTried() throws Exception {
        ScriptedLinux linux = interop(Set.of("/mnt/c/Windows/System32/cmd.exe", "wslpath"), Map.of(
                "/mnt/c/Windows/System32/cmd.exe", out(0, "D:\\Profiles\\me\r\n"),
                "wslpath", out(0, "/mnt/d/Profiles/me\n")));
        assertThat(WslConfigLocation.find(linux)).contains(Path.of("/mnt/d/Profiles/me/.wslconfig"));
    }

    @Test
    void anythingButAWindowsPathAndALinuxPathIsNoAnswer() throws Exception {
        // %USERPROFILE% not expanded (no interop environment)
        assertThat(WslConfigLocation.find(interop(Set.of("cmd.exe", "wslpath"), Map.of(
                "cmd.exe", out(0, "%USERPROFILE%\r\n"), "wslpath", out(0, "/mnt/c/x\n"))))).isEmpty();
        // wslpath fails, or answers something that is not a Linux path
        assertThat(WslConfigLocation.find(interop(Set.of("cmd.exe", "wslpath"), Map.of(
                "cmd.exe", out(0, "C:\\Users\\me\r\n"), "wslpath", out(1, "/mnt/c/Users/me\n"))))).isEmpty();
        assertThat(WslConfigLocation.find(interop(Set.of("cmd.exe", "wslpath"), Map.of(
                "cmd.exe", out(0, "C:\\Users\\me\r\n"), "wslpath", out(0, "wslpath: C:\\Users\\me: error\n"))))).isEmpty();
        // no wslpath, no cmd, no output
        assertThat(WslConfigLocation.find(interop(Set.of("cmd.exe"), Map.of("cmd.exe", out(0, "C:\\Users\\me\r\n"))))).isEmpty();
        assertThat(WslConfigLocation.find(interop(Set.of("wslpath"), Map.of()))).isEmpty();
        assertThat(WslConfigLocation.find(interop(Set.of("cmd.exe", "wslpath"), Map.of("cmd.exe", out(0, "\r\n  \r\n"))))).isEmpty();
    }

    @Test
    void theLastNonEmptyLineIsTheAnswer() {
        assertThat(WslConfigLocation.lastLine("warning\r\n  C:\\Users\\me  \r\n\r\n")).contains("C:\\Users\\me");
        assertThat(WslConfigLocation.lastLine("")).isEmpty();
    }
}
