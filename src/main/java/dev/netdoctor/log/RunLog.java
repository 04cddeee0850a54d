// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One log file per run in the user's state folder, the oldest removed beyond {@link #KEEP}.
 * Everything logs through {@code System.Logger} / SLF4J into java.util.logging, so OSHI's and
 * our messages land in the same file. Nothing secret is ever logged: probes send no
 * credentials, and no password passes through this program.
 */
public final class RunLog {
    public static final int KEEP = 20;
    private static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static Path current;

    private RunLog() {
    }

    /** The folder for logs and settings: %LOCALAPPDATA% on Windows, XDG state elsewhere. */
    public static Path stateDir() {
        String override = System.getProperty("netdoctor.stateDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return stateDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    static Path stateDir(String osName, java.util.Map<String, String> env, String home) {
        if (osName.toLowerCase(Locale.ROOT).contains("windows")) {
            String local = env.get("LOCALAPPDATA");
            return Path.of(local != null && !local.isBlank() ? local : home, "WSL Net Doctor");
        }
        // XDG says a relative XDG_STATE_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_STATE_HOME");
        return (xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(home, ".local", "state")).resolve("wsl-net-doctor");
    }

    /**
     * Starts this run's log. With {@code mirrorToStderr} the same lines also go to stderr.
     * A folder we cannot write is not fatal: the run goes on without a file.
     */
    public static synchronized Path start(String kind, boolean mirrorToStderr) {
        return start(stateDir().resolve("logs"), kind, mirrorToStderr);
    }

    static synchronized Path start(Path dir, String kind, boolean mirrorToStderr) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        Formatter format = new LineFormat();
        Logger ours = Logger.getLogger("dev.netdoctor");
        ours.setLevel(Level.FINE);
        root.setLevel(Level.INFO);
        if (mirrorToStderr) {
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(Level.FINE);
            console.setFormatter(format);
            root.addHandler(console);
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(kind + "-" + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid() + ".log");
            FileHandler handler = new FileHandler(file.toString(), MAX_BYTES, 1, false);
            handler.setLevel(Level.FINE);
            handler.setFormatter(format);
            handler.setEncoding("UTF-8");
            root.addHandler(handler);
            current = file;
            prune(dir);
            ours.info(() -> "WSL Net Doctor " + kind + " run; Java " + Runtime.version() + " on " + System.getProperty("os.name"));
            return file;
        } catch (IOException | SecurityException e) {
            ours.warning(() -> "no log file: " + e.getMessage());
            return null;
        }
    }

    public static synchronized Path current() {
        return current;
    }

    private static void prune(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparing(RunLog::modified).reversed()).toList();
            for (Path old : logs.subList(Math.min(KEEP, logs.size()), logs.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static final class LineFormat extends Formatter {
        @Override
        public String format(LogRecord r) {
            String line = String.format("%1$tF %1$tT.%1$tL %2$-7s %3$s: %4$s%n", r.getMillis(), r.getLevel().getName(),
                    shortName(r.getLoggerName()), formatMessage(r));
            if (r.getThrown() != null) {
                java.io.StringWriter sw = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(sw));
                line += sw;
            }
            return line;
        }

        private static String shortName(String name) {
            return name == null ? "" : name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
