// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which names a VPN's name rule (NRPT) covers, as Windows matches them. */
class WindowsPolicyNameRuleTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            // a leading dot is a suffix: the names under it
            ".corp.example, intranet.corp.example, true",
            ".corp.example, a.b.corp.example, true",
            ".corp.example, corp.example, false",          // the bare domain is a rule of its own
            ".corp.example, xcorp.example, false",         // a suffix is whole labels
            ".corp.example, intranet.corp.example.org, false",
            ".corp.example, example, false",
            // letter case and a final dot do not count
            ".Corp.Example, INTRANET.corp.EXAMPLE, true",
            ".corp.example., intranet.corp.example, true",
            ".corp.example, intranet.corp.example., true",
            // "." alone: every name
            "., intranet.corp.example, true",
            "., www.msftconnecttest.com., true",
            // no leading dot: one name exactly
            "intranet.corp.example, intranet.corp.example, true",
            "intranet.corp.example, INTRANET.corp.example., true",
            "intranet.corp.example, www.intranet.corp.example, false",
            "corp.example, intranet.corp.example, false",
    })
    void coversTheNamesWindowsAppliesItTo(String namespace, String name, boolean covered) {
        assertThat(new WindowsPolicy.NameRule(namespace, List.of("198.18.200.53")).matches(name)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0} never covers an empty name")
    @CsvSource({"'.'", "'.corp.example'", "'corp.example'"})
    void anEmptyNameIsNeverCovered(String namespace) {
        WindowsPolicy.NameRule rule = new WindowsPolicy.NameRule(namespace, List.of());
        assertThat(rule.matches("")).isFalse();
        assertThat(rule.matches(".")).isFalse();
        assertThat(rule.matches(null)).isFalse();
    }
}
