// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor;

import dev.netdoctor.ArchitectureRules.Rule;
import dev.netdoctor.ArchitectureRules.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The arrows of ARCHITECTURE.md, checked on the compiled classes (see {@link ArchitectureRules};
 * that each rule can fail is shown in ArchitectureRulesTest). The build compiles before it
 * tests, so target/classes is the code under test.
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path SRC = Path.of("src/main/java/dev/netdoctor");
    private static final List<Violation> VIOLATIONS = new ArrayList<>();
    private static final Set<String> CHECKED = new TreeSet<>();

    @BeforeAll
    static void checkEveryClass() throws IOException {
        try (Stream<Path> s = Files.walk(CLASSES.resolve("dev/netdoctor"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                CHECKED.add(CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""));
                VIOLATIONS.addAll(ArchitectureRules.check(Files.readAllBytes(p)));
            }
        }
    }

    /** A rule that checks nothing passes: every source file must have been seen compiled. */
    @Test
    void everyMainClassIsChecked() throws IOException {
        List<String> missing;
        try (Stream<Path> s = Files.walk(SRC)) {
            missing = s.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> "dev.netdoctor." + SRC.relativize(p).toString().replace('/', '.').replaceAll("\\.java$", ""))
                    .filter(name -> !CHECKED.contains(name))
                    .toList();
        }
        assertThat(missing).as("sources without a compiled class in " + CLASSES + " (build first)").isEmpty();
        assertThat(CHECKED.stream().map(ArchitectureRules::layer).collect(Collectors.toSet()))
                .as("packages seen").containsAll(ArchitectureRules.MAY_USE.keySet());
    }

    @Test
    void everyPackageIsARowOfTheTable() {
        assertKept(Rule.KNOWN_PACKAGES);
    }

    @Test
    void referencesPointDownTheLayersOnly() {
        assertKept(Rule.LAYERS);
    }

    @Test
    void javaFxOnlyInTheUi() {
        assertKept(Rule.JAVAFX_ONLY_IN_UI);
    }

    @Test
    void picocliOnlyInTheCli() {
        assertKept(Rule.PICOCLI_ONLY_IN_CLI);
    }

    @Test
    void printingAndExitingOnlyInTheCli() {
        assertKept(Rule.CONSOLE_AND_EXIT_ONLY_IN_CLI);
    }

    @Test
    void viewModelsNeverTouchThePlatform() {
        assertKept(Rule.NO_PLATFORM_IN_VIEW_MODELS);
    }

    @Test
    void theSideIsDecidedOnceInHost() {
        assertKept(Rule.SIDE_DECIDED_IN_HOST);
    }

    private static void assertKept(Rule rule) {
        List<String> broken = VIOLATIONS.stream().filter(v -> v.rule() == rule).map(Violation::toString).toList();
        if (!broken.isEmpty()) {
            fail(broken.size() + " violation(s) of " + rule + ":\n  " + String.join("\n  ", broken));
        }
    }

    /**
     * A shell may only run a constant script (its inputs passed as "$1"…), never a script
     * assembled at run time from text. (On the sources: what matters is how the text is built.)
     */
    @Test
    void noShellStringsAreBuilt() throws IOException {
        Pattern assembled = Pattern.compile("\"(ba)?sh\", \"-c\", (?!([A-Z][A-Za-z]*\\.)?[A-Z_]+[,)])");
        List<Path> sources;
        try (Stream<Path> s = Files.walk(SRC)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources.stream().filter(p -> {
            String s = read(p);
            return assembled.matcher(s).find() || s.contains("Runtime.getRuntime().exec");
        }).toList()).isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
