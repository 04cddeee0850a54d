// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

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
final class ConfigRules {
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
            List<FixSuggestion> fixes = new ArrayList<>();
            for (ConfigFileCheck file : data.get().files()) {
                List<ConfigProblem> mine = file.problems().stream().filter(p -> p.findingId().equals(findingId)).toList();
                for (ConfigProblem p : mine) {
                    evidence.add(new Evidence(where(file, p) + ": " + p.what(), null, p.line() == 0 ? null : p.text()));
                }
                List<ConfigProblem> rewritable = mine.stream().filter(ConfigProblem::rewritable).toList();
                if (!rewritable.isEmpty()) {
                    String lines = String.join(", ", rewritable.stream().map(p -> p.line() == 0 ? "the whole file" : "line " + p.line()).toList());
                    fixes.add(new FixSuggestion(fixId, fixTitle.formatted(file.file()),
                            "Changes " + lines + " of " + file.path() + ": " + does + " You see the change first, a backup is"
                                    + " kept, and it can be undone. Lines without a safe rewrite are left for you.",
                            new FixPlan.RewriteConfigLines(file.file(), findingId)));
                }
            }
            if (evidence.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Finding(findingId, Severity.WARNING, Confidence.HIGH, title, explanation, evidence, fixes));
        }
    }

    static String where(ConfigFileCheck file, ConfigProblem p) {
        return file.file() + (p.line() == 0 ? "" : " line " + p.line());
    }

    static final Rule LINE_IGNORED = new LinesOfKind(FindingId.WSLCONFIG_LINE_IGNORED,
            "WSL ignores lines of its settings file",
            "WSL reads .wslconfig and /etc/wsl.conf by stricter rules than they look: a setting outside its [section], a"
                    + " misspelt name, or a value WSL cannot read is skipped without an error you would see. Those lines"
                    + " do nothing today.",
            FixId.CONFIG_REWRITE_IGNORED_LINES, "Rewrite the ignored lines of %s",
            "each line is written the way WSL reads what was meant (moved into its section, the key name WSL knows, a value"
                    + " WSL accepts, backslashes doubled).");

    static final Rule DUPLICATE_KEY = new LinesOfKind(FindingId.WSLCONFIG_DUPLICATE_KEY,
            "A setting is written twice; WSL uses only the first",
            "WSL uses the first line that sets a key and ignores the later ones, also when one is in [wsl2] and the other in"
                    + " [experimental] (WSL takes both names as the same setting). A later line you changed may be the one"
                    + " that does nothing.",
            FixId.CONFIG_COMMENT_OUT_DUPLICATES, "Comment out the settings %s ignores",
            "each later line of a setting becomes a # comment, so the file shows the one WSL uses.");

    static final Rule ENCODING = new LinesOfKind(FindingId.WSLCONFIG_ENCODING,
            "The settings file is saved in a way WSL misreads",
            "WSL reads .wslconfig as UTF-8 (or UTF-16 with its byte order mark) and squeezes every character into one byte;"
                    + " a file saved otherwise, or a value with letters outside ASCII, is not read as written.",
            FixId.CONFIG_REWRITE_AS_UTF8, "Rewrite %s as UTF-8",
            "the file is saved again as UTF-8 with the same text.");

    static final Rule PARSING_STOPS = new LinesOfKind(FindingId.WSL_CONF_PARSING_STOPS,
            "The distro stops reading /etc/wsl.conf partway",
            "The distro stops reading /etc/wsl.conf at the first line it cannot read (Windows skips such a line in .wslconfig and reads on), so"
                    + " every setting below that line is ignored, even correct ones.",
            FixId.WSL_CONF_COMMENT_OUT_STOPPING_LINE, "Make %s readable to the end",
            "each line the distro cannot read becomes a # comment (a ';' becomes '#'), so it reads every setting after it.");

    /**
     * The file asks for one networking mode and WSL runs another: WSL fell back (mirrored needs
     * Windows 11 22H2, a 5.10 kernel, IPv6 and the Hyper-V firewall) or a policy decides.
     */
    static final Rule MODE_NOT_EFFECTIVE = obs -> {
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
                reasons.add("Your Linux kernel is " + k + "; mirrored networking needs 5.10 or newer.");
                evidence.add(Evidence.of("Kernel " + obs.environment().kernel() + " is older than 5.10."));
            });
            reasons.add("Mirrored networking needs Windows 11 22H2 (build 22621) or later; on Windows 10 WSL falls back to NAT.");
            reasons.add("IPv6 turned off in the registry (HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters,"
                    + " DisabledComponents=0xFF) makes WSL fall back to NAT.");
            reasons.add("The Hyper-V firewall must be available (HyperVFirewallDisable=1 under MpsSvc\\Parameters turns it off).");
        }
        reasons.add("Your organisation may set the mode by policy (HKLM\\SOFTWARE\\Policies\\WSL, AllowNetworkingModeUserSetting=0).");
        reasons.add("WSL reads .wslconfig only when it starts: if the file changed since, run wsl --shutdown and wait 8 seconds.");
        String detail = "WSL says why when it starts, in the first lines a distro prints (\"... Falling back to NAT networking\"). "
                + "Possible reasons:\n- " + String.join("\n- ", reasons);
        return Optional.of(new Finding(FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE, Severity.WARNING, Confidence.HIGH,
                "WSL is not running the networking mode you set",
                ".wslconfig says networkingMode=" + configured + ", but WSL runs in " + wsl.networkingMode() + " mode. WSL falls"
                        + " back without an error you would see when the mode cannot be used on this computer.",
                evidence, List.of(new FixSuggestion(FixId.CHECK_MIRRORED_REQUIREMENTS, "Find out why WSL did not use "
                        + configured + " mode", detail))));
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
