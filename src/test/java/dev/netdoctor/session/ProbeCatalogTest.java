// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.VantageRequest;
import dev.netdoctor.probe.Probe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.netdoctor.model.ProbeId.CLOCK;
import static dev.netdoctor.model.ProbeId.LOOPBACK_PROXY;
import static dev.netdoctor.model.ProbeId.CONFIG_FILES;
import static dev.netdoctor.model.ProbeId.LOCALHOST_RELAY;
import static dev.netdoctor.model.ProbeId.OTHER_DEVICES;
import static dev.netdoctor.model.ProbeId.WINDOWS_SERVICE;
import static dev.netdoctor.model.ProbeId.DNS_SERVERS;
import static dev.netdoctor.model.ProbeId.DEFAULT_GATEWAY;
import static dev.netdoctor.model.ProbeId.ROUTE_CAPTURE;
import static dev.netdoctor.model.ProbeId.DSCP_CONNECT;
import static dev.netdoctor.model.ProbeId.LISTENING_SOCKETS;
import static dev.netdoctor.model.ProbeId.LOCAL_ROUTES;
import static dev.netdoctor.model.ProbeId.LOOPBACK_SELF_TEST;
import static dev.netdoctor.model.ProbeId.NAME_RESOLUTION;
import static dev.netdoctor.model.ProbeId.OPENSSH_CLIENT;
import static dev.netdoctor.model.ProbeId.OUTSIDE_VANTAGE;
import static dev.netdoctor.model.ProbeId.PATH_MTU;
import static dev.netdoctor.model.ProbeId.PING;
import static dev.netdoctor.model.ProbeId.ROUTES;
import static dev.netdoctor.model.ProbeId.SERVICE_PORTS;
import static dev.netdoctor.model.ProbeId.SOCKET_TABLE;
import static dev.netdoctor.model.ProbeId.SSH_HANDSHAKE;
import static org.assertj.core.api.Assertions.assertThat;

/** The probe catalog is complete, and the stages it makes are the ones a run has always had. */
class ProbeCatalogTest {
    private static List<List<ProbeId>> ids(DiagnosisRequest request) {
        return ProbeCatalog.stages(request).stream().map(stage -> stage.stream().map(Probe::id).toList()).toList();
    }

    @Test
    void everyCheckHasOneEntryWhoseProbeIsThatCheck() {
        assertThat(ProbeCatalog.ALL).extracting(ProbeCatalog.Entry::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(ProbeId.values());
        for (ProbeCatalog.Entry entry : ProbeCatalog.ALL) {
            assertThat(entry.probe().get().id()).as("the probe of " + entry.id()).isEqualTo(entry.id());
        }
    }

    @Test
    void theStagesOfEachKindOfRequest() {
        DiagnosisRequest target = DiagnosisRequest.forTarget(Target.parse("198.18.1.2"));
        assertThat(ids(target)).containsExactly(
                List.of(NAME_RESOLUTION, DNS_SERVERS),
                List.of(PING, ROUTES, DSCP_CONNECT, SSH_HANDSHAKE, OPENSSH_CLIENT, SOCKET_TABLE, LISTENING_SOCKETS,
                        LOOPBACK_SELF_TEST, LOCAL_ROUTES, CONFIG_FILES, LOOPBACK_PROXY, CLOCK),
                List.of(PATH_MTU, ROUTE_CAPTURE));
        DiagnosisRequest fullest = new DiagnosisRequest(Target.parse("198.18.1.2"), List.of(8443),
                VantageRequest.parse("alice@198.18.2.3", null, null), null, null);
        assertThat(ids(fullest).get(1)).endsWith(CONFIG_FILES, LOOPBACK_PROXY, CLOCK, SERVICE_PORTS, LOCALHOST_RELAY, OTHER_DEVICES, OUTSIDE_VANTAGE);
        // Without a target: nothing to look up first, nothing to size after, the checks of this computer.
        DiagnosisRequest local = new DiagnosisRequest(null, List.of(8443), null, null, null);
        assertThat(ids(local)).containsExactly(List.of(),
                List.of(LISTENING_SOCKETS, LOOPBACK_SELF_TEST, LOCAL_ROUTES, CONFIG_FILES, LOOPBACK_PROXY, CLOCK, SERVICE_PORTS, LOCALHOST_RELAY));
        // A program on Windows: its own check, and no way out (the question is that program).
        DiagnosisRequest windowsProgram = new DiagnosisRequest(null, List.of(), null, null, null).withWayOut().withWindowsPorts(List.of(5432));
        assertThat(ids(windowsProgram)).containsExactly(List.of(),
                List.of(LISTENING_SOCKETS, LOOPBACK_SELF_TEST, LOCAL_ROUTES, CONFIG_FILES, LOOPBACK_PROXY, CLOCK, WINDOWS_SERVICE));
        // Other devices: the port's own checks and Windows' side for other devices.
        assertThat(ids(local.withOtherDevices()).get(1)).endsWith(SERVICE_PORTS, LOCALHOST_RELAY, OTHER_DEVICES);
        // "Not sure": without a target, the way out too, the DNS servers asked first as for a target's name.
        DiagnosisRequest notSure = new DiagnosisRequest(null, List.of(), null, null, null).withWayOut();
        // After them, whether a VPN takes WSL's traffic (it pings only if nothing answered).
        assertThat(ids(notSure)).containsExactly(List.of(NAME_RESOLUTION, DNS_SERVERS),
                List.of(LISTENING_SOCKETS, LOOPBACK_SELF_TEST, LOCAL_ROUTES, CONFIG_FILES, LOOPBACK_PROXY, CLOCK, DEFAULT_GATEWAY), List.of(ROUTE_CAPTURE));
        // With a target the target's own checks are the way out: no gateway ping.
        assertThat(ids(target.withWayOut())).isEqualTo(ids(target));
        // A web server (no SSH server): everything but the SSH checks, which would wait for a greeting it never sends.
        DiagnosisRequest web = DiagnosisRequest.forTarget(Target.parse("198.18.1.2:443")).withSshTarget(false);
        assertThat(ids(web)).containsExactly(
                List.of(NAME_RESOLUTION, DNS_SERVERS),
                List.of(PING, ROUTES, DSCP_CONNECT, SOCKET_TABLE, LISTENING_SOCKETS,
                        LOOPBACK_SELF_TEST, LOCAL_ROUTES, CONFIG_FILES, LOOPBACK_PROXY, CLOCK),
                List.of(PATH_MTU, ROUTE_CAPTURE));
        assertThat(ids(web.withSshTarget(true))).isEqualTo(ids(DiagnosisRequest.forTarget(Target.parse("198.18.1.2:443"))));
    }

    @Test
    void verifyComparesTheDnsAndSettingsChecksToo() {
        assertThat(ProbeCatalog.verified()).contains(NAME_RESOLUTION, DNS_SERVERS, CONFIG_FILES, DSCP_CONNECT, SSH_HANDSHAKE,
                OPENSSH_CLIENT, PATH_MTU, LOOPBACK_SELF_TEST, SERVICE_PORTS, OUTSIDE_VANTAGE, LOOPBACK_PROXY, CLOCK);
    }
}
