// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.NetworkingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** dnsTunneling=true in [wsl2] of .wslconfig, with the edit's rules that networkingMode has. */
class WslDnsTunnelingEditTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T21:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String after(String text) {
        EditResult r = WslConfigEdit.setDnsTunneling(text.getBytes(UTF_8), false);
        assertThat(r.conflicts()).isEmpty();
        return new String(r.updated(), UTF_8);
    }

    @Test
    void aFileThatTurnedItOffIsTurnedOnInPlace() {
        assertThat(after("[wsl2]\r\nmemory=8GB\r\ndnsTunneling=false\r\n")).isEqualTo("[wsl2]\r\nmemory=8GB\r\ndnsTunneling=true\r\n");
        assertThat(after("[experimental]\ndnsTunneling = \"0\"\n")).isEqualTo("[experimental]\ndnsTunneling = \"true\"\n");
    }

    @Test
    void withoutTheSettingItGoesIntoWsl2AndNetworkingModeStaysAsItWas() {
        String out = after("[wsl2]\r\nnetworkingMode=mirrored\r\n");
        assertThat(out).isEqualTo("[wsl2]\r\nnetworkingMode=mirrored\r\ndnsTunneling=true\r\n");
        assertThat(WslConfigEdit.effectiveNetworkingMode(out.getBytes(UTF_8))).contains("mirrored");
        assertThat(after("")).isEqualTo("[wsl2]\r\ndnsTunneling=true\r\n");
    }

    @Test
    void onAlreadyInAnySpellingWslReadsNeedsNothingAndALaterOneIsCommentedOut() {
        EditResult same = WslConfigEdit.setDnsTunneling("[wsl2]\ndnsTunneling=1\n".getBytes(UTF_8), false);
        assertThat(same.changed()).isFalse();
        assertThat(same.notes().getFirst()).contains("already set to true");
        assertThat(after("[wsl2]\ndnsTunneling=TRUE\n[experimental]\ndnsTunneling=false\n"))
                .isEqualTo("[wsl2]\ndnsTunneling=TRUE\n[experimental]\n# dnsTunneling=false\n");
    }

    @Test
    void aLineWslDoesNotReadIsLeftAloneAndTheSettingIsAdded() {
        // a key above every section is not wsl2.dnsTunneling to WSL
        assertThat(after("dnsTunneling=false\n[wsl2]\n")).isEqualTo("dnsTunneling=false\n[wsl2]\ndnsTunneling=true\n");
    }

    @Test
    void utf16IsRefusedUnlessTheRewriteIsAskedFor() {
        byte[] utf16 = "[wsl2]\r\ndnsTunneling=false\r\n".getBytes(UTF_16LE);
        EditResult refused = WslConfigEdit.setDnsTunneling(utf16, false);
        assertThat(refused.applicable()).isFalse();
        assertThat(refused.conflicts().getFirst()).contains("then set dnsTunneling");
        EditResult rewritten = WslConfigEdit.setDnsTunneling(utf16, true);
        assertThat(new String(rewritten.updated(), UTF_8)).isEqualTo("[wsl2]\r\ndnsTunneling=true\r\n");
    }

    @Test
    void appliedThroughTheSafePipelineItChecksAndUndoesByteExact() throws Exception {
        Path wslconfig = dir.resolve(".wslconfig");
        byte[] original = "[wsl2]\r\nnetworkingMode=nat\r\ndnsTunneling=false\r\n".getBytes(UTF_8);
        Files.write(wslconfig, original);
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), CLOCK);
        SafeApply.Preview preview = apply.preview(wslconfig.toString(), b -> WslConfigEdit.setDnsTunneling(b, false));
        SafeApply.Applied applied = apply.apply(preview, WslConfigOracle.dnsTunnelingOn());

        assertThat(applied.verdict().message()).contains("dnsTunneling=true");
        assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\r\nnetworkingMode=nat\r\ndnsTunneling=true\r\n");
        apply.undo(applied.backup());
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);
    }

    @Test
    void theCheckFailsAFileThatLeavesItOffAndDoesNotConfuseTheTwoKeys() throws Exception {
        Path candidate = dir.resolve("candidate");
        Files.writeString(candidate, "[wsl2]\ndnsTunneling=false\nnetworkingMode=mirrored\n");
        assertThat(WslConfigOracle.dnsTunnelingOn().verify(candidate.toString()).ok()).isFalse();
        assertThat(new WslConfigOracle(NetworkingMode.MIRRORED).verify(candidate.toString()).ok()).isTrue();
    }
}
