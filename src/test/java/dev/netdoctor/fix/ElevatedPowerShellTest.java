// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.CommandRun;
import dev.netdoctor.testing.ScriptedLinux;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the one unelevated powershell.exe is started and how its end is read. What Windows does
 * with it (the prompt, the elevated run) is tested against the stand-in in
 * {@link WindowsFirewallFixStandInTest}.
 */
class ElevatedPowerShellTest {
    private static final String COMMAND = "New-NetFirewallRule -Name 'WSLNetDoctor-TCP-5432-from-WSL' -InterfaceAlias 'vEthernet (WSL) \u00e9'";
    private static final List<String> EXE = List.of("C:\\PS\\powershell.exe");

    private static CommandRun ended(int exit, String stdout, boolean timedOut, boolean notFound) {
        return new CommandRun(EXE, exit, stdout, "", 10, timedOut, false, notFound);
    }

    private static ElevatedPowerShell with(CommandRun run, ScriptedLinux windows) {
        windows.answerArgvStartingWith(EXE, run);
        return new ElevatedPowerShell(windows, EXE.getFirst(), Duration.ofSeconds(120));
    }

    @Test
    void oneUnelevatedPowerShellAsksForTheElevatedOneWithTheCommandEncodedExactly() {
        List<String> argv = new ElevatedPowerShell(new ScriptedLinux(), "powershell.exe", Duration.ofSeconds(120)).argv(COMMAND);
        assertThat(argv.subList(0, 4)).containsExactly("powershell.exe", "-NoProfile", "-NonInteractive", "-Command");
        String script = argv.get(4);
        assertThat(script).startsWith("$p = $null; try { $p = Start-Process -FilePath powershell.exe -Verb RunAs -Wait -PassThru"
                + " -ErrorAction Stop -ArgumentList '-NoProfile','-NonInteractive','-EncodedCommand','")
                .endsWith(" catch { Write-Output $_.Exception.Message }; if ($p) { exit $p.ExitCode }; exit 3").doesNotContain("\"");
        String encoded = script.replaceAll("(?s).*'-EncodedCommand','([A-Za-z0-9+/=]+)'.*", "$1");
        assertThat(ElevatedPowerShell.decode(encoded)).isEqualTo(COMMAND);
        assertThat(ElevatedPowerShell.encode("a")).isEqualTo("YQA="); // UTF-16LE, as PowerShell's own -EncodedCommand
    }

    @Test
    void exitCodeZeroIsDoneAndTheWaitIsTheGenerousOne() throws Exception {
        ScriptedLinux windows = new ScriptedLinux();
        assertThat(with(ended(0, "", false, false), windows).run(COMMAND, "undo")).isEmpty();
        assertThat(windows.askedArgv).hasSize(1);
        assertThat(ElevatedPowerShell.PROMPT_LIMIT).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aDeclinedPromptSaysWhyInPowerShellsWords() throws Exception {
        String why = "This command cannot be run due to the error: The operation was canceled by the user.";
        assertThat(with(ended(3, why + "\r\n", false, false), new ScriptedLinux()).run(COMMAND, "undo")).contains(why);
        assertThat(with(ended(3, "", false, false), new ScriptedLinux()).run(COMMAND, "undo")).contains("the prompt was declined");
    }

    @Test
    void aPromptLeftOpenPastTheLimitNamesTheUndoSinceALateYesStillChangesIt() {
        assertThatThrownBy(() -> with(ended(-1, "", true, false), new ScriptedLinux()).run(COMMAND, "Remove-NetFirewallRule -Name 'X'"))
                .isInstanceOf(FixException.class).hasMessageContaining("not answered within 120 s")
                .hasMessageContaining("Remove-NetFirewallRule -Name 'X'");
    }

    @Test
    void aFailedCommandOrNoPowerShellIsAnError() {
        assertThatThrownBy(() -> with(ended(1, "", false, false), new ScriptedLinux()).run(COMMAND, "undo"))
                .isInstanceOf(FixException.class).hasMessageContaining("failed (exit code 1)");
        assertThatThrownBy(() -> with(ended(127, "", false, true), new ScriptedLinux()).run(COMMAND, "undo"))
                .isInstanceOf(FixException.class).hasMessageContaining("could not be started").hasMessageContaining(COMMAND);
    }
}
