// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites one text of a report: IPv6 addresses, then IPv4 addresses and IPv4 wildcard patterns,
 * then the collected host and user names. One instance serves a whole report, so a value gets
 * the same placeholder wherever it appears; placeholders are numbered in order of appearance.
 *
 * <p>Kept as they are, because they say nothing about who or where and help to read the report:
 * <ul>
 * <li>IPv4: 0.0.0.0/8 (unspecified, "this network"), 127.0.0.0/8 (loopback), 169.254.0.0/16
 * (link-local: the same few addresses on every machine, e.g. WSL's mirrored-mode 169.254.73.x),
 * the documentation and benchmark ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and
 * 198.18.0.0/15, and 240.0.0.0/4 (reserved, never assigned; it holds 255.255.255.255 and every
 * netmask such as 255.255.255.0).</li>
 * <li>IPv6: :: and ::1, 2001:db8::/32 (documentation), and link-local fe80::/10, except when its
 * interface identifier is built from the MAC address (EUI-64, "…ff:fe…" in the middle, as on
 * most Linux interfaces): that one names the network card, so it is replaced like any other.
 * An IPv4-mapped address (::ffff:a.b.c.d) follows the rules of its IPv4 address and shares its
 * placeholder: {@code ::ffff:ip-1}.</li>
 * </ul>
 *
 * <p>Not addresses, so left alone: versions with four numbers (a kernel's
 * {@code 6.6.87.2-microsoft-standard-WSL2} or {@code 5.15.167.4-1}: a dotted quad followed by
 * '-' and a letter or digit; "WSL version: 2.4.13.0": a dotted quad right after the word
 * "version"; {@code 10.0.26100.3476}: numbers out of range or more than four of them), times
 * (03:00:00), MAC addresses and fingerprints: IPv6 candidates must parse as IPv6.
 */
final class RedactionText {
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|0?\\d?\\d)";
    private static final String WORD_BEFORE = "(?<![\\p{L}\\p{N}_.])";
    private static final String WORD_AFTER = "(?![\\p{L}\\p{N}_])";
    /** A dotted quad standing alone: not part of a longer dotted number, a word or a version. */
    private static final Pattern IPV4 = Pattern.compile(WORD_BEFORE + "(?<!(?i:version)[\\s:=]{0,3})"
            + "(" + OCTET + "(?:\\." + OCTET + "){3})" + WORD_AFTER + "(?!\\.\\d)"
            // "-microsoft…", "-1" make it a version; "-10.0.0.9" (a range) does not
            + "(?!-(?!\\d{1,3}(?:\\.\\d{1,3}){3})[\\p{L}\\p{N}])");
    /**
     * The network part of an ssh Host pattern such as 192.168.1.* or 10.20.*.*: two or three
     * numbers, so "Python 3.*" stays, and not after '-', so "net-1.*" stays.
     */
    private static final Pattern IPV4_WILDCARD = Pattern.compile("(?<![\\p{L}\\p{N}_.-])"
            + "(" + OCTET + "(?:\\." + OCTET + "){1,2})((?:\\.\\*){1,3})(?![\\p{L}\\p{N}_*])(?!\\.[\\p{L}\\p{N}_*])");
    /** Hex digits, colons and dots; whether it is an address is decided by parsing it. */
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("(?<![\\p{L}\\p{N}_.:])[0-9A-Fa-f:.]{2,}" + WORD_AFTER);
    private static final Pattern PORT_TAIL = Pattern.compile("(.*?)(:\\d{1,5}\\.?)");

    /** IPv4 networks kept: base address and prefix length. */
    private static final int[][] KEPT_IPV4 = {
            {ip(0, 0, 0, 0), 8}, {ip(127, 0, 0, 0), 8}, {ip(169, 254, 0, 0), 16},
            {ip(192, 0, 2, 0), 24}, {ip(198, 51, 100, 0), 24}, {ip(203, 0, 113, 0), 24},
            {ip(198, 18, 0, 0), 15}, {ip(240, 0, 0, 0), 4}};

    private final Pattern names;
    private final Map<String, String> nameKinds = new HashMap<>();
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** @param hosts host names and @param users user names, lower case, from {@link RedactionNames} */
    RedactionText(Set<String> hosts, Set<String> users) {
        users.forEach(u -> nameKinds.put(u, "user"));
        hosts.forEach(h -> nameKinds.put(h, "host")); // a name that is both reads as a host
        this.names = nameKinds.isEmpty() ? null : namePattern(nameKinds.keySet());
    }

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        if (s.indexOf(':') >= 0) {
            s = IPV6_CANDIDATE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(ipv6Candidate(m.group())));
        }
        if (s.indexOf('.') >= 0) {
            s = IPV4_WILDCARD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(wildcard(m.group(1), m.group(2))));
            s = IPV4.matcher(s).replaceAll(m -> Matcher.quoteReplacement(ipv4(m.group(1))));
        }
        if (names != null) {
            s = names.matcher(s).replaceAll(m -> {
                String key = m.group().toLowerCase(Locale.ROOT);
                return Matcher.quoteReplacement(placeholder(nameKinds.get(key), key));
            });
        }
        return s;
    }

    /** Names as whole words, longest first (so "nas.home.arpa" wins over "nas"), any case. */
    private static Pattern namePattern(Collection<String> names) {
        String alternatives = names.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private String placeholder(String kind, String key) {
        return placeholders.computeIfAbsent(kind + " " + key, k -> kind + "-" + counters.merge(kind, 1, Integer::sum));
    }

    // ---- IPv4

    private String ipv4(String quad) {
        int[] o = octets(quad);
        return keptIpv4(ip(o[0], o[1], o[2], o[3])) ? quad : placeholder("ip", o[0] + "." + o[1] + "." + o[2] + "." + o[3]);
    }

    private String wildcard(String prefix, String stars) {
        int[] o = octets(prefix);
        int[] full = new int[4];
        System.arraycopy(o, 0, full, 0, o.length);
        if (keptIpv4(ip(full[0], full[1], full[2], full[3]))) {
            return prefix + stars;
        }
        String key = Arrays.stream(o).mapToObj(Integer::toString).collect(Collectors.joining("."));
        return placeholder("net", key) + stars;
    }

    private static int[] octets(String dotted) {
        return Arrays.stream(dotted.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static int ip(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    static boolean keptIpv4(int address) {
        for (int[] net : KEPT_IPV4) {
            int mask = -1 << (32 - net[1]);
            if ((address & mask) == (net[0] & mask)) {
                return true;
            }
        }
        return false;
    }

    // ---- IPv6

    /**
     * A run of hex digits, colons and dots: an address, an address with a port or a full stop
     * after it ("fd00::1:22", "[fd00::1]." leaves "fd00::1."), or not an address at all (a time).
     */
    private String ipv6Candidate(String run) {
        if (run.chars().filter(c -> c == ':').count() < 2) {
            return run;
        }
        String whole = ipv6(run);
        if (whole != null) {
            return whole;
        }
        String trimmed = run.replaceAll("[.]+$", "");
        if (!trimmed.equals(run) && (whole = ipv6(trimmed)) != null) {
            return whole + run.substring(trimmed.length());
        }
        Matcher port = PORT_TAIL.matcher(run);
        if (port.matches() && (whole = ipv6(port.group(1))) != null) {
            return whole + port.group(2);
        }
        if (run.endsWith(":") && !run.endsWith("::") && (whole = ipv6(run.substring(0, run.length() - 1))) != null) {
            return whole + ":";
        }
        return run;
    }

    /** The replacement for an IPv6 literal, the literal itself when kept, null when it is none. */
    private String ipv6(String literal) {
        if (literal.chars().filter(c -> c == ':').count() < 2) {
            return null;
        }
        InetAddress address;
        try {
            address = Inet6Address.ofLiteral(literal); // parses only, never asks DNS
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (address instanceof Inet4Address v4) {
            byte[] b = v4.getAddress();
            String replaced = ipv4((b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff));
            return replaced.startsWith("ip-") ? "::ffff:" + replaced : literal;
        }
        byte[] b = address.getAddress();
        return keptIpv6(b) ? literal : placeholder("ipv6", address.getHostAddress());
    }

    static boolean keptIpv6(byte[] b) {
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            allZeroButLast &= b[i] == 0;
        }
        if (allZeroButLast && (b[15] == 0 || b[15] == 1)) {
            return true; // :: and ::1
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return true; // 2001:db8::/32
        }
        boolean linkLocal = (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80;
        boolean fromMac = (b[11] & 0xff) == 0xff && (b[12] & 0xff) == 0xfe;
        return linkLocal && !fromMac;
    }
}
