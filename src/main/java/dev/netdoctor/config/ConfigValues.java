// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.ConfigKeys.Key;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether WSL accepts a value for its key's type, and the value a person most likely meant when
 * it does not. The rules are WSL's own (microsoft/WSL src/shared/inc/stringshared.h ParseBool and
 * ParseMemorySize; configfile.cpp's strtol with base 0; WslCoreConfig.cpp's port list and
 * inet_pton), not a friendlier reading: a value we call valid must be one WSL uses.
 */
public final class ConfigValues {
    private static final Pattern SIZE = Pattern.compile("[+-]?[0-9]+(B|K|KB|M|MB|G|GB|T|TB)?");
    private static final Pattern SIZE_LIKE = Pattern.compile("\\s*([0-9]+)\\s*([kmgtb])(i?)(b?)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern INT = Pattern.compile("[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)");
    private static final Pattern DECIMAL_WITH_ZEROS = Pattern.compile("0+([1-9][0-9]*)");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}");
    private static final Pattern PORT_ITEM = Pattern.compile("\\s*\\+?([0-9]+).*");
    private static final List<String> YES = List.of("yes", "y", "on", "enable", "enabled", "t");
    private static final List<String> NO = List.of("no", "n", "off", "disable", "disabled", "f");

    private ConfigValues() {
    }

    /** Why WSL refuses this value for its key, in a few words; empty when WSL takes it. */
    public static Optional<String> problem(Key key, String value) {
        return switch (key.type()) {
            case BOOL -> isBool(value) ? Optional.empty() : Optional.of("WSL takes only true, false, 1 or 0 here");
            case INT -> isInt(value) ? Optional.empty() : Optional.of("not a whole number WSL can read");
            case SIZE -> isSize(value) ? Optional.empty()
                    : Optional.of("not a size WSL can read: a number with B, K, KB, M, MB, G, GB, T or TB in capitals, no space"
                    + " (zero is a single 0)");
            case ENUM -> enumValue(key, value).isPresent() ? Optional.empty()
                    : Optional.of("not one of " + String.join(", ", key.values()));
            case IPV4 -> IPV4.matcher(value).matches() ? Optional.empty() : Optional.of("not an IPv4 address");
            case MAC -> MAC.matcher(value).matches() ? Optional.empty() : Optional.of("not a MAC address like 00:15:5d:01:02:03");
            case PORTS -> badPorts(value).isEmpty() ? Optional.empty()
                    : Optional.of("WSL skips " + String.join(", ", badPorts(value).stream().map(p -> "'" + p + "'").toList())
                    + ": ports are numbers from 1 to 65535, separated by commas");
            case PATH -> value.chars().anyMatch(c -> c == '\n' || c == '\t' || c == '\b')
                    ? Optional.of("a backslash before n, t or b starts an escape: WSL reads " + escapesRead(value)) : Optional.empty();
            case STRING -> Optional.empty();
        };
    }

