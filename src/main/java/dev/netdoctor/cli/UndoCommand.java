package dev.netdoctor.cli;

import dev.netdoctor.fix.FixException;
import dev.netdoctor.fix.SafeApply;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Puts back the exact bytes a fix replaced, from the backup it printed.",
                "Refuses when the file was changed after the fix, so those changes are not lost."})
public final class UndoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BACKUP_FILE", description = "The backup (or .undo record) a fix printed.")
    Path backup;

    @Override
    public Integer call() {
        try {
            Path restored = new SafeApply(Clock.systemUTC()).undo(backup);
            spec.commandLine().getOut().println("Restored " + restored + " from " + backup + ".");
            return ExitCodes.NO_PROBLEM;
        } catch (FixException e) {
            spec.commandLine().getErr().println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.PROBLEM_FOUND;
        }
    }
}
