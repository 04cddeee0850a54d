// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where {@code %UserProfile%\.wslconfig} is: on Windows, in the user's profile; inside WSL,
 * found through interop (Windows' cmd.exe expands %USERPROFILE%, wslpath turns it into a
 * Linux path). Elsewhere there is none, and the user must say where it is.
 */
public final class WslConfigLocation {
    private static final Duration CALL = Duration.ofSeconds(8);
    private static final List<String> CMD = List.of("cmd.exe", "/mnt/c/Windows/System32/cmd.exe");

    private WslConfigLocation() {
    }

    public static Optional<Path> find(LinuxSide linux) throws InterruptedException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows")) {
            String profile = System.getenv("USERPROFILE");
            return profile == null ? Optional.empty() : Optional.of(Path.of(profile, ".wslconfig"));
        }
        for (String cmd : CMD) {
            if (!linux.hasCommand(cmd) || !linux.hasCommand("wslpath")) {
                continue;
            }
            CommandRun echo = linux.run(List.of(cmd, "/c", "echo", "%USERPROFILE%"), CALL);
            Optional<String> windowsPath = lastLine(echo.stdout()).filter(p -> p.matches("[A-Za-z]:\\\\.*"));
            if (windowsPath.isEmpty()) {
                continue;
            }
            CommandRun unix = linux.run(List.of("wslpath", "-u", windowsPath.get()), CALL);
            Optional<String> linuxPath = lastLine(unix.stdout()).filter(p -> p.startsWith("/"));
            if (unix.succeeded() && linuxPath.isPresent()) {
                return Optional.of(Path.of(linuxPath.get(), ".wslconfig"));
            }
        }
        return Optional.empty();
    }

    /** cmd.exe prints a warning about the Linux working folder first; the answer is the last line. */
    static Optional<String> lastLine(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.getLast());
    }
}
