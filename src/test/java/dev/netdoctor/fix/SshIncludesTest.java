// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Which files an Include line reads, found as OpenSSH finds them for a user's config. */
class SshIncludesTest {
    @TempDir
    Path home;

    private SshConfigEdit.IncludeReader includes() {
        return SshIncludes.under(new LocalConfigFiles(home), home.toString());
    }

    private Path write(String relative, String text) throws Exception {
        Path f = home.resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    private static List<String> names(List<SshConfigEdit.Included> included) {
        return included.stream().map(SshConfigEdit.Included::name).toList();
    }

    @Test
    void aRelativePathIsUnderDotSshAndTildeIsTheHome() throws Exception {
        Path relative = write(".ssh/extra.conf", "IPQoS ef\n");
        Path inHome = write("extra.conf", "User me\n");

        List<SshConfigEdit.Included> r = includes().read("extra.conf");
        assertThat(names(r)).containsExactly(relative.toString());
        assertThat(new String(r.getFirst().content(), UTF_8)).isEqualTo("IPQoS ef\n");
        assertThat(names(includes().read("~/extra.conf"))).containsExactly(inHome.toString());
        assertThat(names(includes().read(inHome.toString()))).as("a full path as it is").containsExactly(inHome.toString());
    }

    @Test
    void aFileThatIsNotThereIncludesNothing() {
        assertThat(includes().read("missing.conf")).isEmpty();
        assertThat(includes().read("nowhere/*.conf")).as("a glob in a missing folder").isEmpty();
    }

    /** OpenSSH reads the files a glob names in sorted order, each of *, ? and [ making a glob. */
    @Test
    void globsReadTheMatchingRegularFilesInSortedOrder() throws Exception {
        Path b = write(".ssh/conf.d/b.conf", "IPQoS cs1\n");
        Path a = write(".ssh/conf.d/a.conf", "IPQoS ef\n");
        write(".ssh/conf.d/notes.txt", "IPQoS af11\n");
        Files.createDirectory(home.resolve(".ssh/conf.d/c.conf"));

        assertThat(names(includes().read("conf.d/*.conf"))).containsExactly(a.toString(), b.toString());
        assertThat(names(includes().read("conf.d/?.conf"))).containsExactly(a.toString(), b.toString());
        assertThat(names(includes().read("conf.d/[b].conf"))).containsExactly(b.toString());
    }

    /** A file too large to be a config is reported as unreadable, so the edit can say it could not look. */
    @Test
    void aFileOverOneMebibyteIsUnreadableAndOneOfExactlyThatSizeIsRead() throws Exception {
        byte[] limit = new byte[SafeApply.MAX_BYTES];
        Arrays.fill(limit, (byte) '#');
        limit[limit.length - 1] = '\n';
        Files.createDirectories(home.resolve(".ssh"));
        Files.write(home.resolve(".ssh/exact.conf"), limit);
        Files.write(home.resolve(".ssh/over.conf"), Arrays.copyOf(limit, limit.length + 1));

        assertThat(includes().read("exact.conf").getFirst().content()).hasSize(SafeApply.MAX_BYTES);
        assertThat(includes().read("over.conf").getFirst().content()).isNull();
        assertThat(includes().read("over*.conf")).singleElement().satisfies(i -> assertThat(i.content()).isNull());

        EditResult r = SshConfigEdit.setIpqos("Include over.conf\n".getBytes(UTF_8), "198.18.1.*", "none",
                SshConfigEditTest.DAY, List.of(), includes());
        assertThat(r.applicable()).isFalse();
        assertThat(r.conflicts()).singleElement().asString()
                .startsWith("Possibly: " + home.resolve(".ssh/over.conf") + " sets \"IPQoS ?\" (included from line 1, and unreadable)");
    }

    /** A named file that cannot be read (here a folder) is reported as unreadable, not skipped. */
    @Test
    void aFileThatCannotBeReadIsReportedAsUnreadable() throws Exception {
        Path folder = Files.createDirectories(home.resolve(".ssh/conf.d"));
        assertThat(includes().read("conf.d")).singleElement()
                .satisfies(i -> assertThat(i.name()).isEqualTo(folder.toString()))
                .satisfies(i -> assertThat(i.content()).isNull());
    }
}
