// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A .wslconfig that does not exist yet: the preview says it will be created, with no "end of the file (line 2)". */
class FixNewFileCliTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsSaidToBeCreatedAndNothingIsKeptOrBackedUp() {
        Path none = dir.resolve(".wslconfig");
        CliRun r = CliRun.of("fix", "dns-tunneling", "--wslconfig", none.toString(), "--dry-run");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(none + " does not exist yet: it will be created (there is nothing to back up).")
                .contains("Adds a [wsl2] section with dnsTunneling=true as the only lines of the file.")
                .doesNotContain("end of the file").doesNotContain("(line ").doesNotContain("kept").doesNotContain("backed up");
        assertThat(Files.exists(none)).isFalse();
    }
}
