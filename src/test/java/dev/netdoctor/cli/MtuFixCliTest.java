// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code fix wsl-mtu}: [boot] command in wsl.conf written, checked and undone byte for byte; bad input changes nothing. */
class MtuFixCliTest {
    @TempDir
    Path dir;

    private static String backupOf(CliRun r) {
        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return m.group(1);
    }

    @Test
    void theBootCommandIsWrittenBeforeTheOneThereCheckedAndUndone() throws Exception {
        assumeTrue(Files.isWritable(dir), "the temp folder is writable");
        byte[] original = "[boot]\nsystemd=true\ncommand = service cron start\n".getBytes(UTF_8);
        Path wslConf = Files.write(dir.resolve("wsl.conf"), original);

        CliRun r = CliRun.of("fix", "wsl-mtu", "--mtu", "1400", "--wsl-conf", wslConf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("in front of the boot command already there (line 3), which is kept")
                .contains("sudo ip link set dev eth0 mtu 1400")
                .contains("Checked: read back as WSL reads it: at start the distro runs \"ip link set dev eth0 mtu 1400; service cron start\"");
        assertThat(Files.readString(wslConf)).isEqualTo("[boot]\nsystemd=true\ncommand = ip link set dev eth0 mtu 1400; service cron start\n");

        // again with another size: ours is replaced, theirs stays once
        CliRun again = CliRun.of("fix", "wsl-mtu", "--mtu", "1350", "--wsl-conf", wslConf.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(wslConf)).isEqualTo("[boot]\nsystemd=true\ncommand = ip link set dev eth0 mtu 1350; service cron start\n");

        assertThat(CliRun.of("undo", backupOf(again)).exit()).isZero();
        CliRun undo = CliRun.of("undo", backupOf(r));
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
    }

    @Test
    void aDryRunAndBadInputWriteNothing() throws Exception {
        byte[] original = "[network]\nhostname=dev\n".getBytes(UTF_8);
        Path wslConf = Files.write(dir.resolve("wsl.conf"), original);
        CliRun dry = CliRun.of("fix", "wsl-mtu", "--mtu", "1400", "--wsl-conf", wslConf.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("+[boot]").contains("+command = ip link set dev eth0 mtu 1400");
        for (String[] bad : new String[][] {{"--mtu", "1400; reboot"}, {"--mtu", "100"}, {"--mtu", "1400", "--device", "eth0;id"}}) {
            String[] argv = new String[bad.length + 4];
            argv[0] = "fix";
            argv[1] = "wsl-mtu";
            System.arraycopy(bad, 0, argv, 2, bad.length);
            argv[bad.length + 2] = "--wsl-conf";
            argv[bad.length + 3] = wslConf.toString();
            CliRun r = CliRun.of(argv);
            assertThat(r.exit()).as(String.join(" ", bad)).isEqualTo(ExitCodes.BAD_INPUT);
        }
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    /** A file WSL stops reading early is refused: the command would never run. */
    @Test
    void aFileWslStopsReadingEarlyIsRefused() throws Exception {
        byte[] original = "[boot]\nsystemd=true\nnot a setting\n".getBytes(UTF_8);
        Path wslConf = Files.write(dir.resolve("wsl.conf"), original);
        CliRun r = CliRun.of("fix", "wsl-mtu", "--mtu", "1400", "--wsl-conf", wslConf.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(r.err()).contains("stops reading " + wslConf + " at line 3");
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
    }
}
