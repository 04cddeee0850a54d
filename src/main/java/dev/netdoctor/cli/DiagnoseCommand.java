// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.OsRelease;
import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.WslDistroAccess;
import dev.netdoctor.log.RunLog;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.VantageRequest;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.SummaryLine;
import dev.netdoctor.model.Words;
import dev.netdoctor.report.JsonReport;
import dev.netdoctor.report.ReportFiles;
import dev.netdoctor.session.DiagnosisSession;
import dev.netdoctor.session.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Runs the checks and explains what is wrong.",
                "Progress goes to stderr; the result to stdout (text, or JSON with --json)."},
        footer = {"", "Examples:",
                "  wsl-net-doctor diagnose",
                "  wsl-net-doctor diagnose --target 198.18.0.10",
                "  wsl-net-doctor diagnose --target nas.home.arpa:2222 --json > result.json",
                "  wsl-net-doctor diagnose --target 198.18.0.10 --pdf report.pdf --markdown ticket.md --redact",
                "  wsl-net-doctor diagnose --service-port 8443",
                "  wsl-net-doctor diagnose --wsl Ubuntu --service-port 3000      (from Windows: can a browser there open localhost:3000?)",
                "  wsl-net-doctor diagnose --wsl Ubuntu --windows-port 5432      (can WSL reach a program on Windows?)",
                "  wsl-net-doctor diagnose --service-port 3000 --other-devices   (can other devices reach your app in WSL?)",
                "  wsl-net-doctor diagnose --service-port 8443 --vantage alice@198.18.0.20 --identity ~/.ssh/id_ed25519"})
