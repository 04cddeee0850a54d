// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.details;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.ui.Settings;
import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.symptom.Symptom;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field of the Details step: bad input gets a clear message next to it and blocks Next. */
class DetailsValidationTest {
    private final SimpleObjectProperty<Symptom> symptom = new SimpleObjectProperty<>(Symptom.SSH_HANGS);
    private final DetailsViewModel d = new DetailsViewModel(symptom);

    @Test
    void anSshProblemNeedsAMachine() {
        assertThat(d.hostErrorProperty().get()).isEqualTo(Texts.get("details.host.required"));
        assertThat(d.validProperty().get()).isFalse();
        d.hostProperty().set("198.18.1.56");
        assertThat(d.hostErrorProperty().get()).isEmpty();
        assertThat(d.validProperty().get()).isTrue();
        DiagnosisRequest r = d.toRequest();
        assertThat(r.target().toString()).isEqualTo("198.18.1.56:22");
    }

    /** "Not sure — check everything" without a machine checks the way out; the other symptoms without one do not. */
    @Test
    void notSureWithoutAMachineChecksTheWayOut() {
        symptom.set(Symptom.NOT_SURE);
        assertThat(d.validProperty().get()).isTrue();
        DiagnosisRequest notSure = d.toRequest();
        assertThat(notSure.target()).isNull();
        assertThat(notSure.checksWayOut()).isTrue();
        assertThat(notSure.nameToLookUp()).isEqualTo(DiagnosisRequest.WAY_OUT_NAME);
        symptom.set(Symptom.SETTING_DOES_NOTHING);
        assertThat(d.toRequest().checksWayOut()).isFalse();
        symptom.set(Symptom.OWN_PORT_UNREACHABLE);
        d.servicePortsProperty().set("8443");
        assertThat(d.toRequest().checksWayOut()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nas box", "-oProxyCommand=x", "300.1.1.1", "a;b", "tab\there"})
    void badHostsAreExplained(String host) {
        d.hostProperty().set(host);
        assertThat(d.hostErrorProperty().get()).isNotEmpty().doesNotContain("Exception").doesNotContain("\\u0020");
        assertThat(d.validProperty().get()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "22x", "", "-1"})
    void badPortsAreExplained(String port) {
        d.hostProperty().set("nas");
        d.portProperty().set(port);
        assertThat(d.portErrorProperty().get()).isNotEmpty();
        assertThat(d.validProperty().get()).isFalse();
    }

    @Test
    void aPortInTheHostMustAgreeWithThePortField() {
        d.hostProperty().set("198.18.1.56:2222");
        d.portProperty().set("22");
        assertThat(d.portErrorProperty().get())
                .isEqualTo("The host already says port 2222, but this field says 22. Make them the same, or leave the port out of the host.");
        assertThat(d.validProperty().get()).isFalse();
        d.portProperty().set("2222");
        assertThat(d.portErrorProperty().get()).isEmpty();
        assertThat(d.toRequest().target().port()).isEqualTo(2222);
        d.hostProperty().set("[2001:db8::1]:2200");
        assertThat(d.portErrorProperty().get()).contains("port 2200").contains("says 2222");
        d.hostProperty().set("2001:db8::1");
        assertThat(d.portErrorProperty().get()).as("a bare IPv6 address names no port").isEmpty();
        assertThat(d.toRequest().target().port()).isEqualTo(2222);
    }

    @Test
    void anAppProblemNeedsItsPortAndAcceptsSeveral() {
        symptom.set(Symptom.OWN_PORT_UNREACHABLE);
        assertThat(d.servicePortErrorProperty().get()).isEqualTo(Texts.get("details.service.required"));
        d.servicePortsProperty().set("8443, 9000 8443");
        assertThat(d.servicePortErrorProperty().get()).isEmpty();
        assertThat(d.toRequest().servicePorts()).containsExactly(8443, 9000);
        assertThat(d.toRequest().target()).isNull();
        d.servicePortsProperty().set("8443, http");
        assertThat(d.servicePortErrorProperty().get()).contains("http");
    }

    @Test
    void theOutsideCheckIsValidatedToo(@TempDir Path dir) throws Exception {
        symptom.set(Symptom.NOT_SURE);
        d.vantageProperty().set("no-user-host");
        assertThat(d.vantageErrorProperty().get()).contains("user name");
        d.vantageProperty().set("alice@198.18.2.3");
        assertThat(d.vantageErrorProperty().get()).isEmpty();
        assertThat(d.servicePortErrorProperty().get()).as("the outside check needs a port").isNotEmpty();
        d.servicePortsProperty().set("8443");
        d.identityProperty().set(dir.resolve("missing").toString());
        assertThat(d.identityErrorProperty().get()).contains("cannot be read");
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        d.identityProperty().set(key.toString());
        assertThat(d.identityErrorProperty().get()).isEmpty();
        assertThat(d.validProperty().get()).isTrue();
        assertThat(d.toRequest().vantage().toString()).isEqualTo("alice@198.18.2.3:22");
    }

    @Test
    void recentTargetsAreRememberedNewestFirstWithoutDuplicates(@TempDir Path dir) {
        Settings settings = new Settings(dir.resolve("state/settings.properties"));
        assertThat(settings.recentTargets()).isEmpty();
        for (int i = 0; i < Settings.MAX_RECENT + 3; i++) {
            settings.remember("198.18.1." + i + ":22");
        }
        settings.remember("198.18.1.5:22");
        assertThat(settings.recentTargets()).hasSize(Settings.MAX_RECENT).first().isEqualTo("198.18.1.5:22");
        assertThat(settings.recentTargets()).doesNotHaveDuplicates();
        d.useRecent("[2001:db8::1]:2222");
        assertThat(d.hostProperty().get()).isEqualTo("2001:db8::1");
        assertThat(d.portProperty().get()).isEqualTo("2222");
    }

    @Test
    void aDamagedSettingsFileMeansNoHistoryNotAFailure(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("settings.properties"), new byte[]{'r', 'e', 'c', 'e', 'n', 't', '.', '0', '=', '\\', 'u', 'Z', 'Z'});
        assertThat(new Settings(f).recentTargets()).isEmpty();
    }
}
