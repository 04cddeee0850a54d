// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kernel=C:\temp\bzImage: WSL reads \t as a tab and \b as a backspace and then uses that path.
 * The message says so once, without "cannot use" beside "uses", and shows the characters as
 * escapes: a raw TAB or BACKSPACE would move the cursor of the terminal that prints it.
 */
class KernelPathMessageTest {
    @Test
    void aPathWithEscapesIsDescribedConsistentlyAndWithoutControlCharacters() {
        List<ConfigIssue> issues = ConfigReader.read(ConfigFileKind.WSLCONFIG,
                "[wsl2]\nkernel=C:\\temp\\bzImage\n".getBytes(StandardCharsets.UTF_8)).issues();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.what()).doesNotContain("cannot use")
                    .contains("'C:\\temp\\bzImage'")
                    .contains("\\t as a tab and \\b as a backspace")
                    .contains("WSL uses that mangled path");
            assertThat(i.what().chars().filter(Character::isISOControl).count()).as("control characters in: " + i.what()).isZero();
        });
    }

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertThat(ConfigValues.visible("a\tb\bc\nd\re\u0007")).isEqualTo("a\\tb\\bc\\nd\\re\\u0007");
    }
}
