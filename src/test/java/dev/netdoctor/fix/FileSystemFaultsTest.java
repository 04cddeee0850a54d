// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real file-system faults on a tiny tmpfs of our own: a full disk and a read-only file system.
 * Root ignores permission bits, so a mount is the honest way to make writes fail. In every
 * case the original bytes must stay in place and no partial file may be left behind: on this
 * computer, and in a WSL distro written through (the fake) wsl.exe.
 */
class FileSystemFaultsTest {
    @TempDir
    Path base;
    Path mount;
    private boolean mounted;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    private static final String ORIGINAL = "# original\n" + "Host nas\n  User admin\n".repeat(40);

    private static final Function<byte[], EditResult> GROW = b -> new EditResult(
            (new String(b, StandardCharsets.ISO_8859_1) + "Host 198.18.1.*\n  IPQoS none\n").getBytes(StandardCharsets.ISO_8859_1),
            true, List.of(), List.of());

    @BeforeEach
    void mountTinyTmpfs() throws Exception {
        mount = Files.createDirectory(base.resolve("mnt"));
        assumeTrue("root".equals(System.getProperty("user.name")), "Skipping: mounting a tmpfs needs root");
        mounted = run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", mount.toString()) == 0;
        assumeTrue(mounted, "Skipping: cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", mount.toString());
        }
    }

    private static int run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private Path writeConfig() throws IOException {
        Path f = mount.resolve("config");
        Files.writeString(f, ORIGINAL);
        return f;
    }

    private void fillTheDisk() throws IOException {
        try (OutputStream out = Files.newOutputStream(mount.resolve("filler"))) {
            byte[] chunk = new byte[512];
            for (int i = 0; i < 1024; i++) { // bounded: 512 KiB at most, far beyond the 64 KiB disk
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            return; // No space left on device: exactly what we wanted
        }
        throw new IllegalStateException("the tmpfs never filled up");
    }

    @Stores.Both
    void aFullDiskRefusesAndKeepsTheOriginal(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = writeConfig();
        SafeApply.Preview p = apply.preview(f.toString(), GROW);
        fillTheDisk();
        assertThatThrownBy(() -> apply.apply(p, Verifier.NONE)).isInstanceOf(FixException.class).hasMessageStartingWith("Not applied");
        assertThat(Files.readString(f)).isEqualTo(ORIGINAL);
        try (var names = Files.list(mount)) {
            assertThat(names.map(x -> x.getFileName().toString())).containsExactlyInAnyOrder("config", "filler");
        }
    }

    @Stores.Both
    void aReadOnlyFileSystemRefusesAndKeepsTheOriginal(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = writeConfig();
        SafeApply.Preview p = apply.preview(f.toString(), GROW);
        assumeTrue(run("mount", "-o", "remount,ro", mount.toString()) == 0, "Skipping: cannot remount read-only");
        assertThatThrownBy(() -> apply.apply(p, Verifier.NONE)).isInstanceOf(FixException.class).hasMessageContaining("Nothing was changed");
        assertThat(Files.readString(f)).isEqualTo(ORIGINAL);
    }
}
