// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The steps of `mvn -Pdist package` that jlink and jpackage do not do themselves. Run by JDK 25's
 * own `java` as a single source file (exec-maven-plugin, toolchain JDK), so the same code runs on
 * Linux and on Windows, where there may be no usable shell.
 *
 * <pre>
 * java packaging/DistSteps.java stage   TARGET_DIR FINAL_NAME DIST_DIR JAVAFX_PLATFORM
 * java packaging/DistSteps.java natives DIST_DIR
 * java packaging/DistSteps.java aot     APP_IMAGE LAUNCHER [TRAIN_CLI [TIMEOUT_SECONDS]]
 * java packaging/DistSteps.java bench   APP_IMAGE LAUNCHER RUNS [OTHER_APP_IMAGE]
 * </pre>
 *
 * stage: a fresh DIST_DIR with input/ (the app jar and its libraries, for jpackage --input; LICENSE,
 * the generated THIRD-PARTY-NOTICES.txt and schema/, the JSON results' schemas, beside them) and javafx/ (JavaFX's platform jars: real
 * modules with their native libraries inside, for jlink). JavaFX goes into the linked runtime, so
 * it is left out of input/. JNA's jar keeps only this platform's native library (it carries 33,
 * 1.7 of its 1.9 MB).
 *
 * natives: JavaFX's native libraries, left out of the linked runtime's module image, go where the
 * JDK keeps its own (runtime/lib, or runtime/bin on Windows), so JavaFX loads them in place instead
 * of unpacking them into ~/.openjfx/cache on each user's first start. A library the runtime already
 * has (the VC++ runtime DLLs JavaFX for Windows brings along) is not replaced. On Linux every
 * native library of the runtime then loses its symbol table (strip --strip-unneeded: libjvm.so
 * 29.8 to 24.8 MB, 6 MB in all); the dynamic symbols they link by stay. Temurin's libraries carry
 * no debug sections, so jlink's --strip-native-debug-symbols (objcopy --strip-debug) saves nothing.
 *
 * aot: a training run of the app-image's own GUI launcher, the wizard up to its first frame (with
 * TRAIN_CLI true, first a CLI diagnosis of this computer: 12 MB more cache, a CLI run 0.25 s faster), records
 * a JDK 25 AOT cache (JEP 483/514/515) next to the app's jars, then every launcher of the image
 * gets -XX:AOTCache for it. The cache is only valid for this runtime and this class path, which is
 * why it is made from the finished image. On Linux without a display, a private Xvfb is started.
 *
 * bench: the startup benchmark, launch to the wizard's first frame drawn, with and without the
 * AOT cache, alternating, medians printed; with OTHER_APP_IMAGE, this image against that one (an
 * earlier build), both as they ship, alternating. Not a test: numbers depend on the machine.
 */
