// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one PowerShell command with administrator rights, the way Windows lets a program of the
 * user's do it: this process starts one ordinary {@code powershell.exe}, which asks Windows to
 * start an elevated one ({@code Start-Process -Verb RunAs}); Windows shows its administrator
 * prompt (UAC), and only a yes there runs the command. We never see a password and never run
 * elevated ourselves. Callers must have the user's yes to the change before calling.
 *
 * <p>The command travels as {@code -EncodedCommand} (Base64 of UTF-16LE, PowerShell's own
 * format), so no quoting of ours or of Windows' command line can change a character of it: the
 * elevated PowerShell runs exactly the text the user was shown. The elevated window's output
 * cannot be read by an unelevated parent, so its exit code is all that comes back; the caller
 * reads the result back itself.
 */
public final class ElevatedPowerShell {
    /**
     * How long the user has to answer Windows' prompt and the command to run. Generous, since
     * the prompt waits for a person; past it we stop waiting, but the prompt may stay open.
     */
    public static final Duration PROMPT_LIMIT = Duration.ofSeconds(120);

    /**
     * What the outer PowerShell exits with when Windows did not start the elevated one (its prompt
     * declined). Not Windows' ERROR_CANCELLED (1223): a code that fits one byte reads the same
     * wherever a process's exit code is kept in one (the tests' stand-in runs on Linux), and the
     * elevated command itself only ever ends with PowerShell's 0 or 1.
     */
    public static final int DECLINED = 3;

    private final LinuxSide computer;
    private final String exe;
    private final Duration limit;

    /**
     * @param computer this computer (Windows), where powershell.exe runs
     * @param exe      the powershell.exe to start
     * @param limit    how long to wait for the prompt and the command together
     */
    public ElevatedPowerShell(LinuxSide computer, String exe, Duration limit) {
        this.computer = Objects.requireNonNull(computer, "computer");
        this.exe = Objects.requireNonNull(exe, "exe");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** PowerShell's {@code -EncodedCommand} form of {@code command}: Base64 of its UTF-16LE bytes. */
    public static String encode(String command) {
        return Base64.getEncoder().encodeToString(command.getBytes(StandardCharsets.UTF_16LE));
    }

    /** The text {@code -EncodedCommand} carries, back as PowerShell reads it. */
    public static String decode(String encoded) {
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE);
    }

    /**
     * What the unelevated PowerShell runs: start the elevated one, wait for it, and exit with its
     * exit code ({@code Start-Process -Wait} alone does not pass it on; {@code -PassThru} gives the
     * process). When Windows does not start it (the prompt answered No, or an administrator's
     * policy that refuses elevation), Start-Process fails: its message goes to stdout and the exit
     * code is {@value #DECLINED}. No double quote appears in it: Java joins argv
     * into one Windows command line without escaping them.
     */
    static String script(String command) {
        return "$p = $null; try { $p = Start-Process -FilePath powershell.exe -Verb RunAs -Wait -PassThru -ErrorAction Stop"
                + " -ArgumentList '-NoProfile','-NonInteractive','-EncodedCommand','" + encode(command) + "' }"
                + " catch { Write-Output $_.Exception.Message }; if ($p) { exit $p.ExitCode }; exit " + DECLINED;
    }

    /** The one unelevated process this starts, as an argv list. */
    public List<String> argv(String command) {
        return List.of(exe, "-NoProfile", "-NonInteractive", "-Command", script(command));
    }

    /**
     * Runs {@code command} elevated and returns once it ended.
     *
     * @param undo what takes the change back, named in the message when we stop waiting while the
     *             prompt may still be open (a late yes still makes the change)
     * @return empty when it ran and succeeded; else why Windows did not run it (the prompt was
     *         declined, by the user or by policy), in PowerShell's words: nothing ran, nothing changed
     * @throws FixException it could not be started, did not finish in time, or failed
     */
    public Optional<String> run(String command, String undo) throws FixException, InterruptedException {
        CommandRun r = computer.run(argv(command), limit);
        String said = (r.stdout() + " " + r.stderr()).strip();
        if (r.notFound()) {
            throw new FixException("PowerShell (" + exe + ") could not be started, so nothing was changed. In PowerShell run as"
                    + " administrator, run: " + command);
        }
        if (r.timedOut()) {
            throw new FixException("Windows' administrator prompt was not answered within " + limit.toSeconds() + " s, so we stopped"
                    + " waiting and recorded nothing. If the prompt is still open, choose No there. If Yes is chosen, the change is made"
                    + " after all; to take it back, run in PowerShell run as administrator: " + undo);
        }
        if (r.exitCode() == DECLINED) {
            return Optional.of(said.isEmpty() ? "the prompt was declined" : said);
        }
        if (r.exitCode() != 0) {
            throw new FixException("The command run as administrator failed (exit code " + r.exitCode() + ")"
                    + (said.isEmpty() ? "" : ": " + said) + ". Nothing is known to have changed; the rules are read again before any"
                    + " other change.");
        }
        return Optional.empty();
    }
}
