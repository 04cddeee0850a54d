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

/**
 * The steps of `mvn -Pdist package` that jlink and jpackage do not do themselves. Run by JDK 25's
 * own `java` as a single source file (exec-maven-plugin, toolchain JDK), so the same code runs on
 * Linux and on Windows, where there may be no usable shell.
 *
 * <pre>
 * java packaging/DistSteps.java stage   TARGET_DIR FINAL_NAME DIST_DIR JAVAFX_PLATFORM
 * java packaging/DistSteps.java natives DIST_DIR
 * java packaging/DistSteps.java aot     APP_IMAGE LAUNCHER [TIMEOUT_SECONDS]
 * java packaging/DistSteps.java bench   APP_IMAGE LAUNCHER RUNS
 * </pre>
 *
 * stage: a fresh DIST_DIR with input/ (the app jar and its libraries, for jpackage --input) and
 * javafx/ (JavaFX's platform jars: real modules with their native libraries inside, for jlink).
 * JavaFX goes into the linked runtime, so it is left out of input/.
 *
 * natives: JavaFX's native libraries, left out of the linked runtime's module image, go where the
 * JDK keeps its own (runtime/lib, or runtime/bin on Windows), so JavaFX loads them in place instead
 * of unpacking them into ~/.openjfx/cache on each user's first start. A library the runtime already
 * has (the VC++ runtime DLLs JavaFX for Windows brings along) is not replaced.
 *
 * aot: a training run of the app-image's own GUI launcher, a CLI diagnosis of this computer and then
 * the wizard up to its first frame, records
 * a JDK 25 AOT cache (JEP 483/514/515) next to the app's jars, then every launcher of the image
 * gets -XX:AOTCache for it. The cache is only valid for this runtime and this class path, which is
 * why it is made from the finished image. On Linux without a display, a private Xvfb is started.
 *
 * bench: the startup benchmark, launch to the wizard's first frame drawn, with and without the
 * AOT cache, alternating, medians printed. Not a test: numbers depend on the machine.
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
            case "aot" -> aot(Path.of(args[1]), args[2], args.length > 3 ? Integer.parseInt(args[3]) : 120);
            case "bench" -> bench(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
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
                } else {
                    copy(jar, input);
                    libs++;
                }
            }
        }
        if (fxJars == 0) {
            throw new IllegalStateException("no JavaFX jars for platform " + fxPlatform + " in " + target.resolve("lib"));
        }
        System.out.printf("staged %s: app jar, %d libraries, %d JavaFX modules%n", dist, libs, fxJars);
    }

    // ---- natives --------------------------------------------------------------------------

    static void natives(Path dist) throws IOException {
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

    static void aot(Path image, String launcher, int timeoutSeconds) throws Exception {
        Path app = appDir(image, launcher);
        Path cache = app.resolve(AOT_FILE);
        Files.deleteIfExists(cache);
        Path log = image.resolveSibling("aot-training.log");
        try (Display display = Display.start()) {
            // Relative paths, resolved in the app folder: JAVA_TOOL_OPTIONS splits at spaces, and
            // the image's own path may contain some ("WSL Net Doctor" on Windows).
            // netdoctor.aotTrainCli: the same run first does a CLI diagnosis of this computer (127.0.0.1
            // only), so the CLI launcher finds its classes in the cache too.
            String options = "-XX:AOTCacheOutput=" + AOT_FILE + " -Dnetdoctor.aotTrainCli=true"
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
