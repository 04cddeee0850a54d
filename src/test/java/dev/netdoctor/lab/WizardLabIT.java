// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The wizard itself, with the JavaFX runtime and the real engine inside the DSCP lab's client
 * namespace, while the user's own ssh hangs there: the live socket table must show that ssh
 * in SYN-SENT, and the diagnosis must name the DSCP problem.
 */
class WizardLabIT {
    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }

    @Test
    void theWizardShowsTheStuckSshLiveAndTheFinding() throws Exception {
        try (Lab lab = Lab.up("dscp"); AutoCloseable hung = lab.hungSsh()) {
            Lab.Result r = lab.inNamespace(lab.get("CLIENT_NS"), List.of(Lab.java(), "-Dglass.platform=Headless",
                    "-Dprism.order=sw", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                    "-cp", Lab.testClasspath(), "dev.netdoctor.ui.WizardLabDriver", lab.get("TARGET_IP")), Lab.COMMAND_LIMIT_SECONDS);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("SYN-SENT-ROW your ssh pid=\\d+ to=198\\.19\\.1\\.2:22")
                    .contains("FINDING dscp-marked-syn-dropped");
            assertThat(r.out()).as("the live screenshot shows the stuck ssh").contains("LIVE-SHOT");
        }
    }

    /**
     * The walk the lab benchmark times (Next on Details to the diagnosis on screen) reaches the
     * Diagnosis page with the finding and writes its time; how long it took is the benchmark's to
     * judge, not this test's.
     */
    @Test
    void aMeasuredWalkEndsOnTheDiagnosisAndWritesItsTime() throws Exception {
        Path time = Files.createTempFile("wizard-time", ".txt");
        try (Lab lab = Lab.up("dscp")) {
            Lab.Result r = lab.inNamespace(lab.get("CLIENT_NS"), List.of(Lab.java(), "-Dglass.platform=Headless",
                    "-Dprism.order=sw", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                    "-D" + dev.netdoctor.ui.WizardLabDriver.TIME_FILE_PROPERTY + "=" + time,
                    "-cp", Lab.testClasspath(), "dev.netdoctor.ui.WizardLabDriver", lab.get("TARGET_IP")), Lab.COMMAND_LIMIT_SECONDS);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("FINDING dscp-marked-syn-dropped").containsPattern("(?m)^WIZARD-MILLIS \\d+$")
                    .containsPattern("WIZARD-STEPS .*diagnosis-page=\\d+ card-in-scene=\\d+").doesNotContain("LIVE-SHOT");
            assertThat(Files.readString(time).strip()).matches("\\d+");
        } finally {
            Files.deleteIfExists(time);
        }
    }
}
