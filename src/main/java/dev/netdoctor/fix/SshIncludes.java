package dev.netdoctor.fix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves ssh_config Include arguments as OpenSSH does for a user config: {@code ~/} is the
 * home folder, relative paths are under {@code ~/.ssh}, and the last path element may be a
 * glob. Read-only; unreadable files are reported as such (content null).
 */
public final class SshIncludes {
    private static final int MAX_FILES = 64;

    private SshIncludes() {
    }

    public static SshConfigEdit.IncludeReader under(Path home) {
        return argument -> {
            Path sshDir = home.resolve(".ssh");
            String a = argument.startsWith("~/") ? home.resolve(argument.substring(2)).toString() : argument;
            Path p = Path.of(a).isAbsolute() ? Path.of(a) : sshDir.resolve(a);
            List<SshConfigEdit.Included> out = new ArrayList<>();
            String last = p.getFileName() == null ? "" : p.getFileName().toString();
            if (last.contains("*") || last.contains("?") || last.contains("[")) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(p.getParent(), last)) {
                    List<Path> sorted = new ArrayList<>();
                    files.forEach(sorted::add);
                    sorted.sort(null); // OpenSSH reads glob matches in sorted order
                    sorted.stream().limit(MAX_FILES).filter(Files::isRegularFile).forEach(f -> out.add(read(f)));
                } catch (IOException e) {
                    // no folder, no matches: OpenSSH ignores that too
                }
            } else if (Files.exists(p)) {
                out.add(read(p));
            }
            return out;
        };
    }

    private static SshConfigEdit.Included read(Path f) {
        try {
            return new SshConfigEdit.Included(f.toString(), Files.size(f) <= SafeApply.MAX_BYTES ? Files.readAllBytes(f) : null);
        } catch (IOException e) {
            return new SshConfigEdit.Included(f.toString(), null);
        }
    }
}
