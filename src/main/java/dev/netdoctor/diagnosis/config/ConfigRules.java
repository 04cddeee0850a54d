// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis.config;

import dev.netdoctor.diagnosis.Observations;
import dev.netdoctor.diagnosis.Rule;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.ConfigProblem;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;
import dev.netdoctor.model.WslFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Is WSL really using what you wrote?": findings from reading .wslconfig and /etc/wsl.conf with
 * WSL's own rules, and from comparing the networking mode the file asks for with the one WSL
 * reports it runs ({@code wslinfo --networking-mode}).
 */
public final class ConfigRules {
    private ConfigRules() {
    }

    /** Lines of one kind, in both files, as one finding; a rewrite per file where one is safe. */
    record LinesOfKind(FindingId findingId, String title, String explanation, FixId fixId, String fixTitle, String does) implements Rule {
        @Override
        public Optional<Finding> apply(Observations obs) {
            Optional<ProbeData.ConfigFiles> data = obs.data(ProbeId.CONFIG_FILES, ProbeData.ConfigFiles.class);
            if (data.isEmpty()) {
                return Optional.empty();
            }
            List<Evidence> evidence = new ArrayList<>();
            List<String> said = new ArrayList<>();
            List<FixSuggestion> fixes = new ArrayList<>();
            for (ConfigFileCheck file : data.get().files()) {
                List<ConfigProblem> mine = file.problems().stream().filter(p -> p.findingId().equals(findingId)).toList();
                for (ConfigProblem p : mine) {
                    evidence.add(new Evidence(where(file, p) + ": " + p.what(), null, p.line() == 0 ? null : p.text()));
                    said.add(p.line() == 0 ? Words.get("configLines.itemWholeFile", where(file, p), p.what())
                            : Words.get("configLines.item", where(file, p), p.text().strip(), p.what()));
                }
                List<ConfigProblem> rewritable = mine.stream().filter(ConfigProblem::rewritable).toList();
                if (!rewritable.isEmpty()) {
                    String lines = String.join(", ", rewritable.stream().map(p -> p.line() == 0 ? Words.get("configLines.wholeFile")
                            : Words.get("configLines.line", p.line())).toList());
                    fixes.add(new FixSuggestion(fixId, fixTitle.formatted(file.file()),
                            Words.get("configLines.detail", lines, file.path(), does),
                            new FixPlan.RewriteConfigLines(file.file(), findingId)));
                }
            }
            if (evidence.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Finding(findingId, Severity.WARNING, Confidence.HIGH, title, said(said) + " " + explanation, evidence, fixes));
        }
    }

    /** The most lines a finding's own text names; the rest are in its details. */
    static final int LINES_SAID = 5;

    /**
     * Which lines, and why, first: the user who asks why a setting does nothing reads the answer
     * in the finding itself, not only in the details or on "Your system".
     */
    static String said(List<String> lines) {
        String named = String.join(" ", lines.subList(0, Math.min(LINES_SAID, lines.size())));
        return lines.size() <= LINES_SAID ? named : named + " " + (lines.size() - LINES_SAID == 1 ? Words.get("configLines.moreOne")
                : Words.get("configLines.more", lines.size() - LINES_SAID));
    }

    static String where(ConfigFileCheck file, ConfigProblem p) {
        return file.file() + (p.line() == 0 ? "" : " line " + p.line());
    }

    public static final Rule LINE_IGNORED = new LinesOfKind(FindingId.WSLCONFIG_LINE_IGNORED,
            Words.get("finding.WSLCONFIG_LINE_IGNORED.title"),
            Words.get("finding.WSLCONFIG_LINE_IGNORED.explanation"),
            FixId.CONFIG_REWRITE_IGNORED_LINES, Words.get("finding.WSLCONFIG_LINE_IGNORED.fix.CONFIG_REWRITE_IGNORED_LINES.title", "%s"),
            Words.get("finding.WSLCONFIG_LINE_IGNORED.fix.CONFIG_REWRITE_IGNORED_LINES.does"));

    public static final Rule DUPLICATE_KEY = new LinesOfKind(FindingId.WSLCONFIG_DUPLICATE_KEY,
            Words.get("finding.WSLCONFIG_DUPLICATE_KEY.title"),
            Words.get("finding.WSLCONFIG_DUPLICATE_KEY.explanation"),
            FixId.CONFIG_COMMENT_OUT_DUPLICATES, Words.get("finding.WSLCONFIG_DUPLICATE_KEY.fix.CONFIG_COMMENT_OUT_DUPLICATES.title", "%s"),
            Words.get("finding.WSLCONFIG_DUPLICATE_KEY.fix.CONFIG_COMMENT_OUT_DUPLICATES.does"));