public final class DiagnoseCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(DiagnoseCommand.class.getName());

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--target"}, paramLabel = "HOST[:PORT]",
            description = "The machine you cannot reach, e.g. 198.18.0.10 or nas.local:2222 (port defaults to 22). "
                    + "Without it, this computer is checked: its own ports and WSL's settings files, and, unless --service-port is given, "
                    + "its way out (its DNS servers and its default gateway).")
    String target;

    // SSH by default on every port, as before the option existed: scripts that diagnose an SSH
    // server on 2222 keep their checks; a web server is said with --no-ssh.
    @Option(names = "--ssh", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Whether the target is an SSH server (default: yes, on any port). --no-ssh for a web server or "
                    + "another service that waits for the client to speak first: the SSH checks are left out, so its silence "
                    + "is not taken for an SSH server that never greets.")
    boolean ssh = true;

    @Option(names = {"-p", "--service-port"}, paramLabel = "N",
            description = "A port your own service listens on here: checks who listens and whether it can be reached locally. Repeatable.")
    List<Integer> servicePorts = new ArrayList<>();

    @Option(names = {"-w", "--windows-port"}, paramLabel = "N",
            description = "A port of a program on Windows that WSL should reach (a database, an X server): checks who listens on "
                    + "Windows, and connects from Windows and from inside WSL. Repeatable.")
    List<Integer> windowsPorts = new ArrayList<>();

    @Option(names = "--other-devices",
            description = "The question is whether other devices reach --service-port: Windows' port proxies and firewall for it are "
                    + "checked. Only --vantage proves that another machine gets through.")
    boolean otherDevices;

    @Option(names = "--vantage", paramLabel = "USER@HOST[:PORT]",
            description = "Another machine you can SSH into (with a key): from there, check that the service port is reachable.")
    String vantage;

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE",
            description = "Private key for --vantage; without it the ssh agent is used. Passwords are never used.")
    Path identity;

    @Option(names = "--accept-host-key", paramLabel = "SHA256:…",
            description = "The --vantage host's key fingerprint, when it is not in your known_hosts yet. Nothing is accepted silently.")
    String acceptHostKey;

    @Option(names = "--wslconfig", paramLabel = "FILE", description = "Check this .wslconfig instead of your Windows profile's.")
    Path wslconfig;

    @Option(names = "--wsl-conf", paramLabel = "FILE", description = "Check this wsl.conf (a full path inside Linux) instead of /etc/wsl.conf.")
    String wslConf;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Option(names = "--summary-line",
            description = "End stdout with one line for fleet tools such as Intune (at most 2,048 characters): verdict, finding ids, "
                    + "the distro's OS, networking mode, versions, exit code. No user name, host name or address. Not with --json.")
    boolean summaryLine;

    @Option(names = "--summary-line-names",
            description = "As --summary-line, with the name the distro is registered under instead of its OS (a name the user may have chosen).")
    boolean summaryLineNames;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Time limit for the whole run, ${DEFAULT-VALUE} s by default (3-600).")
    int timeoutSeconds;

    @Option(names = "--attempt-timeout", paramLabel = "MILLIS", defaultValue = "2000",
            description = "Time limit for each single connect or handshake, ${DEFAULT-VALUE} ms by default.")
    int attemptMillis;

    @CommandLine.Mixin
    ReportOptions report = new ReportOptions();

    @CommandLine.Mixin
    WslOptions wsl = new WslOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress display on stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Mirror the run log on stderr.")
    boolean verbose;

    private static String readableKey(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException(Words.get("details.identity.unreadable", file));
        }
        return file.toAbsolutePath().toString();
    }

    /** What the options ask, checked: a bad value is an {@link InvalidInputException} with the sentence for the user. */
    DiagnosisRequest request() {
        Target t = target == null ? null : Target.parse(target);
        VantageRequest v = null;
        if (vantage != null) {
            v = VantageRequest.parse(vantage, identity == null ? null : readableKey(identity), acceptHostKey);
        } else if (identity != null || acceptHostKey != null) {
            throw new InvalidInputException(Words.get("cli.diagnose.vantageOptions"));
        }
        if (wslconfig != null && !Files.isRegularFile(wslconfig)) {
            throw new InvalidInputException(Words.get("cli.wslconfig.notAFile", wslconfig));
        }
        DiagnosisRequest request = new DiagnosisRequest(t, servicePorts, v, Duration.ofMillis(attemptMillis), Duration.ofSeconds(timeoutSeconds),
                new DiagnosisRequest.ConfigPaths(wslconfig == null ? null : wslconfig.toAbsolutePath().toString(), wslConf))
                .withWindowsPorts(windowsPorts).withSshTarget(ssh);
        if (otherDevices) {
            request = request.withOtherDevices();
        }
        // Neither a machine nor a port: the question is "what is wrong here?", so the way out of
        // this computer is checked too. A port alone is the question about it.
        if (t == null && servicePorts.isEmpty() && windowsPorts.isEmpty()) {
            request = request.withWayOut();
        }
        return request;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (json && (summaryLine || summaryLineNames)) {
            // Refused, not combined: a script that reads --json's stdout as one document would break on a line after it.
            err.println("wsl-net-doctor: " + Words.get("cli.summaryLine.notWithJson"));
            return ExitCodes.BAD_INPUT;
        }
        if (summaryLineNames && report.redact) {
            err.println("wsl-net-doctor: " + Words.get("cli.summaryLine.namesNotRedacted"));
            return notRun(out, ExitCodes.BAD_INPUT);
        }
        DiagnosisRequest request;
        try {
            request = request();
        } catch (InvalidInputException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return notRun(out, ExitCodes.BAD_INPUT);
        }
        // A report that cannot be written is said now, not after a minute of checks.
        List<String> unwritable = ReportFiles.problems(report.request(null), null);
        if (!unwritable.isEmpty()) {
            unwritable.forEach(p -> err.println("wsl-net-doctor: " + p));
            return notRun(out, ExitCodes.BAD_INPUT);
        }
        if (json) {
            // while the checks wait for the network (a daemon: never holds the exit)
            Thread.ofPlatform().daemon().name("json-prepare").start(JsonReport::prepare);
        }
        Path log = RunLog.start("cli", verbose);
        try {
            WindowsHost windows = wsl.windowsReadAhead();
            LinuxSide side = wsl.linuxSideOrSayWhy(err);
            if (side == null) {
                if (windows != null) {
                    windows.cancelAhead();
                }
                return notRun(out, ExitCodes.INCOMPLETE);
            }
            ProgressDisplay progress = new ProgressDisplay(err, !quiet && !verbose, System.console() != null);
            DiagnosisSession session = new DiagnosisSession(new HostInspector(side, windows), request, progress);
            Thread hook = new Thread(session::cancel, "cancel-on-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
            DiagnosisResult result;
            String distroOs = null;
            try {
                result = session.run();
                // From Windows the result's OS is Windows': the fleet line names the distro's own,
                // read while the relay still runs (its registered name may be a person's).
                if ((summaryLine || summaryLineNames) && side.throughWsl().isPresent()) {
                    distroOs = OsRelease.of(side).orElse(null);
                }
            } finally {
                progress.finish();
                side.throughWsl().ifPresent(WslDistroAccess::close); // ends the relay inside the distro
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // the JVM is already shutting down
                }
            }
            // The result is shown first, so nothing that fails later (the report files) can take it from a script.
            ReportData data = ReportFiles.prepare(ReportData.of(result), report.redact);
            if (json) {
                out.println(report.redact ? JsonReport.write(data) : JsonReport.write(result));
            } else {
                TextReport.print(data.result(), out);
            }
            out.flush();
            int exit = writeFiles(data, err);
            if (exit == ExitCodes.NO_PROBLEM) {
                exit = result.problemFound() ? ExitCodes.PROBLEM_FOUND : result.complete() ? ExitCodes.NO_PROBLEM : ExitCodes.INCOMPLETE;
            }
            if (summaryLine || summaryLineNames) {
                // Last on stdout: Intune keeps only a script's last line. Its exit is the one the CLI returns.
                out.println(SummaryLine.of(result, summaryLineNames, distroOs).withExit(exit).format());
                out.flush();
            }
            return exit;
        } catch (RuntimeException | Error e) {
            return couldNotFinish(e, log, err);
        }
    }

    /** The report files asked for; {@link ExitCodes#INCOMPLETE} when one could not be written. */
    private int writeFiles(ReportData data, PrintWriter err) {
        ReportFiles.Request files = report.request(null);
        if (files.any()) {
            try {
                // Already redacted above when asked: the files get the very same placeholders.
                for (Path p : ReportFiles.write(data, new ReportFiles.Request(files.pdf(), files.markdown(), files.html(), null,
                        files.paper(), false))) {
                    err.println(Words.get("cli.wrote", p));
                }
            } catch (java.io.IOException e) {
                err.println("wsl-net-doctor: " + Words.get("cli.report.notWritten", e.getMessage()));
                return ExitCodes.INCOMPLETE;
            }
        }
        return ExitCodes.NO_PROBLEM;
    }

    /** With --summary-line, a run that never became a diagnosis still ends with its line: a fleet tool sees the machine and why. */
    private int notRun(PrintWriter out, int exit) {
        if (summaryLine || summaryLineNames) {
            out.println(SummaryLine.notRun(Version.current(), exit).format());
            out.flush();
        }
        return exit;
    }

    /**
     * Something no check foresaw went wrong while running or showing the diagnosis: the user
     * gets one sentence and where the run log is, the log gets the details. Never a stack trace
     * on the screen. With --json, a result that exists was printed before anything else could fail.
     */
    private static int couldNotFinish(Throwable e, Path log, PrintWriter err) {
        LOG.log(System.Logger.Level.ERROR, "the diagnosis could not finish", e);
        err.println("wsl-net-doctor: " + Words.get("cli.diagnose.couldNotFinish", e.getClass().getSimpleName()) + " "
                + (log == null ? Words.get("cli.diagnose.noLog") : Words.get("cli.diagnose.log", log)));
        err.flush();
        return ExitCodes.INCOMPLETE;
    }
}
