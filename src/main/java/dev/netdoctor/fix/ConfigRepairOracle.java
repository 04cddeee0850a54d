// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigIssue;
import dev.netdoctor.config.ConfigIssue.Kind;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigReading;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.FixPlan;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the candidate file with the same reader as the check: the lines of this kind that had a
 * rewrite must be gone, and every setting WSL read before must read the same (except the ones the
 * repair meant to change: a value put right, a key moved to where WSL reads it).
 */
public final class ConfigRepairOracle implements Verifier {
    private final ConfigFiles files;
    private final ConfigFileKind file;
    private final Kind kind;
    private final ConfigReading before;

    public ConfigRepairOracle(ConfigFiles files, ConfigFileKind file, Kind kind, byte[] original) {
        this.files = files;
        this.file = file;
        this.kind = kind;
        this.before = ConfigReader.read(file, original);
    }

    @Override
    public Verdict verify(String candidate) throws InterruptedException {
        ReadBack back = ReadBack.of(files, candidate);
        if (back.failure() != null) {
            return back.failure();
        }
        byte[] written = back.bytes();
        ConfigReading after = ConfigReader.read(file, written);
        long repairable = before.issues(kind).stream().filter(i -> !i.repairs().isEmpty()).count();
        List<ConfigIssue> left = after.issues(kind);
        long unrepairable = before.issues(kind).size() - repairable;
        if (kind != Kind.ENCODING && kind != Kind.PARSING_STOPS && left.size() > unrepairable) {
            return Verdict.failed("WSL would still read " + left.size() + " line(s) differently: "
                    + left.stream().map(i -> "line " + i.line()).collect(Collectors.joining(", ")));
        }
        // A file rewritten from UTF-16 is read for the first time: a line in it may stop the distro
        // too, which the next check reports; the rewrite itself only has to make it readable.
        boolean reencoded = before.issues(kind).stream().anyMatch(i -> i.repairs().stream().anyMatch(r -> r instanceof ConfigIssue.Reencode));
        if (kind == Kind.PARSING_STOPS && reencoded && after.issues(kind).stream().anyMatch(i -> i.reason().equals("utf16"))) {
            return Verdict.failed("the distro would still read the file as UTF-16");
        }
        if (kind == Kind.PARSING_STOPS && !reencoded && after.stopsAt().isPresent()) {
            return Verdict.failed("the distro would still stop reading at line " + after.stopsAt().getAsInt());
        }
        if (kind == Kind.ENCODING && !after.issues(Kind.ENCODING).stream().allMatch(i -> i.reason().equals("non-ascii"))) {
            return Verdict.failed("WSL would still not read the file as text");
        }
        Map<String, String> was = accepted(before);
        Map<String, String> now = accepted(after);
        // A value put right (a port list without the items WSL skipped) reads differently on purpose.
        before.issues(kind).stream().filter(i -> !i.repairs().isEmpty())
                .forEach(i -> before.settings().stream().filter(s -> s.line() == i.line())
                        .forEach(s -> was.remove(s.key().toLowerCase(java.util.Locale.ROOT))));
        for (Map.Entry<String, String> e : was.entrySet()) {
            if (!e.getValue().equals(now.get(e.getKey()))) {
                return Verdict.failed(e.getKey() + " would read differently: before " + e.getValue() + ", after " + now.get(e.getKey()));
            }
        }
        return Verdict.passed("read back as WSL reads it: " + (left.isEmpty() ? "no line of this kind is left" : left.size()
                + " line(s) left to change by hand") + ", and every setting WSL used before reads the same.");
    }

    private static Map<String, String> accepted(ConfigReading reading) {
        return reading.settings().stream().filter(ConfigReading.Setting::accepted)
                .collect(Collectors.toMap(s -> s.key().toLowerCase(java.util.Locale.ROOT), ConfigReading.Setting::value, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** The same for a fix the diagnosis planned. */
    public ConfigRepairOracle(ConfigFiles files, FixPlan.RewriteConfigLines plan, byte[] original) {
        this(files, fileOf(plan.file()), kindOf(plan.finding()), original);
    }

    /** The edit a planned rewrite makes, on the file's bytes as they are when it is applied. */
    public static Function<byte[], EditResult> edit(FixPlan.RewriteConfigLines plan) {
        ConfigFileKind file = fileOf(plan.file());
        Kind kind = kindOf(plan.finding());
        return original -> ConfigRepairEdit.repair(file, kind, original);
    }

    public static ConfigFileKind fileOf(String file) {
        return ConfigFileCheck.WSL_CONF.equals(file) ? ConfigFileKind.WSL_CONF : ConfigFileKind.WSLCONFIG;
    }

    public static Kind kindOf(dev.netdoctor.model.FindingId findingId) {
        return java.util.Arrays.stream(Kind.values()).filter(k -> k.findingId().equals(findingId.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a settings-file finding: " + findingId));
    }
}
