// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code windows-facts}: Windows' own facts on their own. The same check the Windows workflow
 * makes on a real Windows: every policy fact is a value or says why it is not, never both, never
 * neither. Here Windows' PowerShell is the stand-in (src/test/lab/fake-powershell.exe).
 */
class WindowsFactsCliTest {
    private static final String FAKE_PS = Path.of("src/test/lab/fake-powershell.exe").toAbsolutePath().toString();

    static List<String> factProblems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        for (String part : List.of("interfaces", "routeTable")) {
            checkFact(part, doc.path(part), problems);
        }
        doc.path("policy").fields().forEachRemaining(e -> checkFact("policy." + e.getKey(), e.getValue(), problems));
        return problems;
    }

    private static void checkFact(String name, JsonNode fact, List<String> problems) {
        boolean value = fact.has("value");
        boolean why = fact.hasNonNull("unknownBecause") && !fact.path("unknownBecause").asText().isBlank();
        if (value == why) {
            problems.add(name + ": " + fact);
        }
    }

    @Test
    void everyFactIsAValueOrSaysWhyItIsNot() throws Exception {
        CliRun run = CliRun.of("windows-facts", "--json", "--powershell-exe", FAKE_PS);
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(factProblems(doc)).isEmpty();
        assertThat(doc.path("policy").path("firewallProfiles").path("value")).hasSize(3);
        assertThat(doc.path("policy").path("powerShell").path("value").path("languageMode").asText()).isEqualTo("FullLanguage");
        assertThat(doc.path("interfaces").path("value").size()).isPositive();
    }

    @Test
    void withoutPowerShellEverySettingSaysWhyAndTheRestIsStillRead() throws Exception {
        CliRun run = CliRun.of("windows-facts", "--json", "--powershell-exe", "/nonexistent/powershell.exe");
        assertThat(run.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(factProblems(doc)).isEmpty();
        assertThat(doc.path("policy").path("firewallProfiles").path("unknownBecause").asText()).contains("could not be started");
        assertThat(doc.path("interfaces").has("value")).isTrue();
    }

    @Test
    void theTextFormSaysEachFactInWords() {
        CliRun run = CliRun.of("windows-facts", "--powershell-exe", FAKE_PS);
        assertThat(run.out()).contains("Windows Firewall: Domain on").contains("Hyper-V firewall for WSL: on, incoming blocked, outgoing allowed")
                .contains("TCP listeners: ");
    }
}
