// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Company names on a VPN (split DNS), in the lab's vpn-dns scenario: "Windows" (the gateway
 * namespace) resolves intranet.corp.example through the VPN's DNS server and has the NRPT rule
 * .corp.example, the distro's resolver (WSL's NAT DNS proxy) says it does not exist, and
 * .wslconfig turns DNS tunneling off (src/test/lab/README.md). The app runs as the plain user,
 * from Windows through the wsl.exe and powershell.exe stand-ins, and inside the distro.
 */
class VpnDnsLabIT {
    private static final String PREFIX = "vpndns";

    @RegisterExtension
    final CpuBurners burners = new CpuBurners();

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }


    /** One diagnose from "Windows" as the plain user, with the lab's NRPT rule and .wslconfig. */
    static JsonNode fromWindows(Lab lab, String target) throws IOException {
        Lab.PlainUser user = Lab.PlainUser.ensure();
        Path dir = Files.createTempDirectory("netdoctor-ps-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            List<String> argv = new ArrayList<>(List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"),
                    "FAKE_PS_MACHINE=" + lab.get("WINDOWS_MACHINE"), "FAKE_PS_STATE=" + dir.resolve("state"),
                    Lab.java(), "-jar", user.readableJar().toString(),
                    "diagnose", "--wsl", "Lab", "--wsl-exe", WindowsSideLabIT.FAKE_WSL, "--powershell-exe", WindowsSideLabIT.FAKE_PS,
                    "--wslconfig", lab.get("WSLCONFIG"), "--target", target, "--json", "--quiet"));
            return Lab.json(lab.inNamespace(lab.get("WINDOWS_NS"), user.argvJoiningNamespaces(argv), Lab.COMMAND_LIMIT_SECONDS));
        } finally {
            Lab.run(List.of("rm", "-rf", dir.toString()), 10);
        }
    }

    /** The same name inside the distro, as its plain user (WSL marks the distro with WSL_DISTRO_NAME). */
    static JsonNode inside(Lab lab, String target) throws IOException {
        return Lab.json(lab.inDistro("diagnose", "--target", target, "--json", "--quiet"));
    }

    private static JsonNode finding(JsonNode json, String id) {
        for (JsonNode f : json.path("findings")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + BusyMachineLabIT.findingIds(json));
    }

    private static List<String> fixIds(JsonNode finding) {
        List<String> ids = new ArrayList<>();
        finding.path("fixes").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    private static JsonNode nameResolution(JsonNode json) {
        for (JsonNode p : json.path("probes")) {
            if (p.path("probeId").asText().equals("name-resolution")) {
                return p.path("data");
            }
        }
        throw new AssertionError("no name-resolution check in " + json.path("probes"));
    }

    private void fromWindowsTheCompanyNameIsTheVpnsDns(Lab lab) throws IOException {
        JsonNode json = fromWindows(lab, lab.get("VPN_DNS_NAME") + ":443");
        assertThat(BusyMachineLabIT.findingIds(json)).contains("vpn-dns-not-in-wsl").doesNotContain("name-not-resolved", "dns-server-unreachable");
        JsonNode f = finding(json, "vpn-dns-not-in-wsl");
        assertThat(f.path("confidence").asText()).isEqualTo("high");
        assertThat(f.path("explanation").asText()).contains("\".corp.example\" (asked of " + lab.get("VPN_DNS_SERVER") + ")")
                .contains("DNS tunneling is off").contains("198.18.1.1");
        assertThat(fixIds(f)).containsExactly("wslconfig-dns-tunneling");
        JsonNode windows = nameResolution(json).path("windows");
        assertThat(windows.path("addresses").toString()).contains(lab.get("TARGET_IP"));
        BusyMachineLabIT.everyCheckFinished(json);
    }

    private void insideTheDistroTheNameIsNotFoundWithWhatTunnelingWouldChange(Lab lab) throws IOException {
        JsonNode json = inside(lab, lab.get("VPN_DNS_NAME") + ":443");
        assertThat(BusyMachineLabIT.findingIds(json)).contains("name-not-resolved").doesNotContain("vpn-dns-not-in-wsl");
        JsonNode f = finding(json, "name-not-resolved");
        assertThat(f.path("explanation").asText()).contains("198.18.1.1 answered that this name does not exist")
                .contains("WSL's DNS tunneling is off");
        assertThat(fixIds(f)).containsExactly("check-host-name", "wslconfig-dns-tunneling");
        assertThat(nameResolution(json).has("windows")).as("no Windows resolver inside the distro").isFalse();
        BusyMachineLabIT.everyCheckFinished(json);
    }

    private void aNameBothResolveIsNoVpnFinding(Lab lab) throws IOException {
        JsonNode json = fromWindows(lab, lab.get("DNS_NAME") + ":22");
        assertThat(BusyMachineLabIT.findingIds(json)).doesNotContain("vpn-dns-not-in-wsl", "name-not-resolved", "dns-server-unreachable");
        JsonNode data = nameResolution(json);
        assertThat(data.path("addresses").toString()).contains(lab.get("TARGET_IP"));
        assertThat(data.path("windows").path("addresses").toString()).contains(lab.get("TARGET_IP"));
        BusyMachineLabIT.everyCheckFinished(json);
    }

    @Test
    void fromWindowsTheCompanyNameIsTheVpnsDnsNotReachingWslWithTunnelingOffered() throws Exception {
        try (Lab lab = Lab.up("vpn-dns", PREFIX)) {
            fromWindowsTheCompanyNameIsTheVpnsDns(lab);
        }
    }

    @Test
    void insideTheDistroItIsNameNotResolvedSayingWhatTunnelingWouldChange() throws Exception {
        try (Lab lab = Lab.up("vpn-dns", PREFIX)) {
            insideTheDistroTheNameIsNotFoundWithWhatTunnelingWouldChange(lab);
        }
    }

    @Test
    void aNameWindowsAndTheDistroBothResolveIsNoVpnFinding() throws Exception {
        try (Lab lab = Lab.up("vpn-dns", PREFIX)) {
            aNameBothResolveIsNoVpnFinding(lab);
        }
    }

    /** The verdicts do not depend on the machine's speed: the same with two CPU burners, every check finished. */
    @Test
    void theSameVerdictsOnABusyMachine() throws Exception {
        burners.start();
        try (Lab lab = Lab.up("vpn-dns", PREFIX)) {
            fromWindowsTheCompanyNameIsTheVpnsDns(lab);
            insideTheDistroTheNameIsNotFoundWithWhatTunnelingWouldChange(lab);
            aNameBothResolveIsNoVpnFinding(lab);
        }
    }
}
