// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.WindowsPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Windows' policy facts that OSHI does not give (firewall profiles and their group policy, the Hyper-V
 * firewall's setting for WSL, reserved ports, port proxies, the IP Helper service, the name resolution
 * policy, the user's proxy, our own firewall rules), read by one Windows PowerShell start per run.
 *
 * <p>PowerShell costs 0.3-2 s to start, so every query is in one script (research windows-side.md
 * §4.1). The script is written so that Windows PowerShell 5.1's ways cannot garble the answer
 * (§4.2, §4.5): each query is its own try/catch that puts the error's text in the answer, values are
 * flattened to scalars and enums turned into their names in PowerShell, lists are built with
 * {@code @(...)}, and the one hashtable is converted with {@code -InputObject -Depth 6} and written to
 * a UTF-8 file, never to stdout, whose code page is the console's (OEM) and which Constrained Language
 * Mode forbids changing. {@link PowerShellAnswer} reads it, and also copes with the shapes a script
 * that missed one of those would give.
 */
public final class PowerShellBatch {
    private static final System.Logger LOG = System.getLogger(PowerShellBatch.class.getName());
    /** How long the stderr reader gets to finish after PowerShell ended or was killed. */
    private static final long DRAIN_MILLIS = 1000;
    /** After a kill, how long we wait for the process to be gone. */
    /** What we keep of PowerShell's stderr, for the reason when it gave no answer. */
    private static final int STDERR_CAP = 16 * 1024;
    /** The answer is a few kilobytes; more would be something else. */
    private static final int ANSWER_CAP = 4 * 1024 * 1024;

    private PowerShellBatch() {
    }

    /** Reads Windows' policy facts with one powershell.exe start; never throws for a failing or missing PowerShell: the facts say why they are unknown. */
    public static WindowsPolicy read(Path powershellExe, Duration limit) throws InterruptedException {
        return read(powershellExe, limit, Map.of());
    }

