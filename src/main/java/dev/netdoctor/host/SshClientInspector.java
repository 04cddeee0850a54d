// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.Target;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Asks the user's own OpenSSH client what it is and what it would do for the target:
 * {@code ssh -V} and {@code ssh -G}, which prints the settings after the user's config files
 * are applied. We read the effective IPQoS, never assume a default: it differs between
 * OpenSSH releases and distributions.
 */
public final class SshClientInspector {
    /** The settings shown to the user and used by probes. */
    public static final Set<String> KEYS = Set.of("ipqos", "port", "hostname", "user", "proxyjump",
            "proxycommand", "connecttimeout", "addressfamily");
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final LinuxSide linux;

    public SshClientInspector(LinuxSide linux) {
        this.linux = linux;
    }

    public SshClientFacts inspect(Target target) throws InterruptedException {
        if (!linux.hasCommand("ssh")) {
            return SshClientFacts.missing("No OpenSSH client (ssh) is installed on " + linux.describe()
                    + "; on Debian or Ubuntu it comes with the openssh-client package.");
        }
        CommandRun version = linux.run(List.of("ssh", "-V"), TIMEOUT);
        String versionText = (version.stderr() + version.stdout()).strip();
        if (versionText.contains("\n")) {
            versionText = versionText.substring(0, versionText.indexOf('\n'));
        }
        if (target == null) {
            return new SshClientFacts(true, versionText, Map.of(), null, null, "No target given: settings not looked up.");
        }
        CommandRun g = linux.run(List.of("ssh", "-G", "-p", Integer.toString(target.port()), "--", target.host()), TIMEOUT);
        if (!g.succeeded()) {
            return new SshClientFacts(true, versionText, Map.of(), null, null,
                    "ssh -G could not read your configuration: " + firstLine(g.stderr()));
        }
        Map<String, String> effective = parseEffective(g.stdout());
        String[] qos = effective.getOrDefault("ipqos", "").split("\\s+");
        String interactive = qos.length > 0 && !qos[0].isEmpty() ? qos[0] : null;
        String bulk = qos.length > 1 ? qos[1] : interactive;
        return new SshClientFacts(true, versionText, effective, interactive, bulk, null);
    }

    /** Keeps the interesting keys of {@code ssh -G} output ("key value" lines, lower-case keys). */
    public static Map<String, String> parseEffective(String output) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            String key = line.substring(0, space).toLowerCase(Locale.ROOT);
            if (KEYS.contains(key) && !kept.containsKey(key)) {
                kept.put(key, line.substring(space + 1).strip());
            }
        }
        return kept;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
