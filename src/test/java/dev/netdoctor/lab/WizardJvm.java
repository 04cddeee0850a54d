// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the lab benchmark starts the wizard (WizardLabDriver) as the plain lab user: with the
 * app-image's own runtime, JVM options (AOT cache, heap, C1) and class path when the benchmark
 * measures an app-image's CLI, as packaging/linux/bench-rss.sh does, else with this JDK and this
 * JVM's class path. The test code the driver needs is copied where that user can read it: a
 * checkout or Maven repository under /root is closed to everyone else.
 */
final class WizardJvm {
    /** What WizardLabDriver needs beyond the app: the test classes and what they use. */
    private static final Pattern TEST_LIBS = Pattern.compile("(testfx|hamcrest|junit|opentest4j|apiguardian|assertj)[^/]*\\.jar$");

    private final String java;
    private final List<String> options;
    private final List<String> classpath;

    private WizardJvm(String java, List<String> options, List<String> classpath) {
        this.java = java;
        this.options = options;
        this.classpath = classpath;
    }

    /**
     * @param cliLauncher the app-image's {@code bin/wsl-net-doctor-cli} being measured, or blank for the jar
     * @param copyInto    an empty folder to copy the class path into (readable by everyone afterwards)
     */
    static WizardJvm of(String cliLauncher, Path copyInto) throws IOException {
        List<String> own = List.of(Lab.testClasspath().split(File.pathSeparator));
        if (!cliLauncher.isBlank()) {
            Path image = Path.of(cliLauncher).toAbsolutePath().getParent().getParent();
            Path app = image.resolve("lib").resolve("app");
            Path cfg = app.resolve("wsl-net-doctor.cfg");
            Path java = image.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
            if (Files.isRegularFile(cfg) && Files.isExecutable(java)) {
                List<String> lines = Files.readAllLines(cfg);
                List<String> classpath = new ArrayList<>(fromCfg(lines, "app.classpath=", app));
                classpath.addAll(readableCopies(own.stream().filter(e -> e.endsWith("test-classes") || TEST_LIBS.matcher(e).find()).toList(),
                        copyInto));
                return new WizardJvm(java.toString(), fromCfg(lines, "java-options=", app), classpath);
            }
        }
        return new WizardJvm(Lab.java(), List.of("--enable-native-access=ALL-UNNAMED"), readableCopies(own, copyInto));
    }

    /** The launcher's own lines of one kind from its .cfg, in order, with $APPDIR filled in. */
    static List<String> fromCfg(List<String> cfgLines, String key, Path appDir) {
        return cfgLines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length()).replace("$APPDIR", appDir.toString())).toList();
    }

    /** The driver measuring one walk of the wizard to TARGET, its time written to {@code timeFile}. */
    List<String> argv(Path timeFile, String target) {
        List<String> argv = new ArrayList<>(List.of(java));
        argv.addAll(options);
        argv.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-D" + dev.netdoctor.ui.WizardLabDriver.TIME_FILE_PROPERTY + "=" + timeFile,
                "-cp", String.join(File.pathSeparator, classpath), "dev.netdoctor.ui.WizardLabDriver", target));
        return argv;
    }

    /** Each entry copied into its own numbered folder under {@code into} (jars of the same name may differ), readable by all. */
    private static List<String> readableCopies(List<String> entries, Path into) throws IOException {
        List<String> copies = new ArrayList<>();
        int n = 0;
        for (String entry : entries) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = into.resolve(Integer.toString(n++)).resolve(source.getFileName().toString());
            Files.createDirectories(target.getParent());
            if (Files.isDirectory(source)) {
                try (Stream<Path> walk = Files.walk(source)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        Path to = target.resolve(source.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(p, to);
                        }
                    }
                }
            } else {
                Files.copy(source, target);
            }
            copies.add(target.toString());
        }
        Lab.run(List.of("chmod", "-R", "a+rX", into.toString()), 60);
        return copies;
    }
}
