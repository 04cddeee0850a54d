// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The one way a file's exact bytes come out of a Linux we only run commands on (a WSL distro
 * through wsl.exe): the probe that checks a settings file and the fix that rewrites it read the
 * same bytes by the same protocol. A fixed script run as {@code sh -c SCRIPT sh ARG…}, the path
 * reaching it as "$1" and never as script text; bytes travel as base64 in chunks that stay under a
 * side's usual output cap, each checked against the file's size so a read that failed inside the
 * pipe is never taken for a short file.
 */
public final class DistroFiles {
    /** Generous: the first command may have to start a stopped distro. */
    public static final Duration CALL = Duration.ofSeconds(30);
    /** Raw bytes read per call; as base64 this stays under a LinuxSide's usual 256 KiB output cap. */
    private static final int CHUNK = 160 * 1024;

    /**
     * "ABSENT", or the file's size, then base64 of bytes [$2, $2+$3) (1-based). The size lets
     * the caller tell a complete chunk from a read that failed inside the pipe.
     */
    private static final String READ = """
            [ -e "$1" ] || { echo ABSENT; exit 0; }
            n=$(wc -c < "$1") || exit 1
            echo $n
            tail -c +"$2" -- "$1" | head -c "$3" | base64
            """;

    private DistroFiles() {
    }

    /** A command the protocol needs (sh, base64, …) is missing in that Linux: exit status 127. */
    public static final class MissingCommand extends IOException {
        private static final long serialVersionUID = 1L;

        MissingCommand(String message) {
            super(message);
        }
    }

    /**
     * At most {@code limit} bytes of {@code file} (a longer one gives only those); empty when it
     * does not exist. A file that is there but cannot be read, or changes while it is read, is an
     * IOException in that Linux's (or wsl.exe's) words.
     */
    public static Optional<byte[]> read(LinuxSide linux, String file, int limit) throws IOException, InterruptedException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long size = -1;
        while (got.size() < limit && got.size() != size) {
            int want = Math.min(CHUNK, limit - got.size());
            String out = run(linux, List.of("sh", "-c", READ, "sh", file, Integer.toString(got.size() + 1), Integer.toString(want)), null)
                    .stdout();
            int nl = out.indexOf('\n');
            String first = (nl < 0 ? out : out.substring(0, nl)).strip();
            if (first.equals("ABSENT")) {
                if (size < 0) {
                    return Optional.empty();
                }
                throw new IOException("it was removed while being read");
            }
            long now;
            try {
                now = Long.parseLong(first);
            } catch (NumberFormatException e) {
                throw new IOException("unexpected answer from " + linux.describe() + ": " + first);
            }
            if (size >= 0 && now != size) {
                throw new IOException("it changed while being read");
            }
            size = now;
            byte[] chunk;
            try {
                chunk = Base64.getMimeDecoder().decode(nl < 0 ? "" : out.substring(nl + 1));
            } catch (IllegalArgumentException e) {
                throw new IOException("unexpected answer from " + linux.describe() + ": not base64");
            }
            if (chunk.length != Math.min(want, Math.max(0, size - got.size()))) {
                throw new IOException("it could not be read completely");
            }
            got.write(chunk);
        }
        return Optional.of(got.toByteArray());
    }

    /**
     * Runs a command there within {@link #CALL}; whatever did not work comes back as an
     * IOException in that Linux's (or wsl.exe's) words, a missing command as {@link MissingCommand}.
     */
    public static CommandRun run(LinuxSide linux, List<String> argv, byte[] stdin) throws IOException, InterruptedException {
        CommandRun r = linux.run(argv, stdin, CALL);
        if (r.timedOut()) {
            throw new IOException("no answer from " + linux.describe() + " within " + CALL.toSeconds() + " s");
        }
        if (r.notFound()) {
            throw new IOException("wsl.exe could not be started (" + r.stderr().strip() + ")");
        }
        if (r.truncated()) {
            throw new IOException("the answer from " + linux.describe() + " was longer than expected");
        }
        if (r.exitCode() != 0) {
            String said = String.join(" ", r.stderr().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
            String message = said.isEmpty() ? "exit status " + r.exitCode() : said;
            if (r.exitCode() == 127) {
                throw new MissingCommand(message + " (a command the fix needs is missing in the distro: sh, base64, mktemp, stat, mv "
                        + "and rm come with the coreutils package)");
            }
            throw new IOException(message);
        }
        return r;
    }
}
