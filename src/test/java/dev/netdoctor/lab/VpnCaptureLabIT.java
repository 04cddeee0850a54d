// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A VPN on Windows that takes WSL's traffic (lab scenario vpn-capture): "Windows" (the gateway
 * namespace) routes 198.18.1.0/28, which holds the distro's address, into its "PANGP Virtual
 * Ethernet Adapter", a tunnel where everything vanishes, while it still answers ARP and reaches the
 * target itself. From Windows the app names the VPN's adapter; inside the distro, where only the
 * silence shows, it says that Windows answers nothing at all, never that the target is unreachable.
 */
class VpnCaptureLabIT {
    @RegisterExtension
    final CpuBurners burners = new CpuBurners();

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }



    private static WindowsSideLabIT.Run fromWindows(Lab lab) throws IOException {
        return WindowsSideLabIT.fromWindows(lab, "--target", lab.target());
    }

    /** The CLI inside the distro, as its plain user. */
    private static JsonNode insideTheDistro(Lab lab) throws IOException {
        return Lab.json(lab.inDistro("diagnose", "--target", lab.target(), "--json", "--quiet"));
    }

    private static JsonNode finding(JsonNode json, String id) {
        for (JsonNode f : json.path("findings")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + BusyMachineLabIT.findingIds(json));
    }

    private static void capturedFromWindows(Lab lab) throws IOException {
        WindowsSideLabIT.Run run = fromWindows(lab);
        assertThat(run.ids()).containsExactly("vpn-captures-wsl-traffic");
        JsonNode f = run.finding("vpn-captures-wsl-traffic");
        assertThat(f.path("title").asText()).contains(lab.get("VPN_ADAPTER"));
        assertThat(f.path("confidence").asText()).isEqualTo("high");
        assertThat(f.path("explanation").asText()).contains("Windows itself reaches " + lab.target())
                .contains(lab.get("VPN_ROUTE") + " (metric 1) is more specific than WSL's own 198.18.1.0/24");
        assertThat(f.path("fixes").toString()).contains("wslconfig-networking-mode").contains("wslconfig-networking-virtioproxy")
                .contains("New-NetRoute -DestinationPrefix " + lab.get("DISTRO_IP") + "/32");
        BusyMachineLabIT.everyCheckFinished(run.json());
    }

    private static void silentInsideTheDistro(Lab lab) throws IOException {
        JsonNode json = insideTheDistro(lab);
        assertThat(BusyMachineLabIT.findingIds(json)).containsExactly("gateway-silent").doesNotContain("host-unreachable");
        assertThat(finding(json, "gateway-silent").path("explanation").asText()).contains("finds its gateway " + lab.get("WSL_GATEWAY"))
                .contains("no connection to " + lab.target());
        BusyMachineLabIT.everyCheckFinished(json);
    }

    @Test
    void fromWindowsTheVpnsAdapterIsNamedAsTheCause() throws Exception {
        try (Lab lab = Lab.up("vpn-capture")) {
            capturedFromWindows(lab);
        }
    }

    @Test
    void insideTheDistroTheGatewaysSilenceIsSaidNeverAnUnreachableTarget() throws Exception {
        try (Lab lab = Lab.up("vpn-capture")) {
            silentInsideTheDistro(lab);
        }
    }

    /** A healthy Windows: the target answers, so the check does not even ping the gateway, and neither finding is raised. */
    @Test
    void aHealthyWindowsRaisesNeither() throws Exception {
        try (Lab lab = Lab.up("relay-ok")) {
            WindowsSideLabIT.Run run = fromWindows(lab);
            assertThat(run.ids()).containsExactly("no-problem-found");
            BusyMachineLabIT.everyCheckFinished(run.json());
            JsonNode inside = insideTheDistro(lab);
            assertThat(BusyMachineLabIT.findingIds(inside)).containsExactly("no-problem-found");
            for (JsonNode json : List.of(run.json(), inside)) {
                for (JsonNode p : json.path("probes")) {
                    if (p.path("probeId").asText().equals("route-capture")) {
                        assertThat(p.path("status").asText()).isEqualTo("skipped");
                    }
                }
            }
        }
    }

    /** The verdicts do not depend on the machine's speed: the same with two CPU burners, every check finished. */
    @Test
    void theSameVerdictsOnABusyMachine() throws Exception {
        burners.start();
        try (Lab lab = Lab.up("vpn-capture")) {
            capturedFromWindows(lab);
            silentInsideTheDistro(lab);
        }
    }
}
