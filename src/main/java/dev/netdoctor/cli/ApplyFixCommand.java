// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.WslConfEdit;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.Words;
import dev.netdoctor.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code fix apply}: any fix a saved result offers, by its id, through the same wiring and safe
 * pipeline as the wizard's button. A help desk runs {@code diagnose --json} once and applies what it
 * offers; a new kind of fix needs no command of its own.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Applies a fix that a saved result offers (diagnose --json or check-config --json), by the fix's id.",
                "The same change as the wizard's button: shows the diff, keeps a backup, checks the result, can be undone.",
                "A fix that is steps to follow is shown, not applied."},
        footer = {"", "Examples:", "  wsl-net-doctor diagnose --target 192.168.1.20 --port 22 --json > result.json",
                "  wsl-net-doctor fix apply --from result.json --fix ssh-config-ipqos-none --dry-run",
                "  wsl-net-doctor fix apply --from result.json --fix config-comment-out-duplicates --finding wslconfig-duplicate-key",
                "  wsl-net-doctor fix apply --from result.json --fix windows-firewall-allow-port --dry-run",
                "", "A Windows firewall rule is added with administrator rights: Windows asks for them (its own prompt) when you run",
                "the command without --dry-run, and the rule can be removed again with the undo it prints."})
final class ApplyFixCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The saved result: the output of diagnose --json or check-config --json.")
    Path from;

    @Option(names = "--fix", required = true, paramLabel = "ID", description = "The fix's id, as the result names it (e.g. wslconfig-dns-tunneling).")
    String fix;

    @Option(names = "--finding", paramLabel = "ID", description = "The finding whose fix to apply, when several offer the same fix.")
    String finding;

    @Option(names = "--in", paramLabel = "wslconfig|wsl-conf", converter = ConfigLinesFixCommand.InConverter.class,
            description = "The file whose fix to apply, when a finding of both files offers the same fix.")
    ConfigLinesFixCommand.In in;

    @Option(names = "--ssh-config", paramLabel = "PATH",
            description = "For an ssh fix: the config file, ~/.ssh/config by default; with --wsl a full path inside the distro.")
    String sshConfig;

    @Option(names = "--wslconfig", paramLabel = "PATH", description = "For a .wslconfig fix: the file; found through WSL interop by default.")
    Path wslconfig;

    @Option(names = "--wsl-conf", paramLabel = "PATH", defaultValue = WslConfEdit.FILE,
            description = "For a wsl.conf fix: the distro's wsl.conf, ${DEFAULT-VALUE} by default (through wsl.exe a full path).")
    String wslConf;

    @Option(names = "--rewrite-utf16", description = "If .wslconfig is saved as UTF-16 (which WSL may not read), rewrite it as UTF-8 with the same content.")
    boolean rewriteUtf16;

    @Option(names = "--dry-run", description = "Show the change and write nothing.")
    boolean dryRun;

    @CommandLine.Mixin
    WslOptions wsl = new WslOptions();

    /** A finding's offer of the fix asked for. */
    private record Offer(Finding finding, FixSuggestion fix) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Finding> findings;
        try {
            findings = findings(Files.readString(from, StandardCharsets.UTF_8), err);
        } catch (IOException | RuntimeException e) {
            err.println("wsl-net-doctor: " + Words.get("cli.apply.unreadable", from, e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        if (findings == null) {
            return ExitCodes.BAD_INPUT;
        }
        List<Offer> offered = new ArrayList<>();
        findings.forEach(f -> f.fixes().forEach(s -> offered.add(new Offer(f, s))));
        List<Offer> chosen = offered.stream().filter(o -> o.fix().id().id().equals(fix))
                .filter(o -> finding == null || o.finding().id().id().equals(finding))
                .filter(o -> in == null || FixWiring.writes(o.fix().plan()) == (in == ConfigLinesFixCommand.In.wsl_conf
                        ? FixWiring.Writes.WSL_CONF : FixWiring.Writes.WSLCONFIG)).toList();
        Set<FixPlan> plans = chosen.stream().map(o -> o.fix().plan()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (plans.isEmpty()) {
            String ids = offered.stream().filter(o -> o.fix().plan().writesAFile()).map(o -> o.fix().id().id()).distinct()
                    .collect(Collectors.joining(", "));
            err.println("wsl-net-doctor: " + Words.get(FixId.of(fix).isEmpty() ? "cli.apply.unknownFix" : "cli.apply.notOffered", fix, from)
                    + " " + (ids.isEmpty() ? Words.get("cli.apply.nothingWritable") : Words.get("cli.apply.writable", ids)));
            return ExitCodes.BAD_INPUT;
        }
        if (plans.size() > 1) {
            err.println("wsl-net-doctor: " + Words.get("cli.apply.whichFinding", fix,
                    chosen.stream().map(o -> o.finding().id().id()).distinct().collect(Collectors.joining(", "))));
            return ExitCodes.BAD_INPUT;
        }
        Offer offer = chosen.getFirst();
        FixPlan plan = offer.fix().plan();
        if (!plan.writesAFile()) {
            err.println("wsl-net-doctor: " + Words.get("cli.apply.byHand", fix));
            err.println("  " + offer.fix().title());
            err.println("  " + offer.fix().detail());
            return ExitCodes.BAD_INPUT;
        }
        FixWiring.Writes writes = FixWiring.writes(plan);
        if (plan instanceof FixPlan.WindowsFirewallRule rule) {
            // Windows' firewall, not a file of the distro: whether the app stands on Windows is all it needs of --wsl.
            LinuxSide side = wsl.linuxSideOrSayWhy(err);
            if (side == null) {
                return ExitCodes.INCOMPLETE;
            }
            out.println(Words.get("cli.apply.applying", offer.fix().title(), offer.finding().title()));
            return FirewallRuleCli.apply(out, err, rule, side.standpoint(), wsl, dryRun,
                    FirewallRuleCli.samePowerShell(wsl) + wsl.sameLinux(side));
        }
        // Only the files of the Linux being diagnosed need it; .wslconfig is always a file of this computer.
        LinuxSide linux = writes == FixWiring.Writes.WSLCONFIG ? new LocalLinuxSide() : wsl.linuxSideOrSayWhy(err);
        if (linux == null) {
            return ExitCodes.INCOMPLETE;
        }
        String wslConf = writes == FixWiring.Writes.WSL_CONF ? WslOptions.wslConfPath(this.wslConf, linux, err) : this.wslConf;
        if (wslConf == null) {
            return ExitCodes.BAD_INPUT;
        }
        return FixCommand.wireAndApply(out, err, plan, FixCommand.places(linux, ConfigFiles.of(linux), sshConfig, wslconfig, wslConf),
                new FixWiring.Choices("none", true, rewriteUtf16), List.of(Words.get("cli.apply.applying", offer.fix().title(), offer.finding().title())),
                dryRun, writes == FixWiring.Writes.WSLCONFIG ? "" : wsl.sameLinux(linux));
    }

    /**
     * The findings of a saved result, whichever command wrote it (both carry the same
     * {@code findings}); null after saying why there are none to apply: a redacted result hides the
     * names and addresses a fix must write.
     */
    private static List<Finding> findings(String json, PrintWriter err) throws IOException {
        JsonNode tree = JsonReport.mapper().readTree(json);
        if (tree == null || !tree.isObject() || !tree.path("findings").isArray()) {
            err.println("wsl-net-doctor: " + Words.get("cli.apply.notAResult"));
            return null;
        }
        if (tree.path("redacted").asBoolean(false)) {
            err.println("wsl-net-doctor: " + Words.get("cli.apply.redacted"));
            return null;
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode node : tree.get("findings")) {
            findings.add(JsonReport.mapper().treeToValue(node, Finding.class));
        }
        return findings;
    }
}
