// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON document on stdout reaches a script as UTF-8 whatever the console's encoding (the C
 * locale, a Windows code page): the lab's recordings under the C locale had lost every "→" and
 * "…" to "?". Text for people keeps the console's encoding.
 */
class StdoutEncodingTest {
    private static final String TEXT = "vEthernet (WSL (Hyper-V firewall)) → 198.18.1.2 …";

    private static byte[] written(String[] args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = Cli.stdout(args, bytes, StandardCharsets.US_ASCII);
        out.print(TEXT);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void jsonIsUtf8EvenOnAnAsciiConsole() {
        assertThat(new String(written(new String[]{"diagnose", "--target", "h:22", "--json"}), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        assertThat(new String(written(new String[]{"windows-facts", "--json", "--quiet"}), StandardCharsets.UTF_8)).isEqualTo(TEXT);
    }

    @Test
    void textForPeopleFollowsTheConsole() {
        assertThat(new String(written(new String[]{"diagnose", "--target", "h:22"}), StandardCharsets.US_ASCII))
                .isEqualTo(TEXT.replace('→', '?').replace('…', '?'));
    }
}