    /** WSL's ParseBool: "1" or "0" exactly, true or false in any case. */
    public static boolean isBool(String value) {
        return value.equals("1") || value.equals("0") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    /** What WSL makes of a boolean, or null when it refuses it (and keeps its default). */
    public static Boolean bool(String value) {
        if (value == null || !isBool(value)) {
            return null;
        }
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    /** strtol with base 0 over the whole value: decimal, 0x hex, or octal after a leading 0; within int. */
    static boolean isInt(String value) {
        if (!INT.matcher(value).matches()) {
            return false;
        }
        String digits = value.replaceFirst("^[+-]", "");
        boolean negative = value.startsWith("-");
        try {
            long n = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseLong(digits.substring(2), 16)
                    : digits.length() > 1 && digits.startsWith("0") ? Long.parseLong(digits, 8) : Long.parseLong(digits);
            n = negative ? -n : n;
            return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * ParseMemorySize (stringshared.h): strtoull in base 10, then nothing or one of B K KB M MB G
     * GB T TB, case as written. strtoull answers 0 both for a zero and for no number at all, so
     * WSL takes a 0 only when the number is that single digit: "0", "0B", "0GB" are zero (how
     * "no swap" is written); "00GB", "+0" or "-0" are refused.
     */
    static boolean isSize(String value) {
        if (!SIZE.matcher(value).matches()) {
            return false;
        }
        String number = value.replaceAll("[^0-9]", "");
        boolean zero = number.chars().allMatch(c -> c == '0');
        return !zero || number.length() == 1 && value.startsWith("0");
    }

    static Optional<String> enumValue(Key key, String value) {
        return key.values().stream().filter(v -> v.equalsIgnoreCase(value)).findFirst();
    }

    private static List<String> badPorts(String value) {
        List<String> bad = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            Matcher m = PORT_ITEM.matcher(item);
            boolean ok = m.matches() && m.group(1).length() <= 5 && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= 65535;
            if (!ok) {
                bad.add(item);
            }
        }
        return bad;
    }

    /**
     * The value a person most likely meant, written the way WSL reads it: yes/on as true, a
     * size suffix in capitals without a space, a misspelt mode as the mode, a port list without
     * the items WSL skips. Empty when there is no safe guess.
     */
    public static Optional<String> likelyMeant(Key key, String value) {
        String v = value.strip();
        return switch (key.type()) {
            case BOOL -> YES.contains(v.toLowerCase(Locale.ROOT)) ? Optional.of("true")
                    : NO.contains(v.toLowerCase(Locale.ROOT)) ? Optional.of("false") : Optional.empty();
            case SIZE -> {
                Matcher m = SIZE_LIKE.matcher(v);
                if (!m.matches()) {
                    yield Optional.empty();
                }
                String number = m.group(1).chars().allMatch(c -> c == '0') ? "0" : m.group(1);
                String unit = m.group(2).toUpperCase(Locale.ROOT);
                String suffix = unit.equals("B") ? "B" : unit + (m.group(4).isEmpty() && m.group(3).isEmpty() ? "" : "B");
                yield Optional.of(number + suffix).filter(ConfigValues::isSize);
            }
            case INT -> {
                Matcher m = DECIMAL_WITH_ZEROS.matcher(v);
                yield m.matches() && !isInt(v) ? Optional.of(m.group(1)) : Optional.empty();
            }
            case ENUM -> closestValue(key, v).map(c -> key.answersTo("wsl2.networkingMode") ? c.toLowerCase(Locale.ROOT) : c);
            case PORTS -> {
                List<String> kept = new ArrayList<>();
                for (String item : v.split(",")) {
                    String t = item.strip();
                    if (t.matches("[0-9]{1,5}") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= 65535) {
                        kept.add(t);
                    }
                }
                yield kept.isEmpty() ? Optional.empty() : Optional.of(String.join(",", kept));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<String> closestValue(Key key, String written) {
        String w = written.toLowerCase(Locale.ROOT);
        List<String> prefixed = key.values().stream().filter(v -> w.length() >= 3 && v.toLowerCase(Locale.ROOT).startsWith(w)).toList();
        if (prefixed.size() == 1) {
            return Optional.of(prefixed.getFirst());
        }
        return key.values().stream()
                .filter(v -> ConfigKeys.distance(w, v.toLowerCase(Locale.ROOT)) <= Math.max(1, v.length() / 4))
                .min(Comparator.comparingInt(v -> ConfigKeys.distance(w, v.toLowerCase(Locale.ROOT))));
    }

    /** Which escapes WSL turned into control characters, in words: "\t as a tab and \b as a backspace". */
    private static String escapesRead(String value) {
        List<String> read = new java.util.ArrayList<>();
        if (value.indexOf('\n') >= 0) {
            read.add("\\n as a line break");
        }
        if (value.indexOf('\t') >= 0) {
            read.add("\\t as a tab");
        }
        if (value.indexOf('\b') >= 0) {
            read.add("\\b as a backspace");
        }
        return String.join(" and ", read);
    }

    /**
     * A value as text to show: control characters WSL read from an escape (or found raw) written
     * as the escape (\t, \b, \n, \r) or by code, so a terminal neither moves its cursor nor beeps.
     */
    public static String visible(String value) {
        StringBuilder b = new StringBuilder();
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (Character.isISOControl(cp)) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
