// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.WindowsPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The firewall fix's own read of our rules ({@link WindowsPolicy#OUR_RULE_PREFIX}), unelevated:
 * before a change (is it there already?) and after it (is it there as planned, or gone?), in the
 * firewall the rule is in: Windows Defender Firewall's rules with the port and adapter they are
 * limited to, or the Hyper-V firewall's with their VM creator (the policy batch reads the former
 * only). Written the way PowerShell output must
 * be read from Java: each value flattened to a string in the script (enums by name, not number),
 * the list always an array ({@code -InputObject @(...)}), and the JSON written to a UTF-8 file, not
 * to the console, whose code page would garble a non-ASCII adapter name. No file, or no JSON,
 * is "unknown", never "no rules".
 */
final class FirewallRulesRead implements WindowsFirewallFix.RuleReader {
    /** PowerShell's start (up to 2 s) and the firewall's cmdlets, which are slow on a busy machine. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private final LinuxSide computer;
    private final String exe;

    private FirewallRulesRead(LinuxSide computer, String exe) {
        this.computer = computer;
        this.exe = exe;
    }

    static FirewallRulesRead of(LinuxSide computer, String exe) {
        return new FirewallRulesRead(computer, exe);
    }

    /**
     * The script, for one firewall: the one the rule is in, so a read the other firewall refuses
     * (the Hyper-V firewall's cmdlets may want administrator rights, and Windows 10 has none) does
     * not stop a fix of this one. The port and adapter filters hold arrays (one item for our
     * rules), joined with commas as the policy batch joins them.
     */
    static String script(Path out, boolean hyperV) {
        String name = "-Name '" + WindowsPolicy.OUR_RULE_PREFIX + "*'";
        String rules = hyperV
                ? "$rules = @(Get-NetFirewallHyperVRule " + name + " | ForEach-Object {"
                        + " @{ Firewall = 'hyper-v'; Name = [string]$_.Name; Enabled = [string]$_.Enabled; Direction = [string]$_.Direction;"
                        + " Action = [string]$_.Action; LocalPort = $_.LocalPorts -join ','; VMCreatorId = [string]$_.VMCreatorId } })\n"
                : "$rules = @(Get-NetFirewallRule " + name + " | ForEach-Object {"
                        + " $ports = $_ | Get-NetFirewallPortFilter; $adapters = $_ | Get-NetFirewallInterfaceFilter;"
                        + " @{ Firewall = 'defender'; Name = [string]$_.Name; Enabled = [string]$_.Enabled; Direction = [string]$_.Direction;"
                        + " Action = [string]$_.Action; LocalPort = $ports.LocalPort -join ','; InterfaceAlias = $adapters.InterfaceAlias -join ',' } })\n";
        return "$ErrorActionPreference = 'Stop'\n" + rules
                + "ConvertTo-Json -InputObject @($rules) | Out-File -FilePath '" + literal(out.toString()) + "' -Encoding utf8\n";
    }

    /** A path inside a single-quoted PowerShell string: each quote PowerShell takes as one (ASCII and typographic) doubled. */
    static String literal(String text) {
        return text.replaceAll("(['\u2018\u2019\u201A\u201B])", "$1$1");
    }

    @Override
    public Fact<List<WindowsPolicy.FirewallRule>> ourRules(boolean hyperV) throws InterruptedException {
        Path out;
        try {
            out = Files.createTempFile("wsl-net-doctor-rules-", ".json");
        } catch (IOException e) {
            return Fact.unknown("no temporary file for PowerShell's answer: " + e.getMessage());
        }
        try {
            Files.delete(out); // PowerShell creates it: an empty file left over must not read as an answer
            CommandRun r = computer.run(List.of(exe, "-NoProfile", "-NonInteractive", "-Command", script(out, hyperV)), LIMIT);
            if (r.notFound()) {
                return Fact.unknown("PowerShell (" + exe + ") could not be started");
            }
            if (r.timedOut()) {
                return Fact.unknown("PowerShell gave no answer within " + LIMIT.toSeconds() + " s");
            }
            if (r.exitCode() != 0 || !Files.isRegularFile(out)) {
                String said = (r.stderr() + " " + r.stdout()).strip();
                return Fact.unknown("PowerShell failed (exit code " + r.exitCode() + ")" + (said.isEmpty() ? "" : ": " + said));
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Fact.unknown("PowerShell's answer could not be read: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // a temporary file in the temporary folder; nothing depends on it
            }
        }
    }

    /** The rules in the JSON the script wrote (a leading BOM skipped: Windows PowerShell's utf8 writes one). */
    static Fact<List<WindowsPolicy.FirewallRule>> parse(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            return Fact.unknown("PowerShell's answer is not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isArray()) {
            return Fact.unknown("PowerShell's answer is not a list of rules");
        }
        List<WindowsPolicy.FirewallRule> rules = new ArrayList<>();
        for (JsonNode n : tree) {
            String name = n.path("Name").asText("");
            if (name.isEmpty()) {
                return Fact.unknown("PowerShell's answer holds something that is not a rule: " + n);
            }
            if (!name.startsWith(WindowsPolicy.OUR_RULE_PREFIX)) {
                return Fact.unknown("PowerShell's answer holds a rule that is not ours: " + name);
            }
            boolean hyperV = n.path("Firewall").asText().equals("hyper-v");
            // a Hyper-V rule is limited to a VM, not an adapter: its VM creator stands where the adapter would
            rules.add(new WindowsPolicy.FirewallRule(name, null, n.path("Enabled").asText().equalsIgnoreCase("True"),
                    n.path("Direction").asText(null), n.path("Action").asText(null), n.path("LocalPort").asText(null),
                    hyperV ? n.path("VMCreatorId").asText(null) : n.path("InterfaceAlias").asText(null)));
        }
        return Fact.known(List.copyOf(rules));
    }
}
