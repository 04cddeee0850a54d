// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.packaging;

import dev.netdoctor.cli.Cli;
import dev.netdoctor.model.SummaryLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Intune Remediations scripts, read as text: no PowerShell runs here (the Windows job of
 * installers.yml parses them with PowerShell's own parser and runs detect.ps1 against the
 * installed CLI). What is checked here is what would go wrong silently on a fleet: syntax that
 * Windows PowerShell 5.1 (Intune's) rejects, an unbounded wait, a lost exit code, 32-bit
 * PowerShell's redirection, an encoding 5.1 misreads, a launcher that was renamed.
 */
class IntuneScriptsTest {
    static final Path DIR = Path.of("packaging/intune");
    private static final List<String> SCRIPTS = List.of("detect.ps1", "remediate.ps1");

    static String text(String script) throws IOException {
        return Files.readString(DIR.resolve(script), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * The code without its comments and with each string's content blanked (quotes kept), so a
     * check for an operator never trips over a regex or a sentence. Here-strings are not used
     * (a test below says so), which keeps this small.
     */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<' && text.startsWith("<#", i)) {
                int end = text.indexOf("#>", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'') {
                out.append('\'');
                i++;
                while (i < text.length()) {
                    if (text.charAt(i) == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (text.charAt(i) == '\'') {
                        break;
                    } else {
                        i++;
                    }
                }
                out.append('\'');
                i++;
            } else if (c == '"') {
                out.append('"');
                i++;
                while (i < text.length()) {
                    char d = text.charAt(i);
                    if (d == '`') {
                        i += 2;
                    } else if (d == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i += 2;
                    } else if (d == '"') {
                        break;
                    } else {
                        i++;
                    }
                }
                out.append('"');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void theCodeStripperBlanksStringsAndComments() {
        assertThat(code("$a = 'x ?? y' + \"it''s `\" ?\" # c ?? d\n$b")).isEqualTo("$a = '' + \"\" \n$b");
        assertThat(code("'it''s' ?? <# a ?? b #> 1")).isEqualTo("'' ??  1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect.ps1", "remediate.ps1"})
    void asciiOnlyWithLfLineEndsAndNoBom(String script) throws IOException {
        byte[] bytes = Files.readAllBytes(DIR.resolve(script));
        for (int i = 0; i < bytes.length; i++) {
            // ASCII reads the same in Windows PowerShell 5.1 (which takes a file without BOM in the ANSI
            // code page) and under "Enforce script signature check" (which wants UTF-8 without BOM)
            assertThat(bytes[i] & 0xFF).as(script + " byte " + i).isLessThan(0x80);
            assertThat(bytes[i]).as(script + ": LF line ends, as .gitattributes keeps them").isNotEqualTo((byte) '\r');
        }
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("# SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors\n"
                + "# SPDX-License-Identifier: Apache-2.0\n");
        assertThat(Files.readString(Path.of(".gitattributes"))).contains("packaging/intune/*.ps1 text eol=lf");
    }

    /** What PowerShell 7 added and 5.1 cannot parse or run. */
    @ParameterizedTest
    @ValueSource(strings = {"detect.ps1", "remediate.ps1"})
    void onlyWindowsPowerShell51Syntax(String script) throws IOException {
        String text = text(script);
        assertThat(text).as("no here-strings (the code stripper does not model them)").doesNotContain("@'").doesNotContain("@\"");
        String code = code(text);
        assertThat(code).as("null-coalescing").doesNotContain("??");
        assertThat(code).as("null-conditional member access").doesNotContain("?.").doesNotContain("?[");
        assertThat(code).as("pipeline chain operators").doesNotContain("&&").doesNotContain("||");
        assertThat(code).as("the ternary operator").doesNotContainPattern("\\s\\?\\s");
        assertThat(code).as("7.x-only parameters and cmdlets").doesNotContainPattern("(?i)-Parallel\\b|-AsArray\\b|-EnumsAsStrings\\b"
                + "|-EscapeHandling\\b|-AsHashtable\\b|\\bJoin-String\\b|\\bGet-Error\\b|\\$PSStyle|\\bclean\\s*\\{|\\bForEach-Object\\s+-Parallel");
        assertThat(code).as(".NET method calls (Constrained Language Mode refuses them on non-core types)")
                .doesNotContainPattern("\\]::\\w+\\(");
        assertThat(text).contains("$PSCommandPath"); // 3.0+: the relaunch needs the script's own path
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect.ps1", "remediate.ps1"})
    void everyWaitIsBoundedAndATimeoutKillsTheTree(String script) throws IOException {
        String code = code(text(script)).replace("`\n", " ");
        Matcher start = Pattern.compile("\\$(\\w+) = Start-Process ([^\\n]*)").matcher(code);
        int starts = 0;
        while (start.find()) {
            starts++;
            String var = start.group(1);
            assertThat(start.group(2)).as("Start-Process -Wait waits without a bound").doesNotContainPattern("(?i)-Wait\\b")
                    .contains("-PassThru").contains("-RedirectStandardOutput").contains("-RedirectStandardError");
            String after = code.substring(start.end());
            assertThat(after).as("bounded wait for $" + var).containsPattern("Wait-Process -InputObject \\$" + var + " -Timeout \\$Seconds");
            assertThat(after).contains("$timedOut = -not $" + var + ".HasExited")
                    .containsPattern("taskkill\\.exe /T /F /PID \\$" + var + "\\.Id").contains("Stop-Process -Id $" + var + ".Id -Force");
        }
        assertThat(starts).as("one Start-Process, in Invoke-Bounded").isEqualTo(1);
        assertThat(Pattern.compile("Start-Process").matcher(code).results().count()).isEqualTo(1);
        for (String wait : Pattern.compile("Wait-Process[^\\n]*").matcher(code).results().map(m -> m.group()).toList()) {
            assertThat(wait).as("every Wait-Process has a -Timeout").contains("-Timeout");
        }
        assertThat(code).doesNotContain("WaitForExit").doesNotContainPattern("(?i)\\b(Start-Job|Receive-Job|Wait-Job|Invoke-Expression|iex)\\b");
        // the call operator only for taskkill: anything else it starts would run without a bound
        assertThat(Pattern.compile("& (\\S+)").matcher(code).results().map(m -> m.group(1)).toList()).containsOnly("taskkill.exe");
        // every program is run through Invoke-Bounded, with a bound from the settings
        assertThat(Pattern.compile("Invoke-Bounded \\$\\w+ [^\\n]*").matcher(code).results().map(m -> m.group()).toList())
                .isNotEmpty().allSatisfy(call -> assertThat(call).containsPattern("\\$(Seconds|DiagnoseSeconds|GraceSeconds)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect.ps1", "remediate.ps1"})
    void everyExitIsACliExitCodeOrOneOfItsFour(String script) throws IOException {
        String code = code(text(script));
        List<String> exits = Pattern.compile("\\bexit\\b([^\\n]*)").matcher(code).results().map(m -> m.group(1).strip()).toList();
        assertThat(exits).isNotEmpty().allSatisfy(e -> assertThat(e).matches("[0-3]|\\$(again|run|diagnosis|apply)\\.ExitCode"));
        assertThat(code).contains("exit $again.ExitCode");
        assertThat(code).as("a catch that ends the script with a line and 3").containsPattern("} catch \\{\\s+Write-\\w+ [^\\n]+\\s+exit 3\\s+}");
    }

    @Test
    void detectionPrintsTheClisLineAndPassesItsExitCodeOn() throws IOException {
        String code = code(text("detect.ps1"));
        assertThat(code).containsPattern("\\$line = Get-SummaryLine \\$run\\.Lines\\s+if \\(\\$null -eq \\$line\\) \\{\\s+Write-NotRun ''\\s+exit 3\\s+}"
                + "\\s+Write-Output \\$line\\s+exit \\$run\\.ExitCode\\s+}");
        assertThat(text("detect.ps1")).contains("'--summary-line'").contains("'--summary-line-names'");
        // nothing else is written to the output: Intune shows the last line, and stderr would be an error
        assertThat(Pattern.compile("Write-(Host|Warning|Error|Verbose|Information)").matcher(code).find()).isFalse();
        assertThat(Pattern.compile("Write-Output ").matcher(code).results().count()).isEqualTo(3);
    }

    @Test
    void theScriptsOwnLineIsASummaryLineThatSaysNothingRan() throws IOException {
        Matcher m = Pattern.compile("Write-Output \\('([^']+)' \\+ \\$Reason\\)").matcher(text("detect.ps1"));
        assertThat(m.find()).isTrue();
        for (String reason : List.of("run-as-system", "cli-not-installed", "timed-out", "no-summary-line", "script-error")) {
            assertThat(text("detect.ps1")).contains("Write-NotRun '" + reason + "'");
            SummaryLine s = SummaryLine.parse(m.group(1) + reason).orElseThrow();
            assertThat(s.verdict()).isEqualTo(SummaryLine.NOT_RUN);
            assertThat(s.exit()).hasValue(3);
            assertThat(s.values()).containsEntry("reason", reason);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect.ps1", "remediate.ps1"})
    void thirtyTwoBitPowerShellRunsTheScriptAgainIn64Bit(String script) throws IOException {
        String text = text(script);
        assertThat(text).contains("'Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe'")
                .contains("$env:PROCESSOR_ARCHITEW6432 -and (Test-Path -LiteralPath $sysnativePowerShell)")
                .contains("'-File', $PSCommandPath");
        String code = code(text);
        // the relaunch comes first, before anything else the script does
        int relaunch = code.indexOf("$powerShell64 = Get-PowerShell64");
        assertThat(relaunch).isPositive().isLessThan(code.indexOf("if (Test-SystemAccount)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"detect.ps1", "remediate.ps1"})
    void runningAsSystemIsSaidNotHidden(String script) throws IOException {
        assertThat(text(script)).contains("'*\\config\\systemprofile'").contains("$env:COMPUTERNAME + '$'");
    }

    /** Both scripts are uploaded to Intune alone, so each carries the settings and helpers: the same, word for word. */
    @Test
    void theSettingsAndHelpersAreTheSameInBothScripts() throws IOException {
        assertThat(shared(text("remediate.ps1"))).isEqualTo(shared(text("detect.ps1")));
        assertThat(shared(text("detect.ps1"))).contains("$Target = ''").contains("$DiagnoseSeconds = 60").contains("function Invoke-Bounded");
    }

    private static String shared(String text) {
        int from = text.indexOf("# ---- Settings:");
        int to = text.indexOf("# ---- End of the shared part ----");
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return text.substring(from, to);
    }

    /** Where the per-user installer puts the CLI: read from the same pom the build reads, so a rename fails here. */
    @Test
    void theCliPathIsWhereTheInstallerPutsTheLauncher() throws Exception {
        List<String> image = WindowsInstallerOptionsTest.jpackage("dist-app-image");
        String launcher = WindowsInstallerOptionsTest.valueOf(image, "--add-launcher");
        String launcherExe = launcher.substring(0, launcher.indexOf('=')) + ".exe";
        List<String> msi = WindowsInstallerOptionsTest.jpackage("dist-msi");
        assertThat(msi).contains("--win-per-user-install");
        // per user, jpackage installs into %LOCALAPPDATA%\<--install-dir, else the app's name>
        String folder = msi.contains("--install-dir") ? WindowsInstallerOptionsTest.valueOf(msi, "--install-dir")
                : WindowsInstallerOptionsTest.valueOf(image, "--name");
        for (String script : SCRIPTS) {
            String text = text(script);
            assertThat(text).as(script).contains("$LauncherName = '" + launcherExe + "'").contains("$InstallFolder = '" + folder + "'")
                    .contains("%LOCALAPPDATA%\\" + folder + "\\" + launcherExe);
        }
        assertThat(Files.readString(Path.of(".github/workflows/installers.yml")))
                .contains("Join-Path $env:LOCALAPPDATA '" + folder + "\\" + launcherExe + "'");
    }

    /** Every option the scripts pass exists in the CLI, so renaming one fails here, not on a thousand laptops. */
    @Test
    void everyOptionTheScriptsPassIsOneTheCliHas() throws IOException {
        CommandLine cli = new CommandLine(new Cli());
        Set<String> diagnose = new LinkedHashSet<>(cli.getSubcommands().get("diagnose").getCommandSpec().optionsMap().keySet());
        diagnose.addAll(cli.getSubcommands().get("diagnose").getCommandSpec().negatedOptionsMap().keySet());
        Set<String> apply = cli.getSubcommands().get("fix").getSubcommands().get("apply").getCommandSpec().optionsMap().keySet();
        Set<String> used = new LinkedHashSet<>();
        for (String script : SCRIPTS) {
            Pattern.compile("'(--[a-z0-9-]+)'").matcher(text(script)).results().forEach(m -> used.add(m.group(1)));
        }
        assertThat(used).contains("--summary-line", "--target", "--json", "--from", "--fix");
        List<String> unknown = new ArrayList<>();
        for (String option : used) {
            if (!diagnose.contains(option) && !apply.contains(option)) {
                unknown.add(option);
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(text("remediate.ps1")).contains("$FixId = '" + dev.netdoctor.model.FixId.SSH_CONFIG_IPQOS_NONE.id() + "'");
    }

    /** The remediation's line names no user, host or address: the folder goes unexpanded, the handle is a file name. */
    @Test
    void theRemediationsLineNamesNoUser() throws IOException {
        String text = text("remediate.ps1");
        assertThat(text).contains("$RecordFolderText = '%LOCALAPPDATA%\\WSL Net Doctor\\intune'")
                .contains("$handle = $handle -replace '^.*[\\\\/]', ''");
        for (String line : Pattern.compile("Write-Result [^\\n]*").matcher(code(text)).results().map(m -> m.group()).toList()) {
            assertThat(line).doesNotContain("$cli").doesNotContain("$records").doesNotContain("$resultFile").doesNotContain("$undo ")
                    .doesNotContain("$env:");
        }
    }

    /** The Windows job is where the scripts meet a real PowerShell: it must parse both with 5.1's parser and run detect.ps1 both ways. */
    @Test
    void theWindowsWorkflowParsesBothAndRunsTheDetectionAgainstTheInstalledCli() throws IOException {
        String workflow = Files.readString(Path.of(".github/workflows/installers.yml"));
        assertThat(workflow).contains("shell: powershell\n")
                .contains("foreach ($f in 'packaging\\intune\\detect.ps1', 'packaging\\intune\\remediate.ps1')")
                .contains("[System.Management.Automation.Language.Parser]::ParseFile(").contains("if ($bad -gt 0) { exit 1 }")
                .contains("\\SysWOW64\\WindowsPowerShell\\v1.0\\powershell.exe").contains("\\System32\\WindowsPowerShell\\v1.0\\powershell.exe")
                .contains("-File packaging\\intune\\detect.ps1").contains("if ($code -ne $cliCode)")
                .contains("java --class-path target\\classes packaging\\CheckSummaryLine.java $lines[0] $code")
                .contains("& $cli diagnose --quiet --timeout 60 --summary-line");
        // the CLI run the detection is compared with asks what detect.ps1's default settings ask
        assertThat(text("detect.ps1")).contains("$DiagnoseSeconds = 60").contains("$Target = ''").contains("$ServicePorts = @()")
                .contains("$WindowsPorts = @()").contains("$Distro = ''").contains("$NamesInLine = $false");
        // the parse step comes before the installers are built, the run after the .msi is installed and before it is removed
        assertThat(workflow.indexOf("ParseFile(")).isLessThan(workflow.indexOf("mvn -B -ntp -Pdist package"));
        assertThat(workflow.indexOf("-File packaging\\intune\\detect.ps1")).isGreaterThan(workflow.indexOf("'/i'"))
                .isLessThan(workflow.indexOf("'/x'"));
    }
}
