// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.Standpoint;
import dev.netdoctor.host.WslDistroAccess;
import dev.netdoctor.host.WslLinuxSide;
import dev.netdoctor.host.WslStatus;
import dev.netdoctor.host.WslVersion;
import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The distro the user chose in the wizard, as a {@link LinuxSide}: the fixes write its ssh config
 * and run its ssh -G, whichever distro is chosen when they run. Each call goes to the distro
 * chosen at that moment, its capabilities as a distro behind wsl.exe ({@link #throughWsl()})
 * included: that is how the wsl.conf fixes write it as root from the wizard too.
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
    public CommandRun runUntil(List<String> argv, Duration timeout, java.util.function.BooleanSupplier enough) throws InterruptedException {
        return now().runUntil(argv, timeout, enough);
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

    /** Read by the one protocol of {@code host}, as the checks read the distro's files. */
    @Override
    public Optional<byte[]> readBytes(String path, int maxBytes) {
        return now().readBytes(path, maxBytes);
    }

    /** Whichever distro is chosen, it is reached from Windows through wsl.exe; known before any is chosen. */
    @Override
    public Standpoint standpoint() {
        return Standpoint.WINDOWS;
    }

    /** The chosen distro's capabilities, each call going to the distro chosen at that moment. */
    @Override
    public Optional<WslDistroAccess> throughWsl() {
        return Optional.of(access);
    }

    private final WslDistroAccess access = new WslDistroAccess() {
        @Override
        public String distro() {
            return now().distro();
        }

        @Override
        public String wslExe() {
            return wslExe;
        }

        @Override
        public WslLinuxSide asRoot() {
            return now().asRoot();
        }

        @Override
        public boolean isOurs(String commandLine) {
            return now().isOurs(commandLine);
        }

        @Override
        public boolean ranJustNow(String program) {
            return now().ranJustNow(program);
        }

        @Override
        public Optional<String> startProblem() throws InterruptedException {
            return now().startProblem();
        }

        @Override
        public WslVersion version() throws InterruptedException {
            return now().version();
        }

        @Override
        public WslStatus status() throws InterruptedException {
            return now().status();
        }

        @Override
        public void close() {
            synchronized (ChosenDistro.this) {
                if (current != null) {
                    current.close();
                }
            }
        }
    };
}
