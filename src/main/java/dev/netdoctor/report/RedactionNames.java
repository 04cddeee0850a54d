// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.SshClientFacts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user and host names a report mentions, found in the data itself: where the schema says
 * "this is a host" or "this is a user" (the target, ssh's effective hostname and user, the
 * outside host, the name lookup), and where a text shows one by its form (home directories,
 * ssh's own messages, getent's answer, Host/User lines of an ssh config in a fix's diff).
 * Names are then replaced wherever they appear, not only there; a host's parent domains of two
 * labels or more with it (nas.corp.acme.com also hides corp.acme.com and acme.com).
 *
 * <p>Never collected (so never replaced): {@code root}, which every Linux has; Windows' shared
 * profile folders (Public, Default); {@code localhost} and the names reserved for examples
 * (RFC 2606/6761: example.com/.net/.org, .example, .test, .invalid, .localhost); IP literals,
 * which are addresses and handled as such; one-character and all-digit names, which would hit
 * every word and number; our own placeholders and their prefixes (host, user, ip, ipv6, net);
 * and names containing an IPv4 address or a placeholder (e.g. 10.0.0.5.nip.io): their address
 * is replaced as an address, and collecting them would make a second pass differ from the first.
 */
final class RedactionNames {
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*");
    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.$ -]*");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[\\d.]+");
    private static final Pattern CONTAINS_IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(?:host|user|ip|ipv6|net)-\\d+");
    private static final Set<String> RESERVED = Set.of("host", "user", "ip", "ipv6", "net", "none", "localhost",
            "localhost.localdomain", "ip6-localhost", "ip6-loopback");
    private static final Set<String> KEPT_USERS = Set.of("root", "public", "default", "default user", "all users");
    private static final Set<String> EXAMPLE_DOMAINS = Set.of("example.com", "example.net", "example.org");
    private static final Set<String> EXAMPLE_TLDS = Set.of("example", "test", "invalid", "localhost");

    /** A Windows profile folder may hold a space ("Alice Smith"); then it must end in a separator. */
    private static final String PROFILE = "([\\p{L}\\p{N}_.$-]+(?: [\\p{L}\\p{N}_.$-]+){1,3}(?=[\\\\/])|[\\p{L}\\p{N}_.$-]+)";
    private static final Pattern HOME = Pattern.compile("/home/([\\p{L}\\p{N}_][\\p{L}\\p{N}_.$-]*)");
    /** Windows profiles (C:\\Users\\NAME, C:/Users/NAME, /mnt/c/Users/NAME) and macOS homes (/Users/NAME). */
    private static final Pattern USERS_DIR = Pattern.compile(
            "(?:\\b[A-Za-z]:[\\\\/](?i:users)|/mnt/[A-Za-z]/(?i:users)|/Users)[\\\\/]" + PROFILE);
    private static final Pattern SSH_CONNECTING = Pattern.compile("Connecting to (\\S+) \\[");
    private static final Pattern SSH_AUTHENTICATING = Pattern.compile("Authenticating to (\\S+?):\\d+ as '([^']+)'");
    private static final Pattern SSH_UNRESOLVED = Pattern.compile("resolve hostname (\\S+?):");
    private static final Pattern GETENT = Pattern.compile("(?m)^\\s*\\S+\\s+(?:STREAM|DGRAM|RAW)\\s+(\\S+)\\s*$");
    private static final Pattern SSH_CONFIG_LINE = Pattern.compile(
            "(?im)^[ +-]?\\s*(host|match|hostname|user|proxyjump|hostkeyalias)(?:\\s*=\\s*|\\s+)(.+?)\\s*$");

    private static final String HOSTNAME_KEY = "network.hostname";
    private static final String USER_KEY = "user.default";

    private final Map<String, String> hosts = new LinkedHashMap<>();
    private final Map<String, String> users = new LinkedHashMap<>();

    Set<String> hosts() {
        return hosts.keySet();
    }

    Set<String> users() {
        return users.keySet();
    }

    /** The names the schema marks as such. */
    void collect(DiagnosisResult r) {
        if (r == null) {
            return;
        }
        if (r.request() != null) {
            targetHost(r.request().target());
            userAtHost(r.request().vantage());
        }
        if (r.environment() != null && r.environment().sshClient() != null) {
            SshClientFacts ssh = r.environment().sshClient();
            host(ssh.effective().get("hostname"));
            host(ssh.effective().get("hostkeyalias"));
            user(ssh.effective().get("user"));
            jumps(ssh.effective().get("proxyjump"));
            String command = ssh.effective().get("proxycommand");
            if (command != null) {
                for (String word : command.split("\\s+")) {
                    if (word.indexOf('@') > 0) {
                        userAtHost(word);
                    }
                }
            }
        }
        if (r.environment() != null && r.environment().windows() != null) {
            // A VPN's name rules and the proxy name the company's own machines.
            var policy = r.environment().windows().policy();
            policy.nameRules().get().ifPresent(rules -> rules.forEach(rule -> host(rule.namespace().replaceFirst("^\\.", ""))));
            policy.proxy().get().ifPresent(proxy -> {
                if (proxy.server() != null) {
                    for (String part : proxy.server().split("[;=\\s]+")) {
                        host(part.replaceFirst(":\\d+$", ""));
                    }
                }
            });
        }
        for (ProbeOutcome p : r.probes()) {
            switch (p.data()) {
                case ProbeData.Resolution res -> host(res.host());
                case ProbeData.DnsServers dns -> host(dns.name());
                case ProbeData.ConfigFiles config -> config.files().forEach(file -> {
                    // wsl.conf names the distro's host name and its default user
                    host(file.settings().get(HOSTNAME_KEY));
                    user(file.settings().get(USER_KEY));
                    file.problems().stream().filter(q -> q.key() != null && q.text() != null && q.text().contains("="))
                            .forEach(q -> {
                                String value = q.text().substring(q.text().indexOf('=') + 1).replace("\"", "").strip();
                                if (q.key().equalsIgnoreCase(HOSTNAME_KEY)) {
                                    host(value);
                                } else if (q.key().equalsIgnoreCase(USER_KEY)) {
                                    user(value);
                                }
                            });
                });
                case ProbeData.Vantage v -> {
                    user(v.user());
                    host(v.host());
                }
                // No field the schema marks as a host or user name: addresses are replaced as
                // addresses, and every text in them is scanned for names by its form. Listed one by
                // one, so a new kind of data does not compile until someone decides which it is.
                case ProbeData.Ping _, ProbeData.Routes _, ProbeData.MarkedConnects _, ProbeData.SshHandshakes _,
                     ProbeData.OpenSshRuns _, ProbeData.PathMtu _, ProbeData.Sockets _, ProbeData.Listeners _,
                     ProbeData.LoopbackSelfTest _, ProbeData.ServicePorts _, ProbeData.LocalhostRelay _,
                     ProbeData.WindowsServices _, ProbeData.OtherDevices _, ProbeData.Clock _ -> {
                }
                // A proxy on a loopback address only: its host is 127.x or localhost, never a name to hide.
                case ProbeData.LoopbackProxy _ -> {
                }
                // Addresses and Windows' adapter names (a VPN product's, "vEthernet (WSL)"): no host or user names.
                case ProbeData.RouteCapture _ -> {
                }
                // A check that did not complete has no data.
                case null -> {
                }
            }
            userAtHost(p.parameters().get(ProbeId.VANTAGE_HOST));
        }
        for (Finding f : r.findings()) {
            for (FixSuggestion s : f.fixes()) {
                if (s.plan() instanceof FixPlan.SshIpqosNone ssh) {
                    host(ssh.target());
                    pattern(ssh.pattern());
                }
            }
        }
    }

    /** A fix's diff may show ssh config lines of other hosts than the target. */
    void collect(FixRecord fix) {
        if (fix.diff() == null) {
            return;
        }
        Matcher m = SSH_CONFIG_LINE.matcher(fix.diff());
        while (m.find()) {
            String value = m.group(2).replace("\"", "");
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "host" -> {
                    for (String p : value.split("[\\s,]+")) {
                        pattern(p);
                    }
                }
                case "hostname", "hostkeyalias" -> host(value);
                case "user" -> user(value);
                case "proxyjump" -> jumps(value);
                default -> match(value.split("\\s+"));
            }
        }
    }

    /** Names a text shows by their form. */
    void scan(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (text.contains("/home/")) {
            HOME.matcher(text).results().forEach(m -> user(m.group(1)));
        }
        if (text.toLowerCase(Locale.ROOT).contains("users")) {
            USERS_DIR.matcher(text).results().forEach(m -> user(m.group(1)));
        }
        if (text.contains("Connecting to ")) {
            SSH_CONNECTING.matcher(text).results().forEach(m -> host(m.group(1)));
        }
        if (text.contains("Authenticating to ")) {
            SSH_AUTHENTICATING.matcher(text).results().forEach(m -> {
                host(m.group(1));
                user(m.group(2));
            });
        }
        if (text.contains("resolve hostname ")) {
            SSH_UNRESOLVED.matcher(text).results().forEach(m -> host(m.group(1)));
        }
        if (text.contains("STREAM") || text.contains("DGRAM")) {
            GETENT.matcher(text).results().forEach(m -> host(m.group(1)));
        }
    }

    /** {@code HOST}, {@code HOST:PORT} or {@code [IPV6]:PORT}, as the request records the target. */
    private void targetHost(String target) {
        if (target == null) {
            return;
        }
        if (target.startsWith("[")) {
            return; // an IPv6 literal
        }
        int colon = target.indexOf(':');
        host(colon >= 0 && colon == target.lastIndexOf(':') ? target.substring(0, colon) : target);
    }

    /** {@code [USER@]HOST[:PORT]}. */
    private void userAtHost(String text) {
        if (text == null) {
            return;
        }
        int at = text.lastIndexOf('@');
        if (at > 0) {
            user(text.substring(0, at));
        }
        targetHost(text.substring(at + 1));
    }

    /** ProxyJump: {@code [user@]host[:port]} or {@code ssh://[user@]host[:port]}, comma-separated. */
    private void jumps(String value) {
        if (value == null) {
            return;
        }
        for (String jump : value.split(",")) {
            String j = jump.strip();
            userAtHost(j.startsWith("ssh://") ? j.substring(6) : j);
        }
    }

    /** Match criteria: {@code host a,b user c originalhost d localuser e …}. */
    private void match(String[] words) {
        for (int i = 0; i + 1 < words.length; i++) {
            String criterion = words[i].toLowerCase(Locale.ROOT);
            if (criterion.equals("host") || criterion.equals("originalhost")) {
                for (String p : words[i + 1].split(",")) {
                    pattern(p);
                }
            } else if (criterion.equals("user") || criterion.equals("localuser")) {
                for (String u : words[i + 1].split(",")) {
                    user(u.startsWith("!") ? u.substring(1) : u);
                }
            }
        }
    }

    /**
     * An ssh Host pattern: its literal parts are names ("*.corp.example.net" gives
     * "corp.example.net", "nas*" gives "nas"); an IPv4 wildcard is left to the address rules.
     */
    private void pattern(String pattern) {
        if (pattern == null) {
            return;
        }
        String p = pattern.startsWith("!") ? pattern.substring(1) : pattern;
        for (String part : p.split("[*?]+")) {
            String literal = part.replaceAll("^[.-]+|[.-]+$", "");
            if (literal.chars().anyMatch(Character::isLetter)) {
                host(literal);
            }
        }
    }

    private void host(String name) {
        if (name == null) {
            return;
        }
        String n = name.strip();
        while (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        String key = n.toLowerCase(Locale.ROOT);
        if (!HOST.matcher(n).matches() || !acceptable(key) || example(key)) {
            return;
        }
        hosts.putIfAbsent(key, n);
        // nas.corp.acme.com also tells corp.acme.com (a search domain, a "*.corp.acme.com" pattern)
        for (int dot = key.indexOf('.'); dot >= 0 && key.indexOf('.', dot + 1) >= 0; dot = key.indexOf('.', dot + 1)) {
            String parent = key.substring(dot + 1);
            if (acceptable(parent) && !example(parent)) {
                hosts.putIfAbsent(parent, n.substring(dot + 1));
            }
        }
    }

    private void user(String name) {
        if (name == null) {
            return;
        }
        String n = name.strip();
        String key = n.toLowerCase(Locale.ROOT);
        if (!USER.matcher(n).matches() || !acceptable(key) || KEPT_USERS.contains(key)) {
            return;
        }
        users.putIfAbsent(key, n);
    }

    private static boolean acceptable(String key) {
        return key.length() >= 2 && key.indexOf(':') < 0 && !DIGITS_AND_DOTS.matcher(key).matches()
                && !RESERVED.contains(key) && !CONTAINS_IPV4.matcher(key).find() && !PLACEHOLDER.matcher(key).find();
    }

    private static boolean example(String key) {
        int dot = key.lastIndexOf('.');
        String tld = dot < 0 ? key : key.substring(dot + 1);
        return EXAMPLE_TLDS.contains(tld) || EXAMPLE_DOMAINS.stream().anyMatch(d -> key.equals(d) || key.endsWith("." + d));
    }
}
