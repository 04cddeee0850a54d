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
    private final List<String> targets;
    private final List<String> others;
    private final Map<String, String> before = new LinkedHashMap<>();

    /**
     * @param original the file as it is before the edit (null when it does not exist), a path on
     *                 the Linux that {@code linux} runs commands on
     */
    public SshConfigOracle(LinuxSide linux, String original, byte[] originalBytes, String pattern, String value,
                           List<String> targetHosts) throws InterruptedException {
        this.linux = linux;
        this.value = value;
        Set<String> t = new LinkedHashSet<>();
        t.add(SshPatterns.example(pattern));
        t.addAll(targetHosts);
        this.targets = List.copyOf(t);
        this.others = otherHosts(originalBytes, pattern);
        if (linux.hasCommand("ssh")) {
            String from = original == null ? "/dev/null" : original;
            for (String h : hosts()) {
                CommandRun r = linux.run(argv(from, h), CALL);
                before.put(h, r.succeeded() ? r.stdout() : null);
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
        Set<String> hosts = new LinkedHashSet<>();
        for (TextLines.Line l : TextLines.parse(original).lines()) {
            SshConfigLine kv = SshConfigLine.read(l.text());
            if (kv.is("host")) {
                for (String p : kv.hostPatterns()) {
                    String h = SshPatterns.example(p.startsWith("!") ? p.substring(1) : p);
                    if (!SshPatterns.wildcard(pattern, h) && h.matches("[A-Za-z0-9._:-]+")) {
                        hosts.add(h);
                    }
                }
            }
        }
        UNRELATED.stream().filter(h -> !SshPatterns.wildcard(pattern, h)).forEach(hosts::add);
        return hosts.stream().limit(24).toList();
    }

    private static List<String> argv(String file, String host) {
        return List.of("ssh", "-G", "-F", file, "--", host);
    }

    @Override
    public Verdict verify(String candidate) throws InterruptedException {
        if (!linux.hasCommand("ssh")) {
            return Verdict.couldNotRun("No ssh is installed here, so the result could not be checked with ssh -G.");
        }
        List<String> problems = new ArrayList<>();
        String expected = "ipqos " + value + " " + value;
        for (String h : targets) {
            CommandRun r = linux.run(argv(candidate, h), CALL);
            if (!r.succeeded()) {
                problems.add("ssh cannot read the new file for " + h + ": " + r.stderr().strip());
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
        return Verdict.passed("ssh -G confirms: " + expected + " for " + String.join(", ", targets) + "; no change for "
                + others.size() + " other host(s) (" + String.join(", ", others) + ").");
    }

    private static String line(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + " ")).findFirst().orElse(key + " (not set)");
    }

    private static List<String> withoutIpqos(String output) {
        return output.lines().filter(l -> !l.startsWith("ipqos ")).toList();
    }
}
