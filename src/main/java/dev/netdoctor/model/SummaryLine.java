// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One diagnosis in one line, for fleet tools that keep only the last line a script prints
 * (Intune Remediations shows and exports at most 2,048 characters of it):
 * <pre>wsl-net-doctor/1 verdict=problem findings=path-mtu-blackhole distro=Debian%20GNU%2FLinux%2012%20%28bookworm%29 mode=nat wsl=2.3.26.0 kernel=5.15.167.4-1 windows=10.0.26100.2605 app=0.1.0 complete=true exit=1</pre>
 * The one place that writes the line and reads it back: {@code diagnose --summary-line} prints it,
 * {@code report --fleet} reads it out of Intune's CSV export.
 *
 * <p>Every value is percent-encoded (RFC 3986's unreserved characters stay, every other byte of its
 * UTF-8 becomes {@code %XX}), so the line is ASCII whatever the distro's name, never holds a space
 * inside a value, and splits on spaces. {@code findings} is the ids joined by {@code ,}, {@code none}
 * when there are none, and ends with {@code +N} when N ids did not fit into 2,048 characters.
 * A key the line does not have is unknown; keys this version does not know are kept, so a line
 * from a newer app still reads.
 *
 * <p>Redacted by default: the verdict is a word from {@link #VERDICTS}, never the sentence for
 * people (that one names addresses), and {@code distro} is the distro's OS, never the name the
 * user registered it under, unless {@link #of(DiagnosisResult, boolean)} is asked for names.
 */
public final class SummaryLine {
    /** The first token: the format's name and version. A change that old readers would misread gets a new version. */
    public static final String MARKER = "wsl-net-doctor/";
    public static final int VERSION = 1;
    /** What Intune keeps of a script's last output line. */
    public static final int MAX_LENGTH = 2048;
    public static final String UNKNOWN = "unknown";
    /** {@code distro} when the distro's OS is not in the result and its registered name was not asked for. */
    public static final String REDACTED = "redacted";

    /** {@code exit} 1: at least one finding is a problem. */
    public static final String PROBLEM = "problem";
    /** {@code exit} 0: every check ran and none found a problem. */
    public static final String NO_PROBLEM = "no-problem";
    /** {@code exit} 3: the run ended before every check finished, and none that did found a problem. */
    public static final String INCOMPLETE = "incomplete";
    /** No diagnosis ran: bad input (exit 2), or no Linux to diagnose (exit 3, e.g. no distro for this user). */
    public static final String NOT_RUN = "not-run";
    public static final List<String> VERDICTS = List.of(PROBLEM, NO_PROBLEM, INCOMPLETE, NOT_RUN);

    /** The keys this version writes, in the order it writes them. */
    public static final List<String> KEYS = List.of("verdict", "findings", "distro", "mode", "wsl", "kernel", "windows", "app",
            "complete", "exit");

    /** Longest encoded value of any key but {@code findings}: nine of them always leave room for ids. */
    static final int MAX_VALUE = 160;

    private static final String NONE = "none";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern LEFT_OUT = Pattern.compile("\\+([1-9][0-9]{0,8})");
    /** Every character a line can hold; the first one outside it ends the line (a CSV cell's closing quote). */
    private static final Pattern LINE = Pattern.compile("[A-Za-z0-9._~%=,+/ -]*");
    private static final Pattern WSL_VERSION = Pattern.compile("^WSL (\\d+(?:\\.\\d+)+)(?:,|$)");

    private final Map<String, String> values;
    private final List<String> findings;
    private final int findingsLeftOut;

    private SummaryLine(Map<String, String> values, List<String> findings, int findingsLeftOut) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.findings = List.copyOf(findings);
        this.findingsLeftOut = findingsLeftOut;
    }

    /**
     * A line from its parts; {@code null} for any part means unknown (left off the line).
     * {@code extra} holds keys a newer app writes, after the known ones.
     */
    public static SummaryLine of(String verdict, List<String> findings, int findingsLeftOut, String distro, String mode, String wsl,
                                 String kernel, String windows, String app, Boolean complete, Integer exit, Map<String, String> extra) {
        Objects.requireNonNull(findings, "findings");
        if (findingsLeftOut < 0) {
            throw new IllegalArgumentException("findingsLeftOut < 0");
        }
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "verdict", verdict);
        put(v, "distro", distro);
        put(v, "mode", mode);
        put(v, "wsl", wsl);
        put(v, "kernel", kernel);
        put(v, "windows", windows);
        put(v, "app", app);
        put(v, "complete", complete == null ? null : complete.toString());
        put(v, "exit", exit == null ? null : exit.toString());
        if (extra != null) {
            extra.forEach((k, value) -> {
                if (!KEY.matcher(k).matches() || KEYS.contains(k)) {
                    throw new IllegalArgumentException("not a key a newer app could add: " + k);
                }
                put(v, k, Objects.requireNonNull(value, k));
            });
        }
        return new SummaryLine(v, findings, findingsLeftOut);
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null) {
            v.put(key, value);
        }
    }

    /**
     * The line for one diagnosis, with the exit code the CLI gives it. {@code withNames}: {@code distro}
     * is the name the distro was registered under (the user may have chosen it: a person's or a
     * customer's name), else the distro's OS.
     */
    public static SummaryLine of(DiagnosisResult result, boolean withNames) {
        int exit = result.problemFound() ? 1 : result.complete() ? 0 : 3;
        String verdict = result.problemFound() ? PROBLEM : result.complete() ? NO_PROBLEM : INCOMPLETE;
        Environment env = result.environment();
        WslFacts wsl = env == null ? null : env.wsl();
        WindowsFacts windows = env == null ? null : env.windows();
        String distro;
        if (withNames) {
            distro = wsl == null || wsl.distro() == null ? UNKNOWN : wsl.distro();
        } else {
            distro = distroOs(env);
        }
        return of(verdict, result.findings().stream().map(f -> f.id().id()).toList(), 0, distro,
                orUnknown(wsl == null ? null : wsl.networkingMode()), orUnknown(windows == null ? null : wslVersion(windows.wsl())),
                orUnknown(env == null ? null : env.kernel()), orUnknown(windows == null ? null : windows.windowsBuild()),
                orUnknown(result.toolVersion()), result.complete(), exit, Map.of());
    }

    /** A line for a run that never became a diagnosis: the fleet still sees the machine and why. */
    public static SummaryLine notRun(String app, int exit) {
        return of(NOT_RUN, List.of(), 0, null, null, null, null, null, orUnknown(app), false, exit, Map.of());
    }

    /**
     * The distro's OS as its /etc/os-release names it, when the result holds it: the app then ran
     * inside that Linux, and the OS name it read (OSHI's "family version (codename) build kernel") is
     * the distro's. Run from Windows, the OS in the result is Windows', so the distro's is not known.
     */
    private static String distroOs(Environment env) {
        if (env == null || env.windows() != null || env.os() == null || env.os().isBlank()) {
            return REDACTED;
        }
        String os = env.os().strip();
        int build = os.indexOf(" build ");
        return build > 0 ? os.substring(0, build) : os;
    }

    /** The version number out of the line {@code WindowsFacts.wsl()} holds (host.WslVersion's "WSL 2.3.26.0, WSL kernel …"). */
    private static String wslVersion(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = WSL_VERSION.matcher(line.strip());
        return m.find() ? m.group(1) : null;
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }

    /** This line with the exit code the CLI really returns (a report file that could not be written makes it 3). */
    public SummaryLine withExit(int exit) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put("exit", Integer.toString(exit));
        return new SummaryLine(v, findings, findingsLeftOut);
    }

    /**
     * The line, at most {@link #MAX_LENGTH} characters, ASCII only: the first finding ids that fit,
     * then {@code +N} for the N left out; a value longer than {@value #MAX_VALUE} encoded characters
     * is cut (only ever a registered name or a newer app's key), and a newer app's keys that do not
     * fit are left off.
     */
    public String format() {
        StringBuilder before = new StringBuilder(MARKER).append(VERSION);
        List<String> after = new ArrayList<>();
        List<String> extras = new ArrayList<>();
        values.forEach((key, value) -> {
            String token = key + "=" + cut(encode(value));
            if (key.equals("verdict")) {
                before.append(' ').append(token);
            } else {
                (KEYS.contains(key) ? after : extras).add(token);
            }
        });
        before.append(" findings=");
        // a newer app's keys, read and written again, are what gives way first: the known ones always fit
        while (!extras.isEmpty() && length(before, after, extras) + 12 > MAX_LENGTH) {
            extras.removeLast();
        }
        after.addAll(extras);
        String rest = after.isEmpty() ? "" : " " + String.join(" ", after);
        return before + findingsValue(MAX_LENGTH - before.length() - rest.length()) + rest;
    }

    private static int length(CharSequence before, List<String> after, List<String> extras) {
        int n = before.length();
        for (String t : after) {
            n += 1 + t.length();
        }
        for (String t : extras) {
            n += 1 + t.length();
        }
        return n;
    }

    /** The ids that fit into {@code room} characters, with {@code +N} for those left out. */
    private String findingsValue(int room) {
        List<String> encoded = findings.stream().map(SummaryLine::encodeId).toList();
        if (encoded.isEmpty() && findingsLeftOut == 0) {
            return NONE;
        }
        StringBuilder sb = new StringBuilder();
        int kept = 0;
        for (String id : encoded) {
            int leftAfter = encoded.size() - kept - 1 + findingsLeftOut;
            int need = (kept == 0 ? 0 : 1) + id.length() + (leftAfter == 0 ? 0 : 2 + Integer.toString(leftAfter).length());
            if (sb.length() + need > room) {
                break;
            }
            if (kept > 0) {
                sb.append(',');
            }
            sb.append(id);
            kept++;
        }
        int leftOut = encoded.size() - kept + findingsLeftOut;
        if (leftOut > 0) {
            sb.append(kept == 0 ? "" : ",").append('+').append(leftOut);
        }
        return sb.toString();
    }

    /**
     * An id that would read as the list's own word {@code none} is written with its first character
     * encoded; one that looks like the {@code +N} marker needs nothing, since {@code +} is always encoded.
     */
    private static String encodeId(String id) {
        String e = encode(id);
        if (e.equals(NONE)) {
            return "%6Eone";
        }
        return e;
    }

    private static String cut(String encoded) {
        if (encoded.length() <= MAX_VALUE) {
            return encoded;
        }
        int end = MAX_VALUE;
        // never split a %XX, nor a character's UTF-8 bytes (continuation bytes are %80-%BF)
        while (end > 0 && (encoded.charAt(end - 1) == '%' || (end >= 2 && encoded.charAt(end - 2) == '%')
                || (end >= 3 && encoded.charAt(end - 3) == '%' && isContinuation(encoded, end)))) {
            end--;
        }
        return encoded.substring(0, end);
    }

    private static boolean isContinuation(String encoded, int at) {
        if (at + 2 >= encoded.length() || encoded.charAt(at) != '%') {
            return false;
        }
        int b = Integer.parseInt(encoded.substring(at + 1, at + 3), 16);
        return (b & 0xC0) == 0x80;
    }

    /** RFC 3986: unreserved characters as they are, every other UTF-8 byte as %XX (upper case). */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    /** The text an encoded value stands for; empty when it is not one (a character outside the alphabet, a broken %XX, bytes that are no UTF-8). */
    static Optional<String> decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The line in {@code text}, which may carry anything before it (a CSV row, a log prefix) and
     * anything after it that cannot be part of a line (a closing quote, a line break): the last
     * {@code wsl-net-doctor/} in the text starts it. Empty when that is no line of this format:
     * another version, a token that is no {@code key=value}, a key twice, a value that is not
     * percent-encoded, {@code complete} not true/false, {@code exit} not a number.
     */
    public static Optional<SummaryLine> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int start = text.lastIndexOf(MARKER);
        if (start < 0) {
            return Optional.empty();
        }
        Matcher line = LINE.matcher(text);
        line.region(start, text.length());
        line.lookingAt();
        String[] tokens = text.substring(start, line.end()).strip().split(" +");
        if (!tokens[0].equals(MARKER + VERSION)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> findings = List.of();
        int leftOut = 0;
        boolean sawFindings = false;
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq < 0) {
                return Optional.empty();
            }
            String key = tokens[i].substring(0, eq);
            String raw = tokens[i].substring(eq + 1);
            if (!KEY.matcher(key).matches() || values.containsKey(key) || key.equals("findings") && sawFindings) {
                return Optional.empty();
            }
            if (key.equals("findings")) {
                sawFindings = true;
                List<String> ids = new ArrayList<>();
                if (!raw.equals(NONE)) {
                    String[] parts = raw.split(",", -1);
                    for (int p = 0; p < parts.length; p++) {
                        Matcher m = LEFT_OUT.matcher(parts[p]);
                        if (p == parts.length - 1 && m.matches()) {
                            leftOut = Integer.parseInt(m.group(1));
                            continue;
                        }
                        Optional<String> id = decode(parts[p]);
                        if (id.isEmpty()) {
                            return Optional.empty();
                        }
                        ids.add(id.get());
                    }
                }
                findings = ids;
                continue;
            }
            Optional<String> value = decode(raw);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.put(key, value.get());
        }
        if (values.containsKey("complete") && !values.get("complete").equals("true") && !values.get("complete").equals("false")) {
            return Optional.empty();
        }
        if (values.containsKey("exit") && !values.get("exit").matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        return Optional.of(new SummaryLine(values, findings, leftOut));
    }

    /** A word from {@link #VERDICTS} (a newer app may add one), or unknown. */
    public String verdict() {
        return values.getOrDefault("verdict", UNKNOWN);
    }

    /** The finding ids the line lists, in its order; {@link #findingsLeftOut()} more did not fit. */
    public List<String> findings() {
        return findings;
    }

    /** How many finding ids the line had no room for ({@code +N}). */
    public int findingsLeftOut() {
        return findingsLeftOut;
    }

    /** The distro's OS, its registered name when names were asked for, {@code redacted}, or unknown. */
    public String distro() {
        return values.getOrDefault("distro", UNKNOWN);
    }

    /** WSL's networking mode (nat, mirrored, virtioproxy, none) or unknown. */
    public String mode() {
        return values.getOrDefault("mode", UNKNOWN);
    }

    /** WSL's own version ({@code wsl.exe --version}), or unknown (the app ran inside Linux). */
    public String wsl() {
        return values.getOrDefault("wsl", UNKNOWN);
    }

    /** The distro's kernel release, or unknown. */
    public String kernel() {
        return values.getOrDefault("kernel", UNKNOWN);
    }

    /** The Windows build, e.g. 10.0.26100.2605, or unknown. */
    public String windows() {
        return values.getOrDefault("windows", UNKNOWN);
    }

    /** The version of WSL Net Doctor that wrote the line, or unknown. */
    public String app() {
        return values.getOrDefault("app", UNKNOWN);
    }

    /** Whether every check finished; empty when the line does not say. */
    public Optional<Boolean> complete() {
        return Optional.ofNullable(values.get("complete")).map(Boolean::parseBoolean);
    }

    /** The CLI's exit code for the run (0 no problem, 1 problem, 2 bad input, 3 incomplete); empty when the line does not say. */
    public OptionalInt exit() {
        String e = values.get("exit");
        return e == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(e));
    }

    /**
     * Every key of the line but {@code findings}, decoded, in the line's order: the known ones that
     * are there, and those a newer app added.
     */
    public Map<String, String> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SummaryLine s && s.values.equals(values) && s.findings.equals(findings) && s.findingsLeftOut == findingsLeftOut;
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, findings, findingsLeftOut);
    }

    @Override
    public String toString() {
        return format();
    }
}
