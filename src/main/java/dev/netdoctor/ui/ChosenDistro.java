// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.WslLinuxSide;
import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The distro the user chose in the wizard, as a {@link LinuxSide}: the fixes write its ssh config
 * and run its ssh -G, whichever distro is chosen when they run. Each call goes to the distro
 * chosen at that moment.
 */
final class ChosenDistro implements LinuxSide {
    private final String wslExe;
    private final DistroViewModel distros;

    ChosenDistro(String wslExe, DistroViewModel distros) {
        this.wslExe = wslExe;
        this.distros = distros;
    }

    /** The side of the distro chosen last, kept so its relay serves the fix's commands one after another. */
    private WslLinuxSide current;

    private synchronized WslLinuxSide now() {
        String name = distros.chosenName();
        if (name == null) {
            throw new IllegalStateException("No WSL distro is chosen yet; choose one on the Details step.");
        }
        if (current == null || !current.distro().equals(name)) {
            if (current != null) {
                current.close();
            }
            current = new WslLinuxSide(wslExe, name);
        }
        return current;
    }

    @Override
    public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
        return now().run(argv, stdin, timeout);
    }

    @Override
    public Optional<String> readFile(String path, int maxBytes) {
        return now().readFile(path, maxBytes);
    }

    @Override
    public boolean hasCommand(String name) {
        return now().hasCommand(name);
    }

    @Override
    public Optional<String> env(String name) {
        return now().env(name);
    }

    @Override
    public String describe() {
        return now().describe();
    }

    @Override
    public boolean isAppsOwnMachine() {
        return false;
    }
}
