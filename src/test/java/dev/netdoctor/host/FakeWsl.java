// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * src/test/lab/fake-wsl.exe with some of its settings (FAKE_WSL_DISTROS, FAKE_WSL_PATH, the delays,
 * ...) fixed: a wrapper script to pass as --wsl-exe, since the in-process CLI cannot change its
 * environment. The fake (Python 3) does to its argv what Windows does to a command line (the JDK's
 * join, wsl.exe's reading, CommandLineToArgvW), gives the distro WSL's environment rather than
 * ours, and takes as long as wsl.exe does (FAKE_WSL_DELAY_MS, FAKE_WSL_FIRST_DELAY_MS); its
 * settings are listed at the top of the script.
 */
public final class FakeWsl {
    public static final String FAKE = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();

    private FakeWsl() {
    }

    /** Whether the fake can run here: it is a Python 3 script (standard library only). */
    public static boolean runs() {
        return new LocalLinuxSide().hasCommand("python3") && Files.isExecutable(Path.of(FAKE));
    }

    /**
     * Whether the fake can run a command as another user ({@code -u root}, a default user): like
     * the real wsl.exe it then really is that user, which needs root here. A test of a write "as
     * root through wsl.exe" run as a plain user would prove nothing, so it is skipped, saying why.
     */
    public static boolean switchesUsers() {
        return runs() && "root".equals(System.getProperty("user.name"));
    }

    /** A wrapper that runs the fake with these variables set (values are single-quoted, so plain text only). */
    public static String with(Path folder, Map<String, String> env) {
        String exports = env.entrySet().stream()
                .map(e -> "export " + e.getKey() + "='" + e.getValue().replace("'", "") + "'")
                .collect(Collectors.joining("\n"));
        Path script = folder.resolve("wsl-" + Integer.toHexString(env.hashCode()) + ".exe");
        try {
            Files.writeString(script, "#!/bin/sh\n" + exports + "\nexec '" + FAKE + "' \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script.toString();
    }

    /**
     * A running distro "Lab" whose default user is {@code nobody}, reached as wsl.exe is: its
     * command-line round trip, WSLENV, and its own time (250 ms a call, 3 s for the first start).
     * What a fix must write as root there shows whether it went through {@code -u root}. The
     * stand-in switches users only when it runs as root itself.
     */
    public static String distroWhoseUserIsNobody(Path folder) {
        return with(folder, Map.of("FAKE_WSL_DISTROS", "Lab:Running:2:default", "FAKE_WSL_USER", "nobody",
                "FAKE_WSL_STATE", folder.resolve("state").toString()));
    }

    /**
     * A folder to use as the distro's whole PATH: the usual tools, less the ones named (to play a
     * distro without, say, iproute2).
     */
    public static Path pathWithout(Path folder, List<String> missing) {
        Path bin = folder.resolve("distro-bin");
        try {
            Files.createDirectories(bin);
            for (String tool : List.of("sh", "bash", "true", "cat", "head", "printenv", "tr", "grep", "cut", "sort", "env",
                    "ip", "ss", "ssh", "ping", "uname", "base64", "mktemp", "mv", "rm", "chmod", "stat", "sync", "mkdir")) {
                var real = java.util.stream.Stream.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")
                        .map(d -> Path.of(d, tool)).filter(Files::exists).findFirst();
                if (!missing.contains(tool) && real.isPresent() && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), real.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bin;
    }
}