    public static final Rule ENCODING = new LinesOfKind(FindingId.WSLCONFIG_ENCODING,
            Words.get("finding.WSLCONFIG_ENCODING.title"),
            Words.get("finding.WSLCONFIG_ENCODING.explanation"),
            FixId.CONFIG_REWRITE_AS_UTF8, Words.get("finding.WSLCONFIG_ENCODING.fix.CONFIG_REWRITE_AS_UTF8.title", "%s"),
            Words.get("finding.WSLCONFIG_ENCODING.fix.CONFIG_REWRITE_AS_UTF8.does"));

    public static final Rule PARSING_STOPS = new LinesOfKind(FindingId.WSL_CONF_PARSING_STOPS,
            Words.get("finding.WSL_CONF_PARSING_STOPS.title"),
            Words.get("finding.WSL_CONF_PARSING_STOPS.explanation"),
            FixId.WSL_CONF_COMMENT_OUT_STOPPING_LINE, Words.get("finding.WSL_CONF_PARSING_STOPS.fix.WSL_CONF_COMMENT_OUT_STOPPING_LINE.title", "%s"),
            Words.get("finding.WSL_CONF_PARSING_STOPS.fix.WSL_CONF_COMMENT_OUT_STOPPING_LINE.does"));

    /**
     * The file asks for one networking mode and WSL runs another: WSL fell back (mirrored needs
     * Windows 11 22H2, a 5.10 kernel, IPv6 and the Hyper-V firewall) or a policy decides.
     */
    public static final Rule MODE_NOT_EFFECTIVE = obs -> {
        Optional<ConfigFileCheck> wslconfig = obs.data(ProbeId.CONFIG_FILES, ProbeData.ConfigFiles.class)
                .flatMap(d -> d.file(ConfigFileCheck.WSLCONFIG)).filter(ConfigFileCheck::read);
        WslFacts wsl = obs.environment() == null ? null : obs.environment().wsl();
        if (wslconfig.isEmpty() || wsl == null || wsl.kind() != WslFacts.Kind.WSL2 || wsl.networkingMode() == null
                || wsl.modeSource() == null || !wsl.modeSource().startsWith("wslinfo")) {
            return Optional.empty();
        }
        String configured = wslconfig.get().settings().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("wsl2.networkingMode")).map(Map.Entry::getValue).findFirst().orElse(null);
        if (configured == null || same(configured, wsl.networkingMode())) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of(".wslconfig (" + wslconfig.get().path() + ") asks for networkingMode=" + configured + "."));
        evidence.add(new Evidence("WSL says it runs in " + wsl.networkingMode() + " mode.", "wslinfo --networking-mode", wsl.networkingMode()));
        List<String> reasons = new ArrayList<>();
        if (configured.equalsIgnoreCase("mirrored")) {
            kernelTooOld(obs.environment().kernel()).ifPresent(k -> {
                reasons.add(Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.kernel", k));
                evidence.add(Evidence.of("Kernel " + obs.environment().kernel() + " is older than 5.10."));
            });
            reasons.add(Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.windows"));
            reasons.add(Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.ipv6"));
            reasons.add(Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.hyperv"));
        }
        reasons.add(Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.policy"));
        reasons.add(Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.restart"));
        String detail = Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.fix.CHECK_MIRRORED_REQUIREMENTS.detail") + "\n- " + String.join("\n- ", reasons);
        return Optional.of(new Finding(FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE, Severity.WARNING, Confidence.HIGH,
                Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.title"),
                Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.explanation", configured, wsl.networkingMode()),
                evidence, List.of(new FixSuggestion(FixId.CHECK_MIRRORED_REQUIREMENTS,
                        Words.get("finding.WSLCONFIG_MODE_NOT_EFFECTIVE.fix.CHECK_MIRRORED_REQUIREMENTS.title", configured), detail))));
    };

    /** "virtioproxy" is Consomme's old name; WSL compares modes without case. */
    private static boolean same(String configured, String running) {
        String a = configured.toLowerCase(Locale.ROOT).replace("virtioproxy", "consomme");
        String b = running.toLowerCase(Locale.ROOT).replace("virtioproxy", "consomme");
        return a.equals(b);
    }

    static Optional<String> kernelTooOld(String kernel) {
        if (kernel == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(kernel.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major < 5 || (major == 5 && minor < 10) ? Optional.of(major + "." + minor) : Optional.empty();
    }
}