public final class DistSteps {
    static final String AOT_FILE = "wsl-net-doctor.aot";
    static final boolean WINDOWS = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: stage|natives|aot|bench …");
        }
        switch (args[0]) {
            case "stage" -> stage(Path.of(args[1]), args[2], Path.of(args[3]), args[4]);
            case "natives" -> natives(Path.of(args[1]));
            case "aot" -> aot(Path.of(args[1]), args[2], args.length > 3 && Boolean.parseBoolean(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 120);
            case "bench" -> {
                if (args.length > 4) {
                    benchSideBySide(Path.of(args[1]), Path.of(args[4]), args[2], Integer.parseInt(args[3]));
                } else {
                    bench(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
                }
            }
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    // ---- stage ----------------------------------------------------------------------------

    static void stage(Path target, String finalName, Path dist, String fxPlatform) throws IOException {
        if (!dist.toAbsolutePath().normalize().startsWith(target.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(dist + " is not inside " + target + "; refusing to delete it");
        }
        deleteTree(dist);
        Path input = Files.createDirectories(dist.resolve("input/lib"));
        Path fx = Files.createDirectories(dist.resolve("javafx"));
        copy(target.resolve(finalName + ".jar"), input.getParent());
        int libs = 0;
        int fxJars = 0;
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (!name.endsWith(".jar")) {
                    continue;
                }
                if (name.startsWith("javafx-")) {
                    // javafx-graphics-26.0.2.jar is an empty placeholder; the -<platform> jar is the module.
                    if (name.endsWith("-" + fxPlatform + ".jar")) {
                        copy(jar, fx);
                        fxJars++;
                    }
                } else if (name.startsWith("jna-")) {
                    keepOwnNatives(jar, input.resolve(name), jnaPlatform(fxPlatform));
                    libs++;
                } else {
                    copy(jar, input);
                    libs++;
                }
            }
        }
        if (fxJars == 0) {
            throw new IllegalStateException("no JavaFX jars for platform " + fxPlatform + " in " + target.resolve("lib"));
        }
        Path basedir = target.getParent();
        Files.copy(basedir.resolve("LICENSE"), input.getParent().resolve("LICENSE"));
        Files.copy(target.resolve("notices/THIRD-PARTY-NOTICES.txt"), input.getParent().resolve("THIRD-PARTY-NOTICES.txt"));
        // The JSON results' schemas, also inside the jar: beside it too, where a help desk finds them in the installed app.
        Path schemas = target.resolve("classes/dev/netdoctor/schema");
        int schemaFiles = 0;
        try (Stream<Path> files = Files.list(schemas)) {
            Path to = Files.createDirectories(input.getParent().resolve("schema"));
            for (Path schema : files.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().toList()) {
                Files.copy(schema, to.resolve(schema.getFileName()));
                schemaFiles++;
            }
        }
        if (schemaFiles == 0) {
            throw new IllegalStateException("no JSON schema in " + schemas);
        }
        System.out.printf("staged %s: app jar, %d libraries, %d JavaFX modules, LICENSE, THIRD-PARTY-NOTICES.txt and %d JSON schemas%n",
                dist, libs, fxJars, schemaFiles);
    }

    /** JNA's folder name for the natives of the platform we package for, on this machine's architecture. */
    static String jnaPlatform(String fxPlatform) {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86-64";
            case "aarch64", "arm64" -> "aarch64";
            default -> throw new IllegalStateException("no JNA natives known for " + System.getProperty("os.arch"));
        };
        return switch (fxPlatform) {
            case "linux" -> "linux-" + arch;
            case "win" -> "win32-" + arch;
            case "mac", "mac-aarch64" -> "darwin-" + arch;
            default -> throw new IllegalArgumentException("unknown JavaFX platform " + fxPlatform);
        };
    }

    /**
     * A copy of a JNA jar without the native libraries of other platforms (com/sun/jna/OS-ARCH/);
     * every other entry, its order and its time as they were. JNA's jars are not signed.
     */
    static void keepOwnNatives(Path jar, Path out, String platform) throws IOException {
        int dropped = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                String[] parts = name.split("/");
                // com/sun/jna/linux-arm/libjnidispatch.so and its folder com/sun/jna/linux-arm/
                boolean platformPart = parts.length >= 4 && name.startsWith("com/sun/jna/") && parts[3].contains("-")
                        && !parts[3].equals(platform);
                boolean foreignNative = platformPart && parts.length == 5 && !e.isDirectory();
                boolean foreignFolder = platformPart && parts.length == 4 && name.endsWith("/");
                if (foreignNative || foreignFolder) {
                    dropped++;
                    continue;
                }
                if (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".EC")) {
                    throw new IllegalStateException(jar + " is signed; trimming it would break the signature");
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        System.out.printf("%s: kept the %s natives, left out %d entries of other platforms%n", jar.getFileName(), platform, dropped);
    }

    // ---- natives --------------------------------------------------------------------------

    static void natives(Path dist) throws IOException, InterruptedException {
        Path runtime = dist.resolve("runtime");
        Path into = runtime.resolve(WINDOWS ? "bin" : "lib");
        if (!Files.isDirectory(into)) {
            throw new IllegalStateException("no linked runtime at " + runtime);
        }
        int n = 0;
        int kept = 0;
        try (Stream<Path> jars = Files.list(dist.resolve("javafx"))) {
            for (Path jar : jars.sorted().toList()) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        String name = e.getName();
                        if (!e.isDirectory() && !name.contains("/") && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"))) {
                            Path out = into.resolve(name);
                            if (Files.exists(out)) {
                                // JavaFX for Windows brings the VC++ runtime DLLs; the JDK's own stay.
                                kept++;
                                continue;
                            }
                            Files.copy(zip, out);
                            if (!WINDOWS) {
                                out.toFile().setExecutable(true, false);
                            }
                            n++;
                        }
                    }
                }
            }
        }
        System.out.printf("copied %d JavaFX native libraries into %s (%d the runtime has already: kept its own)%n", n, into, kept);
        if (!WINDOWS) {
            stripSymbols(runtime);
        }
    }

    /** strip --strip-unneeded on each native library of the runtime (binutils); said loudly when it is missing. */
    static void stripSymbols(Path runtime) throws IOException, InterruptedException {
        List<Path> libs;
        try (Stream<Path> all = Files.walk(runtime)) {
            libs = all.filter(p -> p.getFileName().toString().endsWith(".so") && Files.isRegularFile(p)).sorted().toList();
        }
        long before = 0;
        long after = 0;
        for (Path lib : libs) {
            before += Files.size(lib);
            Process p;
            try {
                p = new ProcessBuilder("strip", "--strip-unneeded", lib.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                System.out.println("WARNING: no 'strip' (binutils) here: the runtime's native libraries keep their symbol tables,"
                        + " about 6 MB more. apt-get install binutils.");
                return;
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("strip failed on " + lib + ": " + said);
            }
            after += Files.size(lib);
        }
        System.out.printf("stripped %d native libraries: %.1f MB to %.1f MB%n", libs.size(), before / 1e6, after / 1e6);
    }

    // ---- aot ------------------------------------------------------------------------------

    /** The folder of the launchers' .cfg files and the app's jars: lib/app, app or Contents/app. */
    static Path appDir(Path image, String launcher) throws IOException {
        for (String candidate : List.of("lib/app", "app", "Contents/app")) {
            Path dir = image.resolve(candidate);
            if (Files.isRegularFile(dir.resolve(launcher + ".cfg"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + launcher + ".cfg in " + image);
    }

    static Path launcherPath(Path image, String launcher) {
        Path bin = image.resolve(WINDOWS ? launcher + ".exe" : "bin/" + launcher);
        return Files.exists(bin) ? bin : image.resolve("Contents/MacOS/" + launcher);
    }

    static void aot(Path image, String launcher, boolean trainCli, int timeoutSeconds) throws Exception {
        Path app = appDir(image, launcher);
        Path cache = app.resolve(AOT_FILE);
        Files.deleteIfExists(cache);
        Path log = image.resolveSibling("aot-training.log");
        try (Display display = Display.start()) {
            // Relative paths, resolved in the app folder: JAVA_TOOL_OPTIONS splits at spaces, and
            // the image's own path may contain some ("WSL Net Doctor" on Windows).
            // netdoctor.aotTrainCli: the same run first does a CLI diagnosis of this computer (127.0.0.1
            // only), so the CLI launcher finds its classes in the cache too (12 MB more of it).
            String options = "-XX:AOTCacheOutput=" + AOT_FILE + " -Dnetdoctor.aotTrainCli=" + trainCli
                    + " -Dnetdoctor.firstFrameFile=aot-first-frame.txt -Dnetdoctor.stateDir=aot-training-state";
            Run run = Run.launch(launcherPath(image, launcher), app, display, options, log, timeoutSeconds);
            if (run.exit != 0 || !Files.isRegularFile(cache)) {
                throw new IllegalStateException("AOT training run failed (exit " + run.exit + ", " + run.millis
                        + " ms); no " + cache + ". Its output: " + log + "\n" + tail(log));
            }
        } finally {
            deleteTree(app.resolve("aot-training-state"));
            Files.deleteIfExists(app.resolve("aot-first-frame.txt"));
        }
        // Every launcher of the image runs the same class path on the same runtime, so the CLI
        // launcher uses the cache too (the JDK's own classes in it are what the CLI needs most).
        try (Stream<Path> cfgs = Files.list(app)) {
            for (Path cfg : cfgs.filter(p -> p.toString().endsWith(".cfg")).sorted().toList()) {
                List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
                String line = "java-options=-XX:AOTCache=$APPDIR/" + AOT_FILE;
                if (!lines.contains(line)) {
                    int at = lines.indexOf("[JavaOptions]");
                    if (at < 0) {
                        lines.add("[JavaOptions]");
                        lines.add(line);
                    } else {
                        lines.add(at + 1, line);
                    }
                    Files.write(cfg, lines, StandardCharsets.UTF_8);
                }
            }
        }
        System.out.printf("AOT cache %s: %d MB%n", cache, Files.size(cache) >> 20);
    }

    // ---- bench ----------------------------------------------------------------------------

    static void bench(Path image, String launcher, int runs) throws Exception {
        Path app = appDir(image, launcher);
        if (!Files.isRegularFile(app.resolve(AOT_FILE))) {
            throw new IllegalStateException("no AOT cache in " + app + " (build with -Pdist)");
        }
        Path work = Files.createTempDirectory("netdoctor-bench");
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        try (Display display = Display.start()) {
            // One unmeasured start of each kind first: the OS file cache, fontconfig's cache.
            for (int i = -1; i < runs; i++) {
                for (boolean cached : new boolean[]{true, false}) {
                    Path frame = work.resolve("first-frame.txt");
                    Files.deleteIfExists(frame);
                    String options = (cached ? "" : "-XX:AOTMode=off ") + "-Dnetdoctor.firstFrameFile=" + frame
                            + " -Dnetdoctor.stateDir=" + work.resolve("state");
                    long started = System.currentTimeMillis();
                    Run run = Run.launch(launcherPath(image, launcher), work, display, options, work.resolve("run.log"), 60);
                    if (run.exit != 0 || !Files.isRegularFile(frame)) {
                        throw new IllegalStateException("benchmark run failed (exit " + run.exit + "):\n" + tail(work.resolve("run.log")));
                    }
                    long shown = Long.parseLong(Files.readString(frame).strip()) - started;
                    if (i >= 0) {
                        (cached ? with : without).add(shown);
                    }
                }
            }
        } finally {
            deleteTree(work);
        }
        System.out.printf("launch to first wizard frame, %d runs each (median, min-max):%n", runs);
        System.out.printf("  with AOT cache:    %s%n", summary(with));
        System.out.printf("  without AOT cache: %s%n", summary(without));
    }

    /** Two images as they ship (each with its own cache), started alternately: the first frame of each. */
    static void benchSideBySide(Path image, Path other, String launcher, int runs) throws Exception {
        Path work = Files.createTempDirectory("netdoctor-bench");
        List<Long> mine = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        try (Display display = Display.start()) {
            for (int i = -1; i < runs; i++) {
                for (Path img : List.of(image, other)) {
                    Path frame = work.resolve("first-frame.txt");
                    Files.deleteIfExists(frame);
                    deleteTree(work.resolve("state"));
                    String options = "-Dnetdoctor.firstFrameFile=" + frame + " -Dnetdoctor.stateDir=" + work.resolve("state");
                    long started = System.currentTimeMillis();
                    Run run = Run.launch(launcherPath(img, launcher), work, display, options, work.resolve("run.log"), 60);
                    if (run.exit != 0 || !Files.isRegularFile(frame)) {
                        throw new IllegalStateException(img + ": benchmark run failed (exit " + run.exit + "):\n" + tail(work.resolve("run.log")));
                    }
                    if (i >= 0) {
                        (img == image ? mine : theirs).add(Long.parseLong(Files.readString(frame).strip()) - started);
                    }
                }
            }
        } finally {
            deleteTree(work);
        }
        System.out.printf("launch to first wizard frame, %d runs each, alternating (median, min-max):%n", runs);
        System.out.printf("  %s: %s%n", image, summary(mine));
        System.out.printf("  %s: %s%n", other, summary(theirs));
    }

    static String summary(List<Long> ms) {
        List<Long> s = ms.stream().sorted().toList();
        long median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        return String.format("%d ms (%d-%d) %s", median, s.getFirst(), s.getLast(), ms);
    }

    // ---- helpers --------------------------------------------------------------------------

    /** One bounded run of a launcher; JAVA_TOOL_OPTIONS carries the extra JVM options. */
    record Run(int exit, long millis) {
        static Run launch(Path launcher, Path cwd, Display display, String javaToolOptions, Path log, int timeoutSeconds) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(launcher.toAbsolutePath().toString()).directory(cwd.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
            display.configure(pb);
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Run(-1, (System.nanoTime() - start) / 1_000_000);
            }
            return new Run(p.exitValue(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The display a GUI run uses: the caller's, or on Linux without one a private Xvfb. */
    static final class Display implements AutoCloseable {
        private final Process xvfb;
        private final String name;

        private Display(Process xvfb, String name) {
            this.xvfb = xvfb;
            this.name = name;
        }

        static Display start() throws Exception {
            String own = System.getenv("DISPLAY");
            boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
            if (!linux || (own != null && !own.isBlank())) {
                return new Display(null, null);
            }
            // -displayfd: Xvfb picks a free display number and writes it when it accepts clients.
            Process x;
            try {
                x = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x800x24")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IllegalStateException("No display and no Xvfb for the AOT training run: apt-get install xvfb,"
                        + " or set DISPLAY, or build with -Ddist.skipAot=true (" + e.getMessage() + ")", e);
            }
            try {
                InputStream out = x.getInputStream();
                StringBuilder number = new StringBuilder();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < until) {
                    if (out.available() > 0) {
                        int c = out.read();
                        if (c == '\n' && !number.isEmpty()) {
                            return new Display(x, ":" + number);
                        }
                        if (Character.isDigit(c)) {
                            number.append((char) c);
                        }
                    } else if (!x.isAlive()) {
                        break;
                    } else {
                        Thread.sleep(20);
                    }
                }
                throw new IllegalStateException("Xvfb did not start (apt-get install xvfb)");
            } catch (Exception e) {
                x.destroyForcibly();
                throw e;
            }
        }

        void configure(ProcessBuilder pb) {
            if (name != null) {
                pb.environment().put("DISPLAY", name);
                pb.environment().remove("WAYLAND_DISPLAY");
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (xvfb != null) {
                xvfb.destroy();
                if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                    xvfb.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    static void copy(Path file, Path dir) throws IOException {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private DistSteps() {
    }
}
