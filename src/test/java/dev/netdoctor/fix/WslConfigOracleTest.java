// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.NetworkingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The .wslconfig is read back the way WSL reads it before the fix counts as done. */
class WslConfigOracleTest {
    @TempDir
    Path dir;

    private String file(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f.toString();
    }

    @Test
    void theRequestedModeInUtf8Passes() throws Exception {
        String f = file("a", "[wsl2]\r\nnetworkingMode=Mirrored\r\n".getBytes(StandardCharsets.UTF_8));
        Verifier.Verdict v = new WslConfigOracle(NetworkingMode.MIRRORED).verify(f);
        assertThat(v.ran()).isTrue();
        assertThat(v.ok()).isTrue();
        assertThat(v.message()).isEqualTo("read back as WSL reads it: networkingMode=mirrored, UTF-8.");
        byte[] bom = "\uFEFF[wsl2]\nnetworkingMode=nat\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new WslConfigOracle(NetworkingMode.NAT).verify(file("bom", bom)).ok()).isTrue();
    }

    @Test
    void anotherModeOrNoneIsAFailure() throws Exception {
        String f = file("a", "[wsl2]\nnetworkingMode=mirrored\n".getBytes(StandardCharsets.UTF_8));
        Verifier.Verdict v = new WslConfigOracle(NetworkingMode.NAT).verify(f);
        assertThat(v.ran()).isTrue();
        assertThat(v.ok()).isFalse();
        assertThat(v.message()).isEqualTo("WSL would use networkingMode mirrored, not nat");
        assertThat(new WslConfigOracle(NetworkingMode.NAT).verify(file("b", "[wsl2]\nmemory=4GB\n".getBytes(StandardCharsets.UTF_8))).message())
                .isEqualTo("WSL would use networkingMode (not set), not nat");
    }

    @Test
    void utf16WhichWslMayNotReadIsAFailure() throws Exception {
        byte[] noMark = "[wsl2]\r\nnetworkingMode=nat\r\n".getBytes(StandardCharsets.UTF_16LE);
        Verifier.Verdict v = new WslConfigOracle(NetworkingMode.NAT).verify(file("u", noMark));
        assertThat(v.ok()).isFalse();
        assertThat(v.message()).isEqualTo("the new file is UTF-16 LE without a byte order mark, which WSL may not read");
        byte[] bigEndian = "\uFEFF[wsl2]\r\nnetworkingMode=nat\r\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(new WslConfigOracle(NetworkingMode.NAT).verify(file("b", bigEndian)).ok()).isFalse();
    }

    /** With its byte order mark, UTF-16 LE is what WSL reads (its C library honours the mark). */
    @Test
    void utf16WithItsMarkIsReadLikeWslReadsIt() throws Exception {
        byte[] utf16 = "\uFEFF[wsl2]\r\nnetworkingMode=nat\r\n".getBytes(StandardCharsets.UTF_16LE);
        Verifier.Verdict v = new WslConfigOracle(NetworkingMode.NAT).verify(file("u", utf16));
        assertThat(v.ok()).isTrue();
        assertThat(v.message()).isEqualTo("read back as WSL reads it: networkingMode=nat, UTF-16 with its byte order mark.");
        assertThat(new WslConfigOracle(NetworkingMode.MIRRORED).verify(file("m", utf16)).ok()).isFalse();
    }

    @Test
    void aFileThatCannotBeReadBackIsAFailure() {
        Verifier.Verdict v = new WslConfigOracle(NetworkingMode.NAT).verify(dir.resolve("missing").toString());
        assertThat(v.ok()).isFalse();
        assertThat(v.message()).startsWith("the new file cannot be read back: ");
    }
}
