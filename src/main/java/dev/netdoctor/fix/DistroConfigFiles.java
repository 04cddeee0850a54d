// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.DistroFiles;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Config files inside a WSL distro, reached only by running commands there (wsl.exe from
 * Windows). Every operation is a fixed script run as {@code sh -c SCRIPT sh ARG…}, the paths
 * reaching it as "$1"… and never as script text, or a plain argv. Bytes travel as base64 (the
 * distro's coreutils base64 on stdin and stdout), so binary content, CRLF and UTF-8 arrive
 * exactly; every write is checked by its length there. Locations are Linux paths; inside the
 * distro the same rules hold as on this computer: temp file next to the file (mktemp, umask
 * 077), permissions set to the original's, sync, then one atomic rename (mv -f: rename(2)).
 */
public final class DistroConfigFiles implements ConfigFiles {
    /** A location made absolute and followed like the local store does: "KIND\nPATH". */
    private static final String FIND = """
            f=$1
            if [ -L "$f" ]; then
              if [ ! -e "$f" ]; then printf 'BROKEN_LINK\\n%s' "$f"; exit 0; fi
              f=$(readlink -f -- "$f") || exit 1
            fi
            if [ ! -e "$f" ]; then k=MISSING
            elif [ ! -f "$f" ]; then k=NOT_A_FILE
            elif [ ! -r "$f" ]; then k=UNREADABLE
            else k=FILE
            fi
            printf '%s\\n%s' "$k" "$f"
            """;

    /** Regular files in folder $1 matching glob $2 (left unquoted so the shell expands it, unsplit). */
    private static final String MATCHING = """
            cd -- "$1" 2>/dev/null || exit 0
            IFS=
            for f in $2; do
              if [ -f "$f" ]; then printf '%s\\n' "$f"; fi
            done
            exit 0
            """;

    private static final String CREATE_FOLDER = "umask 077 && mkdir -p -- \"$1\"";

    /** Exclusive create ($1, 0600) from base64 on stdin, checked against length $2; "EXISTS" when taken. */
    private static final String CREATE_NEW = """
            umask 077
            if [ -e "$1" ] || [ -L "$1" ]; then echo EXISTS; exit 0; fi
            set -C
            : > "$1" || exit 1
            if base64 -d >> "$1" && [ "$(stat -c %s -- "$1")" = "$2" ]; then
              sync -- "$1" 2>/dev/null || sync
              echo CREATED
              exit 0
            fi
            rm -f -- "$1"
            exit 1
            """;

    /**
     * A temp file in folder $1 named after $2, from base64 on stdin, checked against length $5,
     * given mode $3 and owner $4 (empty: as created), synced; prints its path.
     */
    private static final String WRITE_TEMP = """
            umask 077
            t=$(mktemp "$1/.$2.tmp.XXXXXXXXXX") || exit 1
            if base64 -d > "$t" && [ "$(stat -c %s -- "$t")" = "$5" ] && chmod "$3" "$t" \\
                && { [ -z "$4" ] || [ "$(stat -c %u -- "$t")" = "$4" ] || chown -- "$4" "$t"; }; then
              sync -- "$t" 2>/dev/null || sync
              printf '%s' "$t"
              exit 0
            fi
            rm -f -- "$t"
            exit 1
            """;

    /** mv would move $1 into a folder at $2 instead of replacing it: refuse that. */
    private static final String REPLACE = """
            if [ -d "$2" ] && [ ! -L "$2" ]; then echo "$2 is a folder" >&2; exit 1; fi
            mv -f -- "$1" "$2" || exit 1
            sync -- "$3" 2>/dev/null || sync
            """;

    private final LinuxSide distro;
    private volatile String home;

    public DistroConfigFiles(LinuxSide distro) {
        this.distro = distro;
    }

    @Override
    public String home() throws IOException {
        String h = home;
        if (h == null) {
            h = distro.env("HOME").filter(this::isFullPath).orElseThrow(() -> new IOException("the home folder in "
                    + distro.describe() + " is unknown (HOME is not set there, or the distro did not answer)"));
            home = h;
        }
        return h;
    }

    /** The distro's name, as wsl.exe --distribution takes it. */
    java.util.Optional<String> distroName() {
        return distro.throughWsl().map(dev.netdoctor.host.WslDistroAccess::distro);
    }

    @Override
    public String where(String location) {
        return location + " in " + distro.describe();
    }

    @Override
    public Found find(String requested) throws IOException, InterruptedException {
        if (!isFullPath(requested)) {
            throw new IOException("a path inside the distro must start with / (e.g. /home/you/.ssh/config)");
        }
        String out = run(List.of("sh", "-c", FIND, "sh", requested), null).stdout();
        int nl = out.indexOf('\n');
        try {
            return new Found(out.substring(nl + 1), Kind.valueOf(out.substring(0, nl)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException("unexpected answer from " + distro.describe() + ": " + out.strip());
        }
    }

    /** By {@link DistroFiles}: the same protocol and the same bytes as the checks that read the distro's files. */
    @Override
    public Optional<byte[]> read(String file, int limit) throws IOException, InterruptedException {
        return DistroFiles.read(distro, file, limit);
    }

    @Override
    public List<String> matching(String folder, String glob) throws IOException, InterruptedException {
        String out = run(List.of("sh", "-c", MATCHING, "sh", folder, glob), null).stdout();
        return out.lines().filter(n -> !n.isEmpty()).sorted().map(n -> inFolder(folder, n)).toList();
    }

    @Override
    public void createFolder(String folder) throws IOException, InterruptedException {
        run(List.of("sh", "-c", CREATE_FOLDER, "sh", folder), null);
    }

    @Override
    public void createNew(String file, byte[] bytes) throws IOException, InterruptedException {
        String out = run(List.of("sh", "-c", CREATE_NEW, "sh", file, Integer.toString(bytes.length)), base64(bytes)).stdout();
        if (out.strip().equals("EXISTS")) {
            throw new FileAlreadyExistsException(file);
        }
    }

    @Override
    public String writeTemp(String file, byte[] bytes, Access access) throws IOException, InterruptedException {
        String owner = access.owner() == null ? "" : access.owner();
        return run(List.of("sh", "-c", WRITE_TEMP, "sh", folder(file), name(file), Integer.toOctalString(access.mode()), owner,
                Integer.toString(bytes.length)), base64(bytes)).stdout();
    }

    @Override
    public void replace(String from, String to) throws IOException, InterruptedException {
        run(List.of("sh", "-c", REPLACE, "sh", from, to, folder(to)), null);
    }

    @Override
    public void delete(String file) throws IOException, InterruptedException {
        run(List.of("rm", "-f", "--", file), null);
    }

    @Override
    public Access access(String file) throws IOException, InterruptedException {
        String out = run(List.of("stat", "-c", "%a:%u", "--", file), null).stdout().strip();
        int colon = out.indexOf(':');
        try {
            return new Access(Integer.parseInt(out.substring(0, colon), 8), out.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IOException("unexpected answer from stat: " + out);
        }
    }

    @Override
    public String folder(String location) {
        int slash = location.lastIndexOf('/');
        return slash <= 0 ? "/" : location.substring(0, slash);
    }

    @Override
    public String name(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Override
    public String inFolder(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    @Override
    public boolean isFullPath(String location) {
        return location.startsWith("/");
    }

    /** Wrapped at 76 with plain LF: every base64 -d (coreutils, busybox) takes that. */
    private static byte[] base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, new byte[]{'\n'}).encode(bytes);
    }

    /** Runs in the distro; whatever did not work comes back as an IOException in the distro's (or wsl.exe's) words. */
    private CommandRun run(List<String> argv, byte[] stdin) throws IOException, InterruptedException {
        return DistroFiles.run(distro, argv, stdin);
    }
}
