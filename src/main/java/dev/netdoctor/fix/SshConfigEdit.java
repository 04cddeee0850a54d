// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes the IPQoS that ssh really uses for some hosts {@code none} (or another value), and
 * changes nothing else for any host. OpenSSH takes the first value it obtains for each option,
 * reading top to bottom; Host/Match start sections; lines before the first section apply to
 * every host; Include reads other files at that point. So: where a block for exactly the
 * pattern exists and nothing earlier wins, its IPQoS line is changed in place; otherwise a marked
 * block goes right after the global preamble, where it is read first, placed so that it splits
 * no heading comment and no region another tool manages ({@link #place}). When the preamble, an
 * earlier section or an included file would still win, the edit refuses and says what to change.
 */
public final class SshConfigEdit {
    /** OpenSSH's own limit on nested Include. */
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final Pattern HOST_PATTERN = Pattern.compile("[A-Za-z0-9._*?:%\\[\\]-]{1,253}");

    /** Reads the files an Include argument names; a null content means unreadable. */
    public interface IncludeReader {
        List<Included> read(String argument);

        IncludeReader NONE = argument -> List.of();
    }

    public record Included(String name, byte[] content) {
    }

    private SshConfigEdit() {
    }

    /** Checks a Host pattern as the user typed it for the fix. */
    public static String checkPattern(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidInputException("The host pattern is empty: give one like 192.168.1.* or nas.local.");
        }
        dev.netdoctor.model.Target.checkCharacters("host pattern", pattern, 253);
        if (pattern.startsWith("!") || !HOST_PATTERN.matcher(pattern).matches()) {
            throw new InvalidInputException("\"" + pattern + "\" is not a host pattern ssh_config accepts here: use letters, digits, . - * ? and no spaces.");
        }
        return pattern;
    }

    /** Checks an IPQoS value: "none" or a class name ssh_config knows. */
    public static String checkValue(String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        if (DscpClass.parse(v).isEmpty() || !v.matches("[a-z0-9]+")) {
            throw new InvalidInputException("\"" + value + "\" is not an IPQoS value: use none, or a class such as af21, cs1, ef, throughput.");
        }
        return v;
    }

    /**
     * @param original    the file's bytes (empty for a file that does not exist yet)
     * @param pattern     the Host pattern, e.g. {@code 192.168.1.*}
     * @param value       the IPQoS to obtain, normally {@code none}
     * @param sampleHosts concrete hosts the pattern is meant for (e.g. the target); an example
     *                    filled in from the pattern is always added
     */
    public static EditResult setIpqos(byte[] original, String pattern, String value, LocalDate date,
                                      List<String> sampleHosts, IncludeReader includes) {
        checkPattern(pattern);
        checkValue(value);
        TextLines text = TextLines.parse(original);
        List<TextLines.Line> lines = text.lines();
        List<SshConfigLine> parsed = lines.stream().map(l -> SshConfigLine.read(l.text())).toList();
        Set<String> samples = new LinkedHashSet<>();
        samples.add(SshPatterns.example(pattern));
        samples.addAll(sampleHosts);

        int exact = exactBlock(parsed, pattern);
        int firstSection = firstSection(parsed);
        int searchEnd = exact >= 0 ? sectionEnd(parsed, exact) : (firstSection >= 0 ? firstSection : parsed.size());
        Map<Source, List<String>> winners = new LinkedHashMap<>();
        Source ours = null;
        for (String host : samples) {
            Source s = firstIpqos(parsed, searchEnd, host, includes, 0, "your config");
            boolean inExactBlock = s != null && s.file().equals("your config") && exact >= 0 && s.line() > exact;
            if (s != null && !inExactBlock) {
                winners.computeIfAbsent(s, k -> new ArrayList<>()).add(host);
            } else if (inExactBlock) {
                ours = s;
            }
        }
        List<String> conflicts = new ArrayList<>();
        winners.forEach((s, hosts) -> conflicts.add(s.describe(String.join(" and ", hosts)) + " " + advice(s, pattern)));
        if (!conflicts.isEmpty()) {
            return new EditResult(original, false, List.of(), conflicts.stream().distinct().toList());
        }
        if (exact >= 0) {
            EditResult edited = editBlock(original, lines, exact, ours, pattern, value);
            // the user's own block, but between a tool's markers: the change is kept only until that tool rewrites them
            return ManagedRegions.find(lines.stream().map(TextLines.Line::text).toList()).stream()
                    .filter(r -> edited.changed() && r.open() < exact && exact <= r.close()).findFirst()
                    .map(r -> new EditResult(edited.updated(), true, java.util.stream.Stream.concat(edited.notes().stream(),
                            java.util.stream.Stream.of("Note: that block is inside lines " + (r.open() + 1) + "-" + (r.close() + 1)
                                    + ", which another tool manages (\"" + r.opening() + "\" to \"" + r.closing() + "\"); if it"
                                    + " rewrites them, this change is lost: then set IPQoS none where that tool takes its settings."))
                            .toList(), edited.conflicts()))
                    .orElse(edited);
        }
        return insertBlock(text, parsed, place(lines, parsed, firstSection, samples, includes), pattern, value, date);
    }

    /** Where the new block goes ({@code at}: before that 0-based line; the end when it is the line count) and why there. */
    record Place(int at, String why) {
    }

    /**
     * Before the first Host/Match block, so ssh reads it first; but never between a heading comment
     * and what it heads, nor inside a region another tool rewrites (then the block would head their
     * lines, or vanish with them). Moving up stops at an option of the preamble: below our Host line
     * it would apply to our hosts only. Where no such place exists above, the first place below from
     * which no earlier Host/Match sets IPQoS for these hosts; OpenSSH's first-value-wins is all that
     * matters, and ssh -G checks it again.
     */
    static Place place(List<TextLines.Line> lines, List<SshConfigLine> parsed, int firstSection, Set<String> samples,
                       IncludeReader includes) {
        int n = lines.size();
        if (firstSection < 0) {
            return new Place(n, n == 0 ? "as the only lines of the file" : "at the end of the file (after line " + n + ")");
        }
        List<ManagedRegions.Region> regions = ManagedRegions.find(lines.stream().map(TextLines.Line::text).toList());
        String first = "the first Host/Match block, line " + (firstSection + 1);
        for (int p = firstSection; p >= 0 && !captures(parsed, p); p--) {
            if (fits(lines, regions, p)) {
                String why = p == firstSection ? " (" + first.replace(", line " + (p + 1), "") + "), so ssh reads it first"
                        : regions.stream().filter(r -> r.splitBy(firstSection)).findFirst()
                        .map(r -> ", so ssh reads it first; above lines " + (r.open() + 1) + "-" + (r.close() + 1)
                                + ", which another tool manages (\"" + r.opening() + "\" to \"" + r.closing()
                                + "\"), since that tool's next rewrite would remove anything added between them")
                        .orElse(", so ssh reads it first; above the comment that heads " + first + ", which stays with its block");
                return new Place(p, "before line " + (p + 1) + why);
            }
        }
        for (int p = firstSection + 1; p <= n; p++) {
            int at = p;
            if (fits(lines, regions, p) && !captures(parsed, p)
                    && samples.stream().allMatch(h -> firstIpqos(parsed, at, h, includes, 0, "your config") == null)) {
                String region = regions.stream().filter(r -> r.splitBy(firstSection)).findFirst()
                        .map(r -> " after lines " + (r.open() + 1) + "-" + (r.close() + 1) + ", which another tool manages (\""
                                + r.opening() + "\" to \"" + r.closing() + "\"),").orElse("");
                return new Place(p, (p == n ? "at the end of the file (after line " + n + ")," : "before line " + (p + 1) + ",")
                        + region + " since no Host/Match block above it sets IPQoS for these hosts, ssh still takes this one");
            }
        }
        String inside = regions.stream().filter(r -> r.splitBy(firstSection)).findFirst()
                .map(r -> ". Note: that is inside lines " + (r.open() + 1) + "-" + (r.close() + 1) + ", which another tool manages (\""
                        + r.opening() + "\" to \"" + r.closing() + "\"); if it rewrites them, the block is lost: then add it again"
                        + " above line " + (r.open() + 1)).orElse("");
        return new Place(firstSection, "before line " + (firstSection + 1) + " (" + first + "), so ssh reads it first" + inside);
    }

    /** Inserting before line {@code at} splits neither a heading comment from what follows nor a managed region. */
    private static boolean fits(List<TextLines.Line> lines, List<ManagedRegions.Region> regions, int at) {
        if (regions.stream().anyMatch(r -> r.splitBy(at))) {
            return false;
        }
        boolean afterComment = at > 0 && ManagedRegions.comment(lines.get(at - 1).text()) != null;
        boolean afterRegion = regions.stream().anyMatch(r -> r.close() == at - 1);
        return at == 0 || at == lines.size() || !afterComment || afterRegion;
    }

    /** Whether options follow line {@code at} before the next Host/Match: our Host line would take them over. */
    private static boolean captures(List<SshConfigLine> parsed, int at) {
        for (int k = at; k < parsed.size() && !parsed.get(k).startsSection(); k++) {
            if (parsed.get(k).keyword() != null) {
                return true;
            }
        }
        return false;
    }

    private static EditResult editBlock(byte[] original, List<TextLines.Line> lines, int hostLine, Source current,
                                        String pattern, String value) {
        List<TextLines.Line> out = new ArrayList<>(lines);
        if (current != null) {
            if (current.value().equalsIgnoreCase(value)) {
                return new EditResult(original, false, List.of("IPQoS is already " + value + " for Host " + pattern
                        + " (line " + current.line() + "); nothing to change."), List.of());
            }
            TextLines.Line old = lines.get(current.line() - 1);
            SshConfigLine kv = SshConfigLine.read(old.text());
            out.set(current.line() - 1, new TextLines.Line(old.text().substring(0, kv.valueStart()) + value
                    + old.text().substring(kv.valueEnd()), old.ending()));
            return new EditResult(TextLines.join(out), true, List.of("Changes IPQoS from " + current.value() + " to " + value
                    + " in your Host " + pattern + " block (line " + current.line() + ")."), List.of());
        }
        String ending = lines.get(hostLine).ending().isEmpty() ? dominant(lines) : lines.get(hostLine).ending();
        if (lines.get(hostLine).ending().isEmpty()) {
            // The Host line was the last line, without newline: keep the file ending without one.
            out.set(hostLine, new TextLines.Line(lines.get(hostLine).text(), ending));
            ending = "";
        }
        out.add(hostLine + 1, new TextLines.Line(indent(lines) + "IPQoS " + value, ending));
        return new EditResult(TextLines.join(out), true, List.of("Adds \"IPQoS " + value + "\" to your Host " + pattern
                + " block (after line " + (hostLine + 1) + ")."), List.of());
    }

    private static EditResult insertBlock(TextLines text, List<SshConfigLine> parsed, Place place, String pattern, String value,
                                          LocalDate date) {
        List<TextLines.Line> lines = text.lines();
        List<TextLines.Line> out = new ArrayList<>(lines);
        String eol = text.dominantEnding();
        List<String> block = new ArrayList<>();
        int insertAt = place.at();
        int at = insertAt == lines.size() ? -1 : insertAt;
        boolean blankBefore = insertAt > 0 && !lines.get(insertAt - 1).text().isBlank();
        if (blankBefore) {
            block.add("");
        }
        block.add("# WSL Net Doctor, " + date + ": no packet marking (IPQoS) for these hosts; marked packets were dropped on the way.");
        block.add("Host " + pattern);
        block.add(indent(lines) + "IPQoS " + value);
        if (at >= 0) {
            block.add(""); // keep the following Host/Match visibly apart
        }
        List<TextLines.Line> added = new ArrayList<>();
        for (String b : block) {
            added.add(new TextLines.Line(TextLines.ours(b), eol));
        }
        if (at < 0 && !text.endsWithNewline()) {
            // Appending to a file without final newline: end the old last line, keep the file without one.
            TextLines.Line last = out.getLast();
            out.set(out.size() - 1, new TextLines.Line(last.text(), eol));
            TextLines.Line tail = added.getLast();
            added.set(added.size() - 1, new TextLines.Line(tail.text(), ""));
        }
        out.addAll(insertAt, added);
        return new EditResult(TextLines.join(out), true, List.of("Adds a block \"Host " + pattern + "\" with \"IPQoS " + value + "\" "
                + place.why() + "."), List.of());
    }

    /** Where a host first obtains IPQoS among lines [0, end), following Include; null when nowhere. */
    private static Source firstIpqos(List<SshConfigLine> parsed, int end, String host, IncludeReader includes, int depth, String file) {
        boolean active = true;
        String section = "before any Host block (applies to all hosts)";
        boolean certain = true;
        int sectionLine = 0;
        for (int i = 0; i < end && i < parsed.size(); i++) {
            SshConfigLine l = parsed.get(i);
            if (l.is("host")) {
                active = SshPatterns.hostLineMatches(l.hostPatterns(), host);
                section = "in \"Host " + l.value() + "\" (line " + (i + 1) + ")";
                certain = true;
                sectionLine = i + 1;
            } else if (l.is("match")) {
                // Match criteria (exec, user, …) cannot be judged here: assume it may apply.
                active = true;
                certain = l.value().trim().equalsIgnoreCase("all");
                section = "in \"Match " + l.value() + "\" (line " + (i + 1) + ")";
                sectionLine = i + 1;
            } else if (active && l.is("ipqos")) {
                return new Source(file, i + 1, l.value(), section, certain, sectionLine);
            } else if (active && l.is("include") && depth < MAX_INCLUDE_DEPTH) {
                for (String arg : l.arguments()) {
                    for (Included inc : includes.read(arg)) {
                        if (inc.content() == null) {
                            return new Source(inc.name(), 0, "?", "(included from line " + (i + 1) + ", and unreadable)", false, i + 1);
                        }
                        List<SshConfigLine> inner = TextLines.parse(inc.content()).lines().stream()
                                .map(x -> SshConfigLine.read(x.text())).toList();
                        Source s = firstIpqos(inner, inner.size(), host, includes, depth + 1, inc.name());
                        if (s != null) {
                            return new Source(s.file(), s.line(), s.value(), s.section() + ", included from line " + (i + 1),
                                    s.certain(), i + 1);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A place that sets IPQoS. */
    private record Source(String file, int line, String value, String section, boolean certain, int sectionLine) {
        String describe(String host) {
            String where = line > 0 ? file + " line " + line : file;
            return (certain ? "" : "Possibly: ") + where + " sets \"IPQoS " + value + "\" " + section + ", which ssh reads first for "
                    + host + ".";
        }
    }

    private static String advice(Source s, String pattern) {
        if (s.section().startsWith("before any Host")) {
            return "Change that line to \"IPQoS none\" if all hosts should go unmarked, or move it into a \"Host *\" block at the end of the file.";
        }
        if (!s.file().equals("your config")) {
            return "Change it there, or add \"IPQoS none\" for " + pattern + " in that file.";
        }
        return "Move your \"Host " + pattern + "\" block above line " + s.sectionLine() + ", or change that line.";
    }

    private static int exactBlock(List<SshConfigLine> parsed, String pattern) {
        for (int i = 0; i < parsed.size(); i++) {
            SshConfigLine l = parsed.get(i);
            if (l.is("host") && l.hostPatterns().size() == 1 && l.hostPatterns().getFirst().equalsIgnoreCase(pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static int firstSection(List<SshConfigLine> parsed) {
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).startsSection()) {
                return i;
            }
        }
        return -1;
    }

    private static int sectionEnd(List<SshConfigLine> parsed, int start) {
        for (int i = start + 1; i < parsed.size(); i++) {
            if (parsed.get(i).startsSection()) {
                return i;
            }
        }
        return parsed.size();
    }

    /** The indentation the file already uses for options inside blocks; four spaces otherwise. */
    private static String indent(List<TextLines.Line> lines) {
        for (TextLines.Line l : lines) {
            String t = l.text();
            if (!t.isBlank() && (t.charAt(0) == ' ' || t.charAt(0) == '\t') && !t.strip().startsWith("#")) {
                return t.substring(0, t.length() - t.stripLeading().length());
            }
        }
        return "    ";
    }

    private static String dominant(List<TextLines.Line> lines) {
        return TextLines.parse(TextLines.join(lines)).dominantEnding();
    }
}
