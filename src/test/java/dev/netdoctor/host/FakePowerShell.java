// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
