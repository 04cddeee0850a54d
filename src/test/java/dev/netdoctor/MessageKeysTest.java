// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;
import dev.netdoctor.ui.system.CheckItem;
import dev.netdoctor.ui.symptom.Symptom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every key the wizard, the report, the CLI and the findings ask {@link Words} for is in
 * words.properties (a missing one shows as {@code !key!} on screen and in the report), and every
 * key there is asked for (an unused one is a text that nobody reads or keeps up to date).
 *
 * <p>Read from the compiled classes of every package that asks for words ({@link #PACKAGES}), not
 * the sources. In bytecode a comment or Javadoc that
 * mentions a key is not a use, a constant (static final String) is seen as the value that runs
 * wherever it is used, escapes are decoded, and a key built with + is one javac string-concat
 * recipe ({@code "symptom.\u0001.title"}, \u0001 where the value goes) however the source
 * spreads it over lines. Every key-shaped string constant of those packages counts as a key: the few
 * that are not (system properties, file names) are listed in {@link #NOT_KEYS} with why, so a
 * misspelt key cannot pass as "something else".
 *
 * <p>Built keys are not skipped: every recipe that makes a key-shaped string must be listed in
 * {@link #BUILT} with the enum whose constant names complete it; each of those keys must exist
 * and counts as used. Should javac ever compile + without recipes (-XDstringConcat=inline), the
 * BUILT recipes are no longer found and the test fails rather than passing blind.
 */
class MessageKeysTest {
    private static final Path BUNDLE = Path.of("src/main/resources/dev/netdoctor/model/words.properties");
    private static final Path CLASSES = Path.of("target/classes/dev/netdoctor");
    /**
     * The packages that ask for words. The others (host, config, fix, session, log) speak in
     * evidence and command output, not yet in the bundle; a key-shaped string there is a file name
     * or a setting far more often than a text. The probes' counted summaries ("1 listening socket")
     * are in the bundle, so probe is read too.
     */
    private static final List<String> PACKAGES = List.of("model", "diagnosis", "report", "cli", "ui", "probe");
    /**
     * What a key looks like: dotted words, e.g. checks.col.state or symptom.SSH_HANGS.title. Wider
     * than the keys the file has (no hyphens there), so that a misspelt {@code fix.copied-text} is
     * still seen as a key that is missing, not as some other string.
     */
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][A-Za-z0-9-]*(\\.[A-Za-z0-9_-]+)+");
    private static final char ARGUMENT = '\u0001';
    private static final char CONSTANT = '\u0002';

    /** Key-shaped string constants of those packages that are not message keys, and why. */
    private static final Map<String, String> NOT_KEYS = Map.ofEntries(
            Map.entry("dev.netdoctor.model.words", "the bundle's own name (Words)"),
            Map.entry("netdoctor.firstFrameFile", "a system property (FirstFrame)"),
            Map.entry("netdoctor.wslExe", "a system property (WizardApp)"),
            Map.entry("os.name", "a system property (WizardApp)"),
            Map.entry("settings.properties", "the settings file's name (WizardApp)"),
            Map.entry("wizard.css", "the style sheet (WizardApp)"),
            Map.entry("report.css", "the report's style sheet (HtmlReport)"),
            Map.entry("wsl2.networkingMode", "the .wslconfig setting the rule reads (ConfigRules) and a fix sets (FixPlan.WslconfigSetting)"),
            Map.entry("wsl2.dnsTunneling", "the .wslconfig setting a fix sets (FixPlan.WslconfigSetting)"),
            Map.entry("wsl2.autoProxy", "the .wslconfig setting a fix sets (FixPlan.WslconfigSetting)"),
            Map.entry("wsl2.localhostForwarding", "the .wslconfig setting the relay rule reads and its fix sets (WindowsSideRules)"),
            Map.entry("experimental.dnsTunneling", "dnsTunneling's older section, read by the split DNS rule (SplitDnsRules)"),
            Map.entry("experimental.bestEffortDnsParsing", "the .wslconfig setting a fix sets (FixPlan.WslconfigSetting)"),
            Map.entry("network.hostname", "the wsl.conf setting whose value is a host name to hide (RedactionNames)"),
            Map.entry("user.default", "the wsl.conf setting whose value is a user name to hide (RedactionNames)"),
            Map.entry("example.com", "a name reserved for examples, never hidden (RedactionNames)"),
            Map.entry("www.msftconnecttest.com", "the name looked up to check the way out without a target (DiagnosisRequest)"),
            Map.entry("example.net", "a name reserved for examples, never hidden (RedactionNames)"),
            Map.entry("example.org", "a name reserved for examples, never hidden (RedactionNames)"),
            Map.entry("localhost.localdomain", "a name of every machine, never hidden (RedactionNames)"),
            Map.entry("local-connects.sh", "a script run inside the distro (DistroConnects)"),
            Map.entry("marked-connects.sh", "a script run inside the distro (DistroMarkedConnects)"),
            Map.entry("network.generateResolvConf", "the wsl.conf setting the DNS check reads (DnsServersProbe)"),
            Map.entry("user.home", "a system property (VantageProbe)"));

    /** Keys built at run time: recipe → the enum whose constant names fill the \u0001. */
    private static final Map<String, Class<? extends Enum<?>>> BUILT = Map.ofEntries(
            Map.entry("system.status." + ARGUMENT, CheckItem.Status.class),            // SystemPage: item.status().name()
            Map.entry("symptom." + ARGUMENT + ".title", Symptom.class),                // Symptom.title(): name()
            Map.entry("symptom." + ARGUMENT + ".detail", Symptom.class),               // Symptom.description(): name()
            Map.entry("severity." + ARGUMENT, Severity.class),                         // Severity.words(): name()
            Map.entry("confidence." + ARGUMENT, Confidence.class),                     // Confidence.words(): name()
            Map.entry("dns.outcome." + ARGUMENT, DnsReply.Outcome.class),              // DnsReply.Outcome.words(): name()
            Map.entry("dns.path." + ARGUMENT, DnsPath.class),                          // DnsPath.words(): name()
            Map.entry("probe.status." + ARGUMENT, ProbeStatus.class));                 // ProbeStatus.words(): name()

    /** Built key-shaped strings that are not message keys, and why. */
    private static final Map<String, String> BUILT_NOT_KEYS = Map.of(
            "recent." + ARGUMENT, "an entry of the settings file: recent.0, recent.1, … (Settings)",
            "wsl-net-doctor-" + ARGUMENT + ARGUMENT + "." + ARGUMENT, "the report's file name: wsl-net-doctor-<time>.pdf (ReportViewModel)",
            ARGUMENT + "." + ARGUMENT, "a kernel version, major.minor (ConfigRules)",
            ARGUMENT + "." + ARGUMENT + "." + ARGUMENT + "." + ARGUMENT, "an IPv4 address from its four numbers (RedactionText)");

    private static final Map<String, String> KEYS = new TreeMap<>();            // key → value
    private static final Map<String, Set<String>> LITERALS = new TreeMap<>();   // string constant → classes
    private static final Map<String, Set<String>> RECIPES = new TreeMap<>();    // concat recipe → classes

    @BeforeAll
    static void read() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.stringPropertyNames().forEach(k -> KEYS.put(k, p.getProperty(k)));
        for (String pkg : PACKAGES) {
            scan(CLASSES.resolve(pkg));
        }
        if (!LITERALS.containsKey("app.title")) {
            fail("no compiled classes with their texts under " + CLASSES + " (build first)");
        }
    }

    private static void scan(Path classes) throws IOException {
        try (Stream<Path> s = Files.walk(classes)) {
            for (Path file : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
                String owner = model.thisClass().asSymbol().displayName();
                // All string constants: ldc operands, ConstantValue of static finals, and the
                // recipes javac hands to StringConcatFactory as bootstrap arguments.
                for (PoolEntry e : model.constantPool()) {
                    if (e instanceof StringEntry str) {
                        String value = str.stringValue();
                        boolean recipe = value.indexOf(ARGUMENT) >= 0 || value.indexOf(CONSTANT) >= 0;
                        (recipe ? RECIPES : LITERALS).computeIfAbsent(value, k -> new TreeSet<>()).add(owner);
                    }
                }
            }
        }
    }

    @Test
    void everyKeyAskedForExists() {
        List<String> missing = new ArrayList<>();
        LITERALS.forEach((s, classes) -> {
            if (KEY_SHAPE.matcher(s).matches() && !KEYS.containsKey(s) && !NOT_KEYS.containsKey(s)) {
                missing.add(String.join(", ", classes) + " asks for \"" + s + "\", which words.properties does not have (shown as !" + s
                        + "!); if it is no message key, add it to NOT_KEYS with why");
            }
        });
        builtKeys().forEach((key, from) -> {
            if (!KEYS.containsKey(key)) {
                missing.add(from + " builds \"" + key + "\", which words.properties does not have (shown as !" + key + "!)");
            }
        });
        if (!missing.isEmpty()) {
            fail("missing message keys:\n  " + String.join("\n  ", missing));
        }
    }

    @Test
    void everyKeyInTheFileIsUsed() {
        Map<String, String> built = builtKeys();
        List<String> unused = KEYS.keySet().stream().filter(k -> !LITERALS.containsKey(k) && !built.containsKey(k))
                .map(k -> "\"" + k + "\" (" + KEYS.get(k) + ") is in words.properties, but no class asks for it").toList();
        if (!unused.isEmpty()) {
            fail("unused message keys:\n  " + String.join("\n  ", unused));
        }
    }

    @Test
    void everyBuiltKeyIsListedWithItsEnum() {
        List<String> problems = new ArrayList<>();
        RECIPES.forEach((recipe, classes) -> {
            boolean keyShaped = KEY_SHAPE.matcher(recipe.replace(ARGUMENT, 'x').replace(CONSTANT, 'x')).matches();
            if (keyShaped && !BUILT.containsKey(recipe) && !BUILT_NOT_KEYS.containsKey(recipe)) {
                problems.add(String.join(", ", classes) + " builds a key as \"" + printable(recipe)
                        + "\": list it in BUILT with the enum whose names complete it (or in BUILT_NOT_KEYS with why)");
            }
        });
        Stream.concat(BUILT.keySet().stream(), BUILT_NOT_KEYS.keySet().stream()).filter(r -> !RECIPES.containsKey(r))
                .forEach(r -> problems.add("\"" + printable(r) + "\" is listed as built, but no class builds it any more"));
        NOT_KEYS.keySet().stream().filter(s -> !LITERALS.containsKey(s))
                .forEach(s -> problems.add("\"" + s + "\" is listed in NOT_KEYS, but no class uses it any more"));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** A key given twice: Properties keeps the last, and the first is dead text. */
    @Test
    void noKeyIsGivenTwice() throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        List<String> twice = new ArrayList<>();
        boolean continued = false;
        int n = 0;
        for (String line : Files.readAllLines(BUNDLE, StandardCharsets.UTF_8)) {
            n++;
            String t = line.strip();
            boolean continuation = continued;
            continued = endsWithOddBackslashes(line);
            if (continuation || t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            String key = t.split("\\s*[=:\\s]", 2)[0];
            Integer first = seen.putIfAbsent(key, n);
            if (first != null) {
                twice.add(key + " on lines " + first + " and " + n);
            }
        }
        if (!twice.isEmpty()) {
            fail("keys given twice in words.properties:\n  " + String.join("\n  ", twice));
        }
    }

    /**
     * Words always goes through MessageFormat, where a lone ' starts a quoted part and vanishes
     * from the screen ("Windows' adapter" shows as "Windows adapter"): the bundle writes ''.
     */
    @Test
    void everyApostropheIsDoubled() {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        List<String> odd = KEYS.entrySet().stream().filter(e -> lone.matcher(e.getValue().replace("''", "")).find())
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        if (!odd.isEmpty()) {
            fail("texts with a lone ' (MessageFormat drops it; write ''):\n  " + String.join("\n  ", odd));
        }
    }

    /**
     * The findings' words are keyed by their ids: finding.<FindingId>.…, a fix a finding offers
     * finding.<FindingId>.fix.<FixId>.…, a fix several offer alike fix.<FixId>.…. A key naming no
     * id (one renamed, or misspelt) is text no finding shows; a finding without a title has none.
     */
    @Test
    void findingWordsAreKeyedByTheirIds() {
        Set<String> findings = java.util.Arrays.stream(FindingId.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());
        Set<String> fixes = java.util.Arrays.stream(FixId.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String key : KEYS.keySet()) {
            String[] part = key.split("\\.");
            if (part[0].equals("finding") && !findings.contains(part[1])) {
                problems.add(key + ": " + part[1] + " is no FindingId");
            } else if (part[0].equals("finding") && part.length > 3 && part[2].equals("fix") && !fixes.contains(part[3])) {
                problems.add(key + ": " + part[3] + " is no FixId");
            } else if (part[0].equals("fix") && part[1].matches("[A-Z0-9_]+") && !fixes.contains(part[1])) {
                problems.add(key + ": " + part[1] + " is no FixId");
            }
        }
        findings.stream().filter(f -> !KEYS.containsKey("finding." + f + ".title")).sorted()
                .forEach(f -> problems.add(f + " has no finding." + f + ".title"));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** Every key in the file has the shape the scan looks for, else its uses would go unseen. */
    @Test
    void everyKeyHasTheShapeTheScanLooksFor() {
        List<String> odd = KEYS.keySet().stream().filter(k -> !KEY_SHAPE.matcher(k).matches()).toList();
        if (!odd.isEmpty()) {
            fail("keys that do not look like keys (" + KEY_SHAPE + "): " + odd);
        }
    }

    /** Every key a BUILT recipe makes, with the classes that build it. */
    private static Map<String, String> builtKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        BUILT.forEach((recipe, type) -> {
            for (Enum<?> constant : type.getEnumConstants()) {
                keys.put(recipe.replace(String.valueOf(ARGUMENT), constant.name()),
                        String.join(", ", RECIPES.getOrDefault(recipe, Set.of())) + " (from " + type.getSimpleName() + ")");
            }
        });
        return keys;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    private static String printable(String recipe) {
        return recipe.replace(String.valueOf(ARGUMENT), "«value»").replace(String.valueOf(CONSTANT), "«constant»");
    }
}
