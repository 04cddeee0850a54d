package dev.netdoctor.cli;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.log.RunLog;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.Target;
import dev.netdoctor.report.JsonReport;
import dev.netdoctor.session.DiagnosisSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Runs the checks and explains what is wrong.",
                "Progress goes to stderr; the result to stdout (text, or JSON with --json)."},
        footer = {"", "Examples:",
                "  wsl-net-doctor diagnose --target 198.18.0.10",
                "  wsl-net-doctor diagnose --target nas.home.arpa:2222 --json > result.json"})
public final class DiagnoseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--target"}, paramLabel = "HOST[:PORT]",
            description = "The machine you cannot reach, e.g. 198.18.0.10 or nas.local:2222 (port defaults to 22).")
    String target;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Time limit for the whole run, ${DEFAULT-VALUE} s by default (3-600).")
    int timeoutSeconds;

    @Option(names = "--attempt-timeout", paramLabel = "MILLIS", defaultValue = "2000",
            description = "Time limit for each single connect or handshake, ${DEFAULT-VALUE} ms by default.")
    int attemptMillis;

    @Option(names = {"-q", "--quiet"}, description = "No progress display on stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Mirror the run log on stderr.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DiagnosisRequest request;
        try {
            Target t = target == null ? null : Target.parse(target);
            request = new DiagnosisRequest(t, java.util.List.of(), Duration.ofMillis(attemptMillis), Duration.ofSeconds(timeoutSeconds));
        } catch (InvalidInputException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        RunLog.start("cli", verbose);
        ProgressDisplay progress = new ProgressDisplay(err, !quiet && !verbose, System.console() != null);
        DiagnosisSession session = new DiagnosisSession(new HostInspector(new LocalLinuxSide()), request, progress);
        Thread hook = new Thread(session::cancel, "cancel-on-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        DiagnosisResult result;
        try {
            result = session.run();
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
        if (json) {
            out.println(JsonReport.write(result));
        } else {
            TextReport.print(result, out);
        }
        out.flush();
        if (result.problemFound()) {
            return ExitCodes.PROBLEM_FOUND;
        }
        return result.complete() ? ExitCodes.NO_PROBLEM : ExitCodes.INCOMPLETE;
    }
}
