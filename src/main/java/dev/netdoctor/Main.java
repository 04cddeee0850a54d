// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor;

/**
 * Starts WSL Net Doctor: with no arguments the wizard window, with arguments the command line.
 * The CLI path never loads a JavaFX class.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("netdoctor.aotTrainCli")) {
            dev.netdoctor.cli.Cli.trainForAotCache();
        }
        if (args.length == 0) {
            try {
                dev.netdoctor.ui.WizardApp.start(args);
            } catch (UnsupportedOperationException e) {
                // No display (e.g. an SSH session): point to the command line instead of a stack trace.
                dev.netdoctor.cli.Cli.windowUnavailable(e.getMessage());
            }
        } else {
            dev.netdoctor.cli.Cli.main(args);
        }
    }
}