    /** Where Windows PowerShell 5.1 lives: %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe (SystemRoot from the environment, C:\Windows when unset). */
    public static Path defaultExe() {
        String root = System.getenv("SystemRoot");
        if (root == null || root.isBlank()) {
            root = "C:\\Windows";
        }
        // Not from PATH: a powershell.exe earlier on the user's PATH is not Windows' own.
        return Path.of(root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
    }

    /** With variables added to PowerShell's environment (the tests' stand-in reads its settings there). */
    static WindowsPolicy read(Path powershellExe, Duration limit, Map<String, String> extraEnv) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("stopped before PowerShell was started");
        }
        Path answer;
        try {
            answer = Files.createTempFile("netdoctor-ps-", ".json");
        } catch (IOException e) {
            return WindowsPolicy.unknown("no temporary file for PowerShell's answer: " + e.getMessage());
        }
        try {
            return run(powershellExe, limit, extraEnv, answer);
        } finally {
            try {
                Files.deleteIfExists(answer);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot delete {0}: {1}", answer, e.getMessage());
            }
        }
    }

    private static WindowsPolicy run(Path exe, Duration limit, Map<String, String> extraEnv, Path answer)
            throws InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command(exe, script(answer)));
        pb.environment().putAll(extraEnv);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return WindowsPolicy.unknown("Windows PowerShell could not be started: " + e.getMessage());
        }
        try {
            p.getOutputStream().close(); // nothing to read: PowerShell must not wait for input
        } catch (IOException ignored) {
            // it ended already; its exit tells
        }
        LocalLinuxSide.Capture err = new LocalLinuxSide.Capture(p.getErrorStream(), STDERR_CAP, PowerShellBatch::consoleText);
        Thread errThread = Thread.ofVirtual().start(err);
        boolean finished;
        try {
            finished = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // PowerShell and whatever it started (netsh), waited for, as every command of ours
            LocalLinuxSide.kill(p);
            throw e;
        }
        if (!finished) {
            LocalLinuxSide.kill(p);
            errThread.join(DRAIN_MILLIS);
            long seconds = Math.max(1, (limit.toMillis() + 999) / 1000);
            return WindowsPolicy.unknown("PowerShell did not answer within " + seconds + " s");
        }
        errThread.join(DRAIN_MILLIS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(answer)) {
            bytes = in.readNBytes(ANSWER_CAP);
        } catch (IOException e) {
            bytes = new byte[0];
        }
        LOG.log(System.Logger.Level.DEBUG, "PowerShell ended with {0} in {1} ms, {2} bytes of answer",
                p.exitValue(), millis, bytes.length);
        return PowerShellAnswer.parse(bytes, millis, whyNoAnswer(p.exitValue(), err.text()));
    }

    /** The reason given when the answer file stayed empty: PowerShell's first words on stderr. */
    private static String whyNoAnswer(int exit, String stderr) {
        String first = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (first.length() > 300) {
            first = first.substring(0, 300) + "...";
        }
        return "PowerShell gave no answer (exit code " + exit + (first.isEmpty() ? "" : ": " + first) + ")";
    }

    /**
     * powershell.exe's argv. The script goes as -EncodedCommand (base64 of UTF-16LE): on Windows the
     * JDK joins argv into one command line and PowerShell cuts -Command's text apart again, which
     * loses double quotes; base64 has nothing to lose.
     */
    static List<String> command(Path exe, String script) {
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
        return List.of(exe.toString(), "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded);
    }

    /** One query per part of the answer; keys are {@link PowerShellAnswer}'s. */
    static String script(Path answer) {
        StringBuilder s = new StringBuilder();
        s.append("$ProgressPreference = 'SilentlyContinue'\n");
        s.append("$h = @{}\n");
        query(s, "firewallProfiles", "@(Get-NetFirewallProfile -PolicyStore ActiveStore -ErrorAction Stop | Select-Object Name, "
                + named("Enabled") + ", " + named("DefaultInboundAction") + ", " + named("AllowInboundRules") + ", "
                + named("AllowLocalFirewallRules") + ")");
        // Group policy's own switches live in the registry only; a profile without a policy key has none.
        for (String profile : List.of("Domain", "Private", "Public")) {
            String key = quote("HKLM:\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\" + profile + "Profile");
            s.append("try { $v = $null; if (Test-Path -LiteralPath ").append(key).append(") { $v = Get-ItemProperty -LiteralPath ")
                    .append(key).append(" -ErrorAction Stop | Select-Object DoNotAllowExceptions, AllowLocalPolicyMerge }; ")
                    .append("$h['firewallPolicy").append(profile).append("'] = $v } catch { $h['firewallPolicy").append(profile)
                    .append("'] = @{error=$_.Exception.Message} }\n");
        }
        query(s, "networkProfiles", "@(Get-NetConnectionProfile -ErrorAction Stop | Select-Object InterfaceAlias, "
                + named("NetworkCategory") + ")");
        // Windows 10 has no Hyper-V firewall: asked anyway, its "not recognized" would read as a failure.
        s.append("if (Get-Command -Name Get-NetFirewallHyperVVMSetting -ErrorAction SilentlyContinue) { ")
                .append(attempt("hyperVFirewall", "Get-NetFirewallHyperVVMSetting -PolicyStore ActiveStore -Name "
                        + quote(WindowsPolicy.WSL_VM_CREATOR) + " -ErrorAction Stop | Select-Object " + named("Enabled") + ", "
                        + named("DefaultInboundAction") + ", " + named("DefaultOutboundAction") + ", " + named("LoopbackEnabled")
                        + ", " + named("AllowHostPolicyMerge")))
                .append(" } else { $h['hyperVFirewall'] = @{unsupported=$true} }\n");
        // netsh's text is parsed by its shape in Java (its headers are in Windows' language).
        for (String family : List.of("ipv4", "ipv6")) {
            query(s, "excludedPorts" + family, "@{lines=@(netsh interface " + family
                    + " show excludedportrange protocol=tcp); exit=$LASTEXITCODE}");
        }
        // The registry, not netsh: value names are "listenaddress/listenport", data "connectaddress/connectport".
        for (String kind : PowerShellAnswer.PROXY_KINDS) {
            String key = quote("HKLM:\\SYSTEM\\CurrentControlSet\\Services\\PortProxy\\" + kind + "\\tcp");
            s.append("try { $v = $null; if (Test-Path -LiteralPath ").append(key).append(") { $v = Get-ItemProperty -LiteralPath ")
                    .append(key).append(" -ErrorAction Stop | Select-Object -Property * -ExcludeProperty PSPath, PSParentPath, ")
                    .append("PSChildName, PSDrive, PSProvider }; $h['portProxy").append(kind).append("'] = $v } catch { ")
                    .append("$h['portProxy").append(kind).append("'] = @{error=$_.Exception.Message} }\n");
        }
        query(s, "ipHelper", "[string](Get-Service -Name iphlpsvc -ErrorAction Stop).Status");
        // The effective policy (Get-DnsClientNrptPolicy), not the registry: it already applies the rule that
        // a group-policy DnsPolicyConfig key, even an empty one, hides the local rules (windows-side.md §2.D).
        query(s, "nameRules", "@(Get-DnsClientNrptPolicy -ErrorAction Stop | Select-Object "
                + joined("Namespace") + ", " + joined("NameServers") + ")");
        query(s, "proxy", "Get-ItemProperty -LiteralPath " + quote("HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings")
                + " -ErrorAction Stop | Select-Object ProxyEnable, ProxyServer, AutoConfigURL, ProxyOverride");
        query(s, "ourFirewallRules", "@(Get-NetFirewallRule -Name " + quote(WindowsPolicy.OUR_RULE_PREFIX + "*")
                + " -ErrorAction Stop | Select-Object Name, DisplayName, " + named("Enabled") + ", " + named("Direction") + ", "
                + named("Action") + ", @{n='LocalPort';e={($_ | Get-NetFirewallPortFilter).LocalPort -join ','}}, "
                + "@{n='InterfaceAlias';e={($_ | Get-NetFirewallInterfaceFilter).InterfaceAlias -join ','}})");
        // Our Hyper-V firewall rules (other devices into WSL in mirrored mode) live in a firewall of their own.
        s.append("if (Get-Command -Name Get-NetFirewallHyperVRule -ErrorAction SilentlyContinue) { ")
                .append(attempt("ourHyperVRules", "@(Get-NetFirewallHyperVRule -Name " + quote(WindowsPolicy.OUR_RULE_PREFIX + "*")
                        + " -ErrorAction Stop | Select-Object Name, DisplayName, " + named("Enabled") + ", " + named("Direction") + ", "
                        + named("Action") + ", @{n='LocalPort';e={$_.LocalPorts -join ','}}, @{n='InterfaceAlias';e={'WSL'}})"))
                .append(" } else { $h['ourHyperVRules'] = @() }\n");
        s.append("$h['psVersion'] = [string]$PSVersionTable.PSVersion\n");
        s.append("$h['languageMode'] = [string]$ExecutionContext.SessionState.LanguageMode\n");
        s.append("ConvertTo-Json -InputObject $h -Depth 6 -Compress | Out-File -Encoding utf8 -LiteralPath ")
                .append(quote(answer.toAbsolutePath().toString())).append('\n');
        return s.toString();
    }

    private static void query(StringBuilder s, String key, String expression) {
        s.append(attempt(key, expression)).append('\n');
    }

    /** The query's value under key, or its error's text: one failing query never costs the others. */
    private static String attempt(String key, String expression) {
        return "try { $h['" + key + "'] = " + expression + " } catch { $h['" + key + "'] = @{error=$_.Exception.Message} }";
    }

    /** A property whose enum value becomes its name in PowerShell (5.1's ConvertTo-Json would give a number). */
    private static String named(String property) {
        return "@{n='" + property + "';e={[string]$_." + property + "}}";
    }

    /** A property that may be a list, as one comma-joined string (one item would otherwise lose its list). */
    private static String joined(String property) {
        return "@{n='" + property + "';e={$_." + property + " -join ','}}";
    }

    /** A PowerShell literal string: single quotes, nothing expanded, a quote doubled. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }


    /** PowerShell's stderr (OEM text): in the console's code page where Java knows it, else UTF-8; only shown, never parsed. */
    private static String consoleText(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        String console = System.getProperty("stdout.encoding");
        try {
            if (console != null) {
                charset = Charset.forName(console);
            }
        } catch (IllegalArgumentException e) {
            // an encoding this Java does not have: UTF-8 shows the ASCII part
        }
        return new String(bytes, charset);
    }
}
