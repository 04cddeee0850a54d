// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0

import dev.netdoctor.model.SummaryLine;

import java.util.Optional;

/**
 * Checks one line with the app's own parser: exits 0 when it is a fleet summary line whose
 * {@code exit=} is the expected code, 1 otherwise. The installers workflow runs it on the line
 * packaging/intune/detect.ps1 printed, with the compiled classes of the same build:
 *
 * <pre>java --class-path target/classes packaging/CheckSummaryLine.java "LINE" EXPECTED_EXIT</pre>
 */
public final class CheckSummaryLine {
    private CheckSummaryLine() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CheckSummaryLine LINE EXPECTED_EXIT");
            System.exit(2);
        }
        Optional<SummaryLine> line = SummaryLine.parse(args[0]);
        if (line.isEmpty()) {
            System.err.println("not a summary line: " + args[0]);
            System.exit(1);
        }
        int expected = Integer.parseInt(args[1]);
        if (line.get().exit().orElse(-1) != expected) {
            System.err.println("the line says exit " + line.get().exit() + ", the script exited " + expected + ": " + args[0]);
            System.exit(1);
        }
        System.out.println("a summary line: verdict " + line.get().verdict() + ", findings " + line.get().findings()
                + ", exit " + expected + ", " + line.get().values());
    }
}
