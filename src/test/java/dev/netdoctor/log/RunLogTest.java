// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.log;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RunLogTest {
    @AfterAll
    static void detach() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
    }

    @Test
    void stateFolderFollowsEachPlatformsConvention() {
        assertThat(RunLog.stateDir("Windows 11", Map.of("LOCALAPPDATA", "C:\\Users\\a\\AppData\\Local"), "C:\\Users\\a").toString())
                .endsWith("WSL Net Doctor");
        assertThat(RunLog.stateDir("Linux", Map.of("XDG_STATE_HOME", "/xdg/state"), "/home/a")).isEqualTo(Path.of("/xdg/state/wsl-net-doctor"));
        assertThat(RunLog.stateDir("Linux", Map.of("XDG_STATE_HOME", "relative"), "/home/a"))
                .isEqualTo(Path.of("/home/a/.local/state/wsl-net-doctor"));
        assertThat(RunLog.stateDir("Linux", Map.of(), "/home/a")).isEqualTo(Path.of("/home/a/.local/state/wsl-net-doctor"));
    }

    @Test
    void eachRunWritesItsOwnFileAndOldOnesAreRemoved(@TempDir Path dir) throws Exception {
        for (int i = 0; i < RunLog.KEEP + 5; i++) {
            Path old = dir.resolve("cli-old-" + i + ".log");
            Files.writeString(old, "old");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L + i));
        }
        Path file = RunLog.start(dir, "cli", false);
        System.getLogger("dev.netdoctor.test").log(System.Logger.Level.DEBUG, "probe detail {0}", 42);
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.flush();
        }
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("WSL Net Doctor cli run").contains("probe detail 42");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".log")).count()).isEqualTo(RunLog.KEEP);
        }
        assertThat(dir.resolve("cli-old-0.log")).doesNotExist();
        assertThat(dir.resolve("cli-old-" + (RunLog.KEEP + 4) + ".log")).exists();
    }
}
