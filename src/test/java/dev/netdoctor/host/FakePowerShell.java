// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * src/test/lab/fake-powershell.exe, Windows PowerShell 5.1 for our scripts (its settings and machine
 * file are described at its top). Tests hand it its settings as environment variables of the one
 * process, never by changing the JVM's environment.
 */
public final class FakePowerShell {
    public static final Path EXE = Path.of("src/test/lab/fake-powershell.exe").toAbsolutePath();

    private FakePowerShell() {
    }

    /** Whether the stand-in can run here: a Python 3 script (standard library only). */
    public static boolean runs() {
        return new LocalLinuxSide().hasCommand("python3") && Files.isExecutable(EXE);
    }

    /**
     * Settings for one test: its own state folder (rules written elevated), no start-up cost unless a
     * test wants it, plus the ones given.
     */
    public static Map<String, String> env(Path folder, String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("FAKE_PS_STATE", folder.resolve("ps-state").toString());
        env.put("FAKE_PS_DELAY_MS", "0");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /**
     * A wrapper that runs the stand-in with these settings, to pass where only a path can go (the
     * CLI's --powershell-exe, the netdoctor.powershellExe property). Values are single-quoted, so
     * plain text only.
     */
    public static Path with(Path folder, Map<String, String> env) {
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        env.forEach((k, v) -> script.append("export ").append(k).append("='").append(v.replace("'", "")).append("'\n"));
        script.append("exec '").append(EXE).append("' \"$@\"\n");
        Path wrapper = folder.resolve("powershell-" + Integer.toHexString(env.hashCode()) + ".exe");
        try {
            Files.writeString(wrapper, script);
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wrapper;
    }

    /** A machine file with this JSON (the format is in the stand-in's docstring). */
    public static Path machine(Path folder, String json) {
        Path file = folder.resolve("machine-" + Integer.toHexString(json.hashCode()) + ".json");
        try {
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
