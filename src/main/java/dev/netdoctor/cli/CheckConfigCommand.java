// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.WslDistroAccess;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.ConfigProblem;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Words;
import dev.netdoctor.probe.config.ConfigFilesProbe;
import dev.netdoctor.report.JsonReport;
import dev.netdoctor.session.DiagnosisSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code check-config}: .wslconfig and /etc/wsl.conf read with WSL's own rules. Read-only: the
 * files are only read. The same engine as {@code diagnose} (its settings-file check and rules),
 * with nothing sent over the network.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Shows the lines of %%UserProfile%%\\.wslconfig and /etc/wsl.conf that WSL reads differently from how they look.",
                "Reads both the way WSL does: ignored lines, settings written twice, encodings WSL misreads, and where the",
                "distro stops reading wsl.conf. Changes nothing. Exit 0: WSL reads them as written; 1: something reads",
                "otherwise; 2: bad input; 3: the check could not finish."},
        footer = {"", "Examples:", "  wsl-net-doctor check-config", "  wsl-net-doctor check-config --wslconfig /mnt/c/Users/alice/.wslconfig --json",
                "  wsl-net-doctor check-config --wsl Ubuntu      (from Windows)"})
final class CheckConfigCommand implements java.util.concurrent.Callable<Integer> {
    /** The findings this command speaks of; the rest of a diagnosis is not its business. */
    static final Set<FindingId> FINDINGS = Set.of(FindingId.WSLCONFIG_LINE_IGNORED, FindingId.WSLCONFIG_DUPLICATE_KEY,
            FindingId.WSLCONFIG_ENCODING, FindingId.WSL_CONF_PARSING_STOPS, FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--wslconfig", paramLabel = "FILE", description = "The .wslconfig to check; your Windows profile's by default.")
    Path wslconfig;

    @Option(names = "--wsl-conf", paramLabel = "FILE", description = "The wsl.conf to check, a full path inside Linux; /etc/wsl.conf by default.")
    String wslConf;

    @Option(names = "--json", description = "Print the files and findings as one JSON document on stdout.")
    boolean json;

    @CommandLine.Mixin
    WslOptions wsl = new WslOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DiagnosisRequest request;
        try {
            if (wslconfig != null && !Files.isRegularFile(wslconfig)) {
                throw new InvalidInputException(Words.get("cli.wslconfig.notAFile", wslconfig));
            }
            if (wslconfig != null && !isTextFile(wslconfig)) {
                throw new InvalidInputException(Words.get("cli.checkConfig.notText", wslconfig));
            }
            request = new DiagnosisRequest(null, List.of(), null, null, null,
                    new DiagnosisRequest.ConfigPaths(wslconfig == null ? null : wslconfig.toAbsolutePath().toString(), wslConf));
        } catch (InvalidInputException e) {
            err.println("wsl-net-doctor: " + e.getMessage() + " " + Words.get("cli.checkConfig.nothingRead"));
            return ExitCodes.BAD_INPUT;
        }
        LinuxSide side = wsl.linuxSideOrSayWhy(err);
        if (side == null) {
            return ExitCodes.INCOMPLETE;
        }
        DiagnosisResult result;
        try {
            result = new DiagnosisSession(new HostInspector(side), request, null, List.of(List.of(new ConfigFilesProbe()))).run();
        } finally {
            side.throughWsl().ifPresent(WslDistroAccess::close);
        }
        List<ConfigFileCheck> files = result.probes().stream().filter(ProbeId.CONFIG_FILES::is)
                .map(p -> p.dataAs(ProbeData.ConfigFiles.class)).flatMap(java.util.Optional::stream)
                .flatMap(d -> d.files().stream()).toList();
        List<Finding> findings = result.findings().stream().filter(f -> FINDINGS.contains(f.id())).toList();
        if (files.isEmpty()) {
            err.println("wsl-net-doctor: " + Words.get("cli.checkConfig.notRead", result.probes().stream().filter(ProbeId.CONFIG_FILES::is)
                    .map(p -> p.summary()).findFirst().orElse(Words.get("cli.checkConfig.noResult"))));
            return ExitCodes.INCOMPLETE;
        }
        // A wsl.conf the user named that is not there is a wrong path, as a missing --wslconfig is.
        if (wslConf != null && files.stream().anyMatch(f -> f.file().equals(ConfigFileCheck.WSL_CONF)
                && ConfigFileCheck.MISSING.equals(f.status()))) {
            err.println("wsl-net-doctor: " + Words.get("cli.checkConfig.noWslConf", wslConf) + " " + Words.get("cli.checkConfig.nothingRead"));
            return ExitCodes.BAD_INPUT;
        }
        // A file that is there but cannot be read leaves the check unfinished, whatever the other says.
        boolean unreadable = files.stream().anyMatch(f -> ConfigFileCheck.UNREADABLE.equals(f.status()));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("files", files);
            doc.put("findings", findings);
            try {
                out.println(JsonReport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                err.println("wsl-net-doctor: " + e.getMessage());
                return ExitCodes.INCOMPLETE;
            }
        } else {
            String given = (wslconfig == null ? "" : " --wslconfig " + dev.netdoctor.fix.WslConfPlace.sh(wslconfig.toString()))
                    + (wslConf == null ? "" : " --wsl-conf " + dev.netdoctor.fix.WslConfPlace.sh(wslConf));
            print(files, findings, out, given + wsl.sameLinux(side));
        }
        out.flush();
        if (!findings.isEmpty()) {
            return ExitCodes.PROBLEM_FOUND;
        }
        if (unreadable) {
            err.println("wsl-net-doctor: " + Words.get("cli.checkConfig.incomplete"));
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.NO_PROBLEM;
    }

    private static boolean isTextFile(java.nio.file.Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return dev.netdoctor.fix.SafeApply.isText(in.readNBytes(dev.netdoctor.fix.SafeApply.MAX_BYTES));
        } catch (java.io.IOException e) {
            return true; // unreadable: the check itself says so
        }
    }

