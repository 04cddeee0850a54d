// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves ssh_config Include arguments as OpenSSH does for a user config: {@code ~/} is the
 * home folder, relative paths are under {@code ~/.ssh}, and the last path element may be a
 * glob. Read-only, through the same {@link ConfigFiles} as the config itself (a distro's
 * includes are the distro's files, its ~ the distro user's home); unreadable files are reported
 * as such (content null).
 */
public final class SshIncludes {
    private static final int MAX_FILES = 64;

    private SshIncludes() {
    }

    public static SshConfigEdit.IncludeReader under(ConfigFiles files, String home) {
        return argument -> {
            String a = argument.startsWith("~/") ? files.inFolder(home, argument.substring(2)) : argument;
            String p = files.isFullPath(a) ? a : files.inFolder(files.inFolder(home, ".ssh"), a);
            String last = files.name(p);
            List<SshConfigEdit.Included> out = new ArrayList<>();
            try {
                if (last.contains("*") || last.contains("?") || last.contains("[")) {
                    // OpenSSH reads glob matches in sorted order; no folder or no match is no error to it either
                    for (String f : files.matching(files.folder(p), last).stream().limit(MAX_FILES).toList()) {
                        out.add(read(files, f).orElse(new SshConfigEdit.Included(f, null))); // gone since listed
                    }
                } else {
                    read(files, p).ifPresent(out::add);
                }
            } catch (IOException e) {
                // the folder of a glob cannot be listed: nothing is included from it, as with OpenSSH
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return out;
        };
    }

    /** The file's content (null when unreadable or over 1 MiB); empty when it does not exist. */
    private static Optional<SshConfigEdit.Included> read(ConfigFiles files, String f) throws InterruptedException {
        try {
            return files.read(f, SafeApply.MAX_BYTES + 1)
                    .map(bytes -> new SshConfigEdit.Included(f, bytes.length <= SafeApply.MAX_BYTES ? bytes : null));
        } catch (IOException e) {
            return Optional.of(new SshConfigEdit.Included(f, null));
        }
    }
}
