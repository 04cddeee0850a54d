// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.config;

import dev.netdoctor.config.ConfigIssue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings-file reader ({@code config}, which knows nothing of the model) names each kind of
 * issue by its finding's id; the probe turns a kind into the model's finding. Both say the same.
 */
class ConfigIssueFindingsTest {
    @Test
    void eachKindOfSettingsIssueIsTheFindingItsIdNames() {
        for (ConfigIssue.Kind kind : ConfigIssue.Kind.values()) {
            assertThat(ConfigFilesProbe.findingOf(kind).id()).as(kind.name()).isEqualTo(kind.findingId());
        }
    }
}