    static void print(List<ConfigFileCheck> files, List<Finding> findings, PrintWriter out, String options) {
        for (ConfigFileCheck file : files) {
            out.println(file.file() + (file.path() == null ? "" : " (" + file.path() + ")"));
            if (!file.read()) {
                out.println("  " + file.note());
                out.println();
                continue;
            }
            out.println("  " + Words.get("cli.checkConfig.file", file.encoding(), file.settings().isEmpty() ? Words.get("settings.defaults")
                    : String.join(", ", file.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())));
            if (file.problems().isEmpty()) {
                out.println("  " + Words.get("settings.asItLooks"));
            }
            for (ConfigProblem p : file.problems()) {
                out.println("  " + (p.line() == 0 ? Words.get("cli.checkConfig.wholeFile") : Words.get("cli.checkConfig.line", String.valueOf(p.line())))
                        + " [" + p.findingId() + "]"
                        + (p.line() == 0 ? "" : ": " + p.text().replace("\n", "\\n")));
                out.println("      " + p.what());
            }
            out.println();
        }
        for (Finding f : findings) {
            out.println("* " + f.title() + " [" + f.id() + "]");
            for (FixSuggestion fix : f.fixes()) {
                if (fix.plan() instanceof FixPlan.RewriteConfigLines lines) {
                    out.println("  " + Words.get("cli.checkConfig.fix", "wsl-net-doctor fix config-lines --in "
                            + (lines.file().equals(ConfigFileCheck.WSL_CONF) ? "wsl-conf" : "wslconfig") + " --finding " + lines.finding() + options));
                } else {
                    out.println("  " + fix.title() + ": " + fix.detail().replace("\n", "\n    "));
                }
            }
        }
        if (findings.isEmpty()) {
            boolean allRead = files.stream().noneMatch(f -> ConfigFileCheck.UNREADABLE.equals(f.status()));
            out.println(allRead ? Words.get("cli.checkConfig.allAsTheyLook") : Words.get("cli.checkConfig.readAsItLooks"));
        }
    }
}
