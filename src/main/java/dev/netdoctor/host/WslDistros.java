// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finding and opening the WSL distro to diagnose, from Windows: is wsl.exe there, which distros
 * exist, which one to use, is it WSL 2, does it start. Each way this fails is a
 * {@link WslUnavailableException} whose message says what to do; the CLI and the wizard show it.
 */
public final class WslDistros {
    private static final Duration LIST_LIMIT = Duration.ofSeconds(20);

    private WslDistros() {
    }

    /**
     * Windows' own wsl.exe, by its full path: a bare "wsl.exe" is looked for in the app's folder
     * and the current folder before System32, so any wsl.exe lying there would be run instead.
     */
    public static String defaultWslExe() {
        String root = System.getenv("SystemRoot");
        if (root != null && !root.isBlank()) {
            java.nio.file.Path system = java.nio.file.Path.of(root, "System32", "wsl.exe");
            if (java.nio.file.Files.isRegularFile(system)) {
                return system.toString();
            }
        }
        return "wsl.exe";
    }

    /** The distros wsl.exe lists; fails when there is no wsl.exe or no distro. */
    public static List<WslDistro> list(String wslExe) throws WslUnavailableException, InterruptedException {
        LocalLinuxSide windows = new LocalLinuxSide(LinuxSide.DEFAULT_OUTPUT_CAP, Map.of("WSL_UTF8", "1"), WslText::decode);
        if (!windows.hasCommand(wslExe)) {
            throw new WslUnavailableException("WSL is not installed here (no " + wslExe + "). Install it with \"wsl --install\" "
                    + "in an administrator PowerShell, or give its location with --wsl-exe.");
        }
        CommandRun r = windows.run(List.of(wslExe, "-l", "-v"), LIST_LIMIT);
        List<WslDistro> distros = r.succeeded() ? WslDistro.parseList(r.stdout()) : List.of();
        if (distros.isEmpty()) {
            String said = oneLine(r.stdout() + " " + r.stderr());
            throw new WslUnavailableException("WSL has no Linux distro installed. Install one, e.g. \"wsl --install -d Ubuntu\"."
                    + (said.isEmpty() ? "" : " (wsl.exe says: " + said + ")"));
        }
        return distros;
    }

    /**
     * Opens the distro named {@code wanted} (the default when null or blank) and starts it.
     *
     * @param progress told when a stopped distro has to start first, which takes a while
     */
    public static WslLinuxSide open(String wslExe, String wanted, Consumer<String> progress)
            throws WslUnavailableException, InterruptedException {
        return open(wslExe, wanted, true, progress);
    }

    /**
     * @param wsl2Only whether a WSL 1 distro is refused: what we diagnose and fix happens in WSL 2
     *                 only, but an undo must work wherever a fix was made
     */
    public static WslLinuxSide open(String wslExe, String wanted, boolean wsl2Only, Consumer<String> progress)
            throws WslUnavailableException, InterruptedException {
        var strict = WindowsCommandLine.unsupportedReason();
        if (strict.isPresent()) {
            throw new WslUnavailableException(strict.get());
        }
        String name = wanted == null || wanted.isBlank() ? null : wanted.strip();
        // What does not depend on the list runs beside it: wsl.exe's versions, and a distro named
        // by the user starting (its name needs no list). Each wsl.exe call takes 0.1-0.3 s.
        WslLinuxSide.Ahead ahead = new WslLinuxSide.Ahead(wslExe);
        WslLinuxSide early = name == null ? null : new WslLinuxSide(wslExe, name, ahead);
        java.util.concurrent.FutureTask<Optional<String>> starting = early == null ? null
                : new java.util.concurrent.FutureTask<>(early::startProblem);
        if (starting != null) {
            Thread.ofPlatform().daemon().name("wsl-start").start(starting);
        }
        boolean opened = false;
        try {
            List<WslDistro> distros = list(wslExe);
            WslDistro distro = WslDistro.choose(distros, name).orElseThrow(() -> new WslUnavailableException(
                    (name == null ? "No default WSL distro is set" : "There is no WSL distro named " + name) + "; installed: "
                            + String.join(", ", distros.stream().map(WslDistro::name).toList()) + ". Choose one with --wsl NAME."));
            if (wsl2Only && distro.version() == 1) {
                throw new WslUnavailableException("The distro " + distro.name() + " runs WSL 1, which shares Windows' network: these "
                        + "problems happen only in WSL 2. Convert it with \"wsl --set-version " + distro.name() + " 2\".");
            }
            if (!distro.running()) {
                progress.accept("The distro " + distro.name() + " is not running; WSL starts it for the checks (this can take a few seconds).");
            }
            // The name exactly as listed: the one started early only when the user wrote it so.
            WslLinuxSide side = early != null && early.distro().equals(distro.name()) ? early
                    : new WslLinuxSide(wslExe, distro.name(), ahead);
            if (early != null && side != early) {
                starting.cancel(true);
                early.close();
            }
            Optional<String> problem = side == early ? startedProblem(starting) : side.startProblem();
            if (problem.isPresent()) {
                side.close();
                throw new WslUnavailableException(problem.get());
            }
            opened = true;
            return side;
        } finally {
            if (!opened) {
                ahead.cancel();
                if (early != null) {
                    starting.cancel(true);
                    early.close();
                }
            }
        }
    }

    /** What the start begun beside the list said; it is bounded by the start's own limit. */
    private static Optional<String> startedProblem(java.util.concurrent.FutureTask<Optional<String>> starting)
            throws InterruptedException {
        try {
            return starting.get(WslLinuxSide.START_LIMIT.plusSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            return Optional.of("The WSL distro could not be started: " + cause);
        } catch (java.util.concurrent.TimeoutException e) {
            starting.cancel(true);
            return Optional.of("The WSL distro did not start within " + WslLinuxSide.START_LIMIT.toSeconds() + " s.");
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
