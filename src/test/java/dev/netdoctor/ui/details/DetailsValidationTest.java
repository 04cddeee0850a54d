// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.details;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.VantageRequest;
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
import java.util.List;

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

    /** "A browser on Windows can't open my app in WSL": the app's port, nothing else; the engine on Windows checks the relay. */
    @Test
    void aBrowserOnWindowsAsksForTheAppsPortOnly() {
        symptom.set(Symptom.BROWSER_CANT_OPEN_WSL_APP);
        assertThat(d.servicePortErrorProperty().get()).isEqualTo("Enter the port your app in WSL listens on.");
        assertThat(d.validProperty().get()).isFalse();
        d.servicePortsProperty().set("3000");
        assertThat(d.validProperty().get()).isTrue();
        assertThat(d.toRequest()).isEqualTo(new DiagnosisRequest(null, List.of(3000), null, null, null));
        assertThat(d.toRequest().asksAboutOtherDevices()).as("the browser is on this computer").isFalse();
    }

    /** "WSL can't reach a program on Windows": the Windows program's port goes to windowsPorts, never to the service ports. */
    @Test
    void aProgramOnWindowsAsksForItsPort() {
        symptom.set(Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM);
        assertThat(d.windowsPortErrorProperty().get()).isEqualTo("Enter the port the program on Windows listens on.");
        assertThat(d.validProperty().get()).isFalse();
        d.windowsPortsProperty().set("5432, 6000 5432");
        assertThat(d.windowsPortErrorProperty().get()).isEmpty();
        assertThat(d.validProperty().get()).isTrue();
        DiagnosisRequest r = d.toRequest();
        assertThat(r).isEqualTo(new DiagnosisRequest(null, List.of(), null, null, null).withWindowsPorts(List.of(5432, 6000)));
        assertThat(r.servicePorts()).isEmpty();
        assertThat(r.checksWayOut()).as("a Windows port is the question, not the way out").isFalse();
    }

    /** "Other devices can't reach my app in WSL": the app's port, and the outside machine when given (the only proof). */
    @Test
    void otherDevicesAskForThePortAndOfferTheOutsideMachine(@TempDir Path dir) throws Exception {
        symptom.set(Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP);
        assertThat(d.servicePortErrorProperty().get()).isEqualTo("Enter the port your app in WSL listens on.");
        d.servicePortsProperty().set("8080");
        assertThat(d.validProperty().get()).as("without another machine: the run says LAN access is not proven").isTrue();
        assertThat(d.toRequest()).isEqualTo(new DiagnosisRequest(null, List.of(8080), null, null, null).withOtherDevices());
        assertThat(d.toRequest().asksAboutOtherDevices()).isTrue();
        d.vantageProperty().set("alice");
        assertThat(d.vantageErrorProperty().get()).contains("user name");
        assertThat(d.validProperty().get()).isFalse();
        d.vantageProperty().set("alice@192.168.1.20");
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        d.identityProperty().set(key.toString());
        assertThat(d.validProperty().get()).isTrue();
        DiagnosisRequest r = d.toRequest();
        assertThat(r).isEqualTo(new DiagnosisRequest(null, List.of(8080), VantageRequest.parse("alice@192.168.1.20", key.toString(), null), null, null)
                .withOtherDevices());
        assertThat(r.vantage().identityFile()).isEqualTo(key.toString());
    }

    /**
     * "Nothing works while my VPN is on": a server that Windows reaches is required, since only a
     * target makes the route-capture and path-size checks run and shows whether Windows reaches it.
     * An address is fine; the port is 443 (what a browser on Windows opens) unless the host says one.
     */
    @Test
    void nothingWorksOnVpnAsksForAServerWindowsReaches() {
        symptom.set(Symptom.NOTHING_WORKS_ON_VPN);
        assertThat(d.hostErrorProperty().get()).isEqualTo("Enter a server that Windows reaches while the VPN is on, such as your company's intranet.");
        assertThat(d.validProperty().get()).isFalse();
        d.hostProperty().set("intranet.corp.example");
        assertThat(d.validProperty().get()).isTrue();
        // a web server waits for the client to speak first: not asked about as an SSH server
        assertThat(d.toRequest()).isEqualTo(DiagnosisRequest.forTarget(new Target("intranet.corp.example", 443)).withSshTarget(false));
        d.hostProperty().set("git.corp.example:22");
        assertThat(d.toRequest()).isEqualTo(DiagnosisRequest.forTarget(new Target("git.corp.example", 22)));
        assertThat(d.toRequest().sshTarget()).as("port 22 is SSH's").isTrue();
        d.hostProperty().set("10.20.0.5");
        assertThat(d.hostErrorProperty().get()).as("an address Windows reaches is as good as a name").isEmpty();
        DiagnosisRequest r = d.toRequest();
        assertThat(r.target()).isEqualTo(new Target("10.20.0.5", 443));
        assertThat(r.servicePorts()).isEmpty();
        assertThat(r.windowsPorts()).isEmpty();
        assertThat(r.vantage()).isNull();
        assertThat(r.checksWayOut()).as("the server is the question, not the way out").isFalse();
        d.hostProperty().set("ssh alice@git.corp.example");
        assertThat(d.hostErrorProperty().get()).contains("git.corp.example").doesNotContain("Exception");
        assertThat(d.validProperty().get()).isFalse();
        d.hostProperty().set("git.corp.example:70000");
        assertThat(d.hostErrorProperty().get()).isEqualTo("The port 70000 is out of range: give a number from 1 to 65535.");
        assertThat(d.validProperty().get()).isFalse();
    }

    /**
     * "Company names don't resolve on VPN": the name that fails in WSL, a name and never an address
     * (Windows' name rules for the VPN apply to names only); a port in it is kept, else 443.
     */
    @Test
    void companyNamesAskForTheNameThatFails() {
        symptom.set(Symptom.COMPANY_NAMES_DONT_RESOLVE);
        assertThat(d.hostErrorProperty().get()).isEqualTo(Texts.get("details.company.required"));
        assertThat(d.validProperty().get()).isFalse();
        d.hostProperty().set("10.20.0.5");
        assertThat(d.hostErrorProperty().get())
                .isEqualTo("10.20.0.5 is an address, and addresses need no lookup: enter the company name, such as intranet.corp.example.");
        assertThat(d.validProperty().get()).isFalse();
        d.hostProperty().set("intranet");
        assertThat(d.validProperty().get()).as("a short name the VPN's suffix completes").isTrue();
        assertThat(d.toRequest()).isEqualTo(DiagnosisRequest.forTarget(new Target("intranet", 443)).withSshTarget(false));
        d.hostProperty().set("jira.corp.example:8443");
        assertThat(d.toRequest()).isEqualTo(DiagnosisRequest.forTarget(new Target("jira.corp.example", 8443)).withSshTarget(false));
        d.hostProperty().set("git.corp.example:22");
        assertThat(d.toRequest().sshTarget()).as("port 22 is SSH's").isTrue();
        d.hostProperty().set("jira.corp.example:8443");
        assertThat(d.toRequest().nameToLookUp()).isEqualTo("jira.corp.example");
        d.hostProperty().set("jira corp");
        assertThat(d.hostErrorProperty().get()).isNotEmpty().doesNotContain("Exception");
        assertThat(d.validProperty().get()).isFalse();
    }

    /**
     * The pages without a Port field (the two VPN questions, and names) never take the SSH page's
     * Port: a wrong one typed there neither blocks Next unseen nor changes the port asked about.
     */
    @Test
    void pagesWithoutAPortFieldIgnoreTheSshPagesPort() {
        d.hostProperty().set("intranet.corp.example");
        d.portProperty().set("2222");
        symptom.set(Symptom.NOTHING_WORKS_ON_VPN);
        assertThat(d.toRequest().target().port()).isEqualTo(443);
        symptom.set(Symptom.COMPANY_NAMES_DONT_RESOLVE);
        assertThat(d.toRequest().target().port()).isEqualTo(443);
        symptom.set(Symptom.NAMES_DONT_RESOLVE);
        assertThat(d.toRequest().target().port()).as("a name lookup's connect goes where it always went").isEqualTo(22);
        d.portProperty().set("22x");
        d.hostProperty().set("intranet.corp.example:8080");
        for (Symptom s : List.of(Symptom.NOTHING_WORKS_ON_VPN, Symptom.COMPANY_NAMES_DONT_RESOLVE, Symptom.NAMES_DONT_RESOLVE)) {
            symptom.set(s);
            assertThat(d.portErrorProperty().get()).as(s.name()).isEmpty();
            assertThat(d.validProperty().get()).as(s.name()).isTrue();
            assertThat(d.toRequest().target()).as(s.name()).isEqualTo(new Target("intranet.corp.example", 8080));
        }
        symptom.set(Symptom.SSH_HANGS);
        assertThat(d.validProperty().get()).as("the SSH page shows its Port").isFalse();
        d.portProperty().set("443");
        assertThat(d.toRequest().sshTarget()).as("the SSH question is about an SSH server whatever its port").isTrue();
    }

    /** A remembered target on a page without a Port field keeps its port in the host, unless it is that page's own. */
    @Test
    void aRecentTargetKeepsItsPortWhereThereIsNoPortField() {
        symptom.set(Symptom.NOTHING_WORKS_ON_VPN);
        d.useRecent("git.corp.example:22");
        assertThat(d.hostProperty().get()).isEqualTo("git.corp.example:22");
        assertThat(d.toRequest().target()).isEqualTo(new Target("git.corp.example", 22));
        d.useRecent("intranet.corp.example:443");
        assertThat(d.hostProperty().get()).isEqualTo("intranet.corp.example");
        d.useRecent("[2001:db8::1]:2222");
        assertThat(d.hostProperty().get()).isEqualTo("[2001:db8::1]:2222");
        assertThat(d.toRequest().target()).isEqualTo(new Target("2001:db8::1", 2222));
        symptom.set(Symptom.COMPANY_NAMES_DONT_RESOLVE);
        d.useRecent("jira.corp.example:8443");
        assertThat(d.toRequest().target()).isEqualTo(new Target("jira.corp.example", 8443));
        symptom.set(Symptom.SSH_HANGS);
        d.useRecent("git.corp.example:2222");
        assertThat(d.hostProperty().get()).isEqualTo("git.corp.example");
        assertThat(d.portProperty().get()).isEqualTo("2222");
    }

    /** A port out of range changes nothing: the message says why, Next stays off, and no request can be made from it. */
    @ParameterizedTest
    @ValueSource(strings = {"70000", "0", "5432, 99999", "postgres", "-1"})
    void aWindowsPortOutOfRangeIsExplained(String ports) {
        symptom.set(Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM);
        d.windowsPortsProperty().set(ports);
        assertThat(d.windowsPortErrorProperty().get()).containsAnyOf("out of range", "is not a number from 1 to 65535")
                .doesNotContain("Exception");
        assertThat(d.validProperty().get()).isFalse();
        symptom.set(Symptom.BROWSER_CANT_OPEN_WSL_APP);
        d.servicePortsProperty().set(ports);
        assertThat(d.servicePortErrorProperty().get()).containsAnyOf("out of range", "is not a number from 1 to 65535");
        assertThat(d.validProperty().get()).isFalse();
    }

    @Test
    void theOutOfRangeMessageNamesThePortAndTheRange() {
        symptom.set(Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM);
        d.windowsPortsProperty().set("5432 70000");
        assertThat(d.windowsPortErrorProperty().get()).isEqualTo("The port 70000 is out of range: give a number from 1 to 65535.");
    }

    /**
     * What was typed for one symptom stays in its field, but another symptom's page does not show
     * it: it neither blocks Next unseen nor goes into that symptom's request. Only "Not sure" checks the way out.
     */
    @Test
    void eachSymptomSendsOnlyWhatItsPageShows() {
        d.hostProperty().set("nas box");                 // typed for "SSH hangs", then Back
        d.windowsPortsProperty().set("5432");
        d.servicePortsProperty().set("3000");
        d.vantageProperty().set("not-a-vantage");
        symptom.set(Symptom.BROWSER_CANT_OPEN_WSL_APP);
        assertThat(d.validProperty().get()).as("the host's and the outside machine's errors are not on this page").isTrue();
        assertThat(d.toRequest()).isEqualTo(new DiagnosisRequest(null, List.of(3000), null, null, null));
        symptom.set(Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM);
        assertThat(d.validProperty().get()).isTrue();
        assertThat(d.toRequest()).isEqualTo(new DiagnosisRequest(null, List.of(), null, null, null).withWindowsPorts(List.of(5432)));
        symptom.set(Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP);
        assertThat(d.validProperty().get()).as("this page shows the outside machine: its error counts").isFalse();
        d.vantageProperty().set("");
        assertThat(d.toRequest()).isEqualTo(new DiagnosisRequest(null, List.of(3000), null, null, null).withOtherDevices());
        symptom.set(Symptom.SETTING_DOES_NOTHING);
        assertThat(d.toRequest()).isEqualTo(new DiagnosisRequest(null, List.of(), null, null, null));
        symptom.set(Symptom.SSH_HANGS);
        assertThat(d.validProperty().get()).isFalse();
        d.hostProperty().set("nas");
        assertThat(d.toRequest()).isEqualTo(DiagnosisRequest.forTarget(dev.netdoctor.model.Target.parse("nas:22")));
        symptom.set(Symptom.NOT_SURE);
        assertThat(d.toRequest()).isEqualTo(new DiagnosisRequest(dev.netdoctor.model.Target.parse("nas:22"), List.of(3000), null, null, null).withWayOut());
        for (Symptom s : Symptom.values()) {
            symptom.set(s);
            assertThat(d.toRequest().wayOut()).as(s.name()).isEqualTo(s == Symptom.NOT_SURE);
            assertThat(d.toRequest().otherDevices()).as(s.name()).isEqualTo(s == Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP);
        }
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
