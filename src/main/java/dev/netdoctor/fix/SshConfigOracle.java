// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real ssh as judge: {@code ssh -G -F FILE HOST} prints every setting ssh would use for a
 * host. For the target hosts the new file must give {@code ipqos VALUE VALUE} and otherwise
 * the same settings as before; for every other sampled host the whole output must be the same.
 */
public final class SshConfigOracle implements Verifier {
    private static final Duration CALL = Duration.ofSeconds(5);
    /** Hosts that no user pattern is likely to name, to catch edits that leak to everyone. */
    static final List<String> UNRELATED = List.of("wsl-net-doctor-unrelated.example", "198.18.255.254");

    private final LinuxSide linux;
    private final String value;
    private final String pattern;
    private final List<String> targets;
    private final List<String> others;
    private final Map<String, String> otherPatterns;
    private final Map<String, String> before = new LinkedHashMap<>();
    /** What ssh said when it could not read the file as it is (null: it could, or there was none). */
    private String unreadable;
    private final String original;

    /**
     * @param original the file as it is before the edit (null when it does not exist), a path on
     *                 the Linux that {@code linux} runs commands on
     */
    public SshConfigOracle(LinuxSide linux, String original, byte[] originalBytes, String pattern, String value,
                           List<String> targetHosts) throws InterruptedException {
        this.linux = linux;
        this.value = value;
        this.original = original;
        this.pattern = pattern;
        Set<String> t = new LinkedHashSet<>();
        t.add(SshPatterns.example(pattern));
        t.addAll(targetHosts);
        this.targets = List.copyOf(t);
        this.otherPatterns = otherHostsByPattern(originalBytes, pattern);
        this.others = List.copyOf(otherPatterns.keySet());
        if (linux.hasCommand("ssh")) {
            String from = original == null ? "/dev/null" : original;
            for (String h : hosts()) {
                CommandRun r = linux.run(argv(from, h), CALL);
                before.put(h, r.succeeded() ? r.stdout() : null);
                if (!r.succeeded() && original != null && unreadable == null) {
                    unreadable = oneLine(r.stderr());
                }
            }
        }
    }

    public List<String> targets() {
        return targets;
    }

    public List<String> others() {
        return others;
    }

    private List<String> hosts() {
        List<String> all = new ArrayList<>(targets);
        all.addAll(others);
        return all;
    }

    /** Hosts named by the file's own Host patterns (wildcards filled in), and unrelated ones. */
    static List<String> otherHosts(byte[] original, String pattern) {
        return List.copyOf(otherHostsByPattern(original, pattern).keySet());
    }

    /** {@link #otherHosts}, each with the pattern of the file it was filled in from (itself for the unrelated ones). */
    private static Map<String, String> otherHostsByPattern(byte[] original, String pattern) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (TextLines.Line l : TextLines.parse(original).lines()) {
            SshConfigLine kv = SshConfigLine.read(l.text());
            if (kv.is("host")) {
                for (String p : kv.hostPatterns()) {
                    String h = SshPatterns.example(p.startsWith("!") ? p.substring(1) : p);
                    if (!SshPatterns.wildcard(pattern, h) && h.matches("[A-Za-z0-9._:-]+") && hosts.size() < 24) {
                        hosts.putIfAbsent(h, p.startsWith("!") ? p.substring(1) : p);
                    }
                }
            }
        }
        UNRELATED.stream().filter(h -> !SshPatterns.wildcard(pattern, h) && hosts.size() < 24).forEach(h -> hosts.putIfAbsent(h, h));
        return hosts;
    }

    private static List<String> argv(String file, String host) {
        return List.of("ssh", "-G", "-F", file, "--", host);
    }

    @Override
    public Verdict verify(String candidate) throws InterruptedException {
        if (!linux.hasCommand("ssh")) {
            return Verdict.couldNotRun("No ssh is installed here, so the result could not be checked with ssh -G.");
        }
        if (unreadable != null) {
            // ssh's own words name the user's file and its line; a copy with added lines would shift both
            return Verdict.failed("this ssh cannot read " + original + " as it is (" + unreadable + "), so no change to it can be"
                    + " checked. Make ssh accept that line first" + ignoreUnknown(unreadable) + ".");
        }
        List<String> problems = new ArrayList<>();
        String expected = "ipqos " + value + " " + value;
        for (String h : targets) {
            CommandRun r = linux.run(argv(candidate, h), CALL);
            if (!r.succeeded()) {
                problems.add("ssh cannot read the changed version of " + (original == null ? "the new file" : original) + " for " + h
                        + ": " + oneLine(r.stderr()).replace(candidate, "the changed version"));
                continue;
            }
            if (!r.stdout().lines().toList().contains(expected)) {
                problems.add("for " + h + " ssh would still use \"" + line(r.stdout(), "ipqos") + "\"");
            }
            String old = before.get(h);
            if (old != null && !withoutIpqos(old).equals(withoutIpqos(r.stdout()))) {
                problems.add("for " + h + " settings other than IPQoS would change");
            }
        }
        for (String h : others) {
            CommandRun r = linux.run(argv(candidate, h), CALL);
            String old = before.get(h);
            if (old != null && (!r.succeeded() || !old.equals(r.stdout()))) {
                problems.add("the settings for " + h + " would change");
            }
        }
        if (!problems.isEmpty()) {
            return Verdict.failed(String.join("; ", problems) + ".");
        }
        return Verdict.passed("ssh -G confirms: " + expected + " for " + String.join(", ", targets.stream().map(h -> inWords(h, pattern)).toList())
                + "; no change for " + others.size() + " other host(s) (" + String.join(", ",
                others.stream().map(h -> inWords(h, otherPatterns.get(h))).toList()) + ").");
    }

    /** A host as the user knows it: a name filled in for a wildcard is an example, said as such. */
    private static String inWords(String host, String from) {
        if (from == null || host.equals(from) || !host.equals(SshPatterns.example(from))) {
            return host;
        }
        return from.equals("*") ? "every host (Host *)" : "hosts matching " + from + " (tried as " + host + ")";
    }

    /** ssh's complaint on one line, control characters shown rather than sent to the terminal. */
    private static String oneLine(String stderr) {
        // ssh's closing "terminating, N bad configuration options" repeats what the lines above said
        return dev.netdoctor.config.ConfigValues.visible(String.join("; ", stderr.strip().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.contains(": terminating, ")).toList()));
    }

    /** OpenSSH's own way to keep an option another system's ssh knows (macOS's UseKeychain): IgnoreUnknown above it. */
    private static String ignoreUnknown(String complaint) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Bad configuration option: ([A-Za-z0-9]+)").matcher(complaint);
        return m.find() ? ": for an option only another system's ssh knows (such as macOS's UseKeychain), add the line"
                + " \"IgnoreUnknown " + m.group(1) + "\" above it" : "";
    }

    private static String line(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + " ")).findFirst().orElse(key + " (not set)");
    }

    private static List<String> withoutIpqos(String output) {
        return output.lines().filter(l -> !l.startsWith("ipqos ")).toList();
    }
}
