// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A VPN on Windows whose tunnel carries smaller packets than WSL's eth0 (lab scenario
 * {@code vpn-mtu}: the tunnel adapter "PANGP Virtual Ethernet Adapter", MTU 1400, on the way to the
 * target; the distro at 1500; Windows' "fragmentation needed" never reaches the distro). From
 * Windows the finding names the adapter and its MTU; inside the distro it says where such a link
 * usually is; the wsl.conf fix is applied and undone through the CLI.
 */
class VpnMtuLabIT {
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

    private static Lab.Result inDistro(Lab lab, String... args) throws IOException {
        return lab.inDistro(args);
    }

    private static Lab.Result inDistroAsRoot(Lab lab, String... args) throws IOException {
        return lab.inDistroAsRoot(args);
    }

    private static JsonNode finding(JsonNode json, String id) {
        for (JsonNode f : json.path("findings")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + BusyMachineLabIT.findingIds(json));
    }

    private static JsonNode fix(JsonNode finding, String id) {
        for (JsonNode f : finding.path("fixes")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no fix " + id + " in " + finding.path("fixes"));
    }

    private static void fromWindowsTheAdapterIsNamed(Lab lab, JsonNode json) {
        assertThat(BusyMachineLabIT.findingIds(json)).first().isEqualTo("path-mtu-blackhole");
        JsonNode f = finding(json, "path-mtu-blackhole");
        assertThat(f.path("explanation").asText()).contains("\"" + lab.get("VPN_ADAPTER_ALIAS") + "\"")
                .contains("MTU of " + lab.get("VPN_ADAPTER_MTU"));
        assertThat(f.path("evidence").toString()).contains(lab.get("VPN_ADAPTER_ALIAS")).contains("MTU " + lab.get("VPN_ADAPTER_MTU"));
        JsonNode boot = fix(f, "wsl-conf-boot-mtu");
        assertThat(boot.path("parameters").path("mtu").asText()).isEqualTo(lab.get("VPN_ADAPTER_MTU"));
        assertThat(boot.path("parameters").path("device").asText()).isEqualTo("eth0");
        assertThat(fix(f, "windows-adapter-mtu").path("detail").asText())
                .contains("netsh interface ipv4 set subinterface \"" + lab.get("VPN_ADAPTER_ALIAS") + "\" mtu=" + lab.get("VPN_ADAPTER_MTU"));
        // the pings left from the distro, sent beside the SSH checks because Windows' way to the target is the
        // smaller VPN link; OpenSSH's key exchange stalled there all the same, and the finding speaks of it
        JsonNode probe = probe(json, "path-mtu");
        assertThat(probe.path("parameters").path("sizedBecause").asText()).isEqualTo("smaller-windows-link");
        assertThat(probe(json, "openssh-client").path("summary").asText()).contains("IPQoS=none connected, then stalled");
        assertThat(f.path("explanation").asText()).contains("the SSH handshake stalls");
        assertThat(probe.path("data").path("estimatedPathMtu").asInt(probe.path("data").path("largestAnsweredPayload").asInt() + 28))
                .isEqualTo(Integer.parseInt(lab.get("VPN_ADAPTER_MTU")));
    }

    /**
     * With {@code -Dnetdoctor.recordDir=DIR} the run's JSON is also written to DIR/vpn-mtu.json: the
     * recorded result of src/test/resources/dev/netdoctor/report/results/ is made so.
     */
    @Test
    void fromWindowsTheVpnAdapterAndItsMtuAreNamed() throws Exception {
        try (Lab lab = Lab.up("vpn-mtu")) {
            WindowsSideLabIT.Run run = fromWindows(lab);
            fromWindowsTheAdapterIsNamed(lab, run.json());
            BusyMachineLabIT.everyCheckFinished(run.json());
            String recordDir = System.getProperty("netdoctor.recordDir", "");
            if (!recordDir.isBlank()) {
                // as the CLI wrote it: without what Lab.json adds (the exit code, the wall time)
                var recorded = run.json().deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) recorded).remove(List.of("_exit", "_wallMillis"));
                Files.writeString(Path.of(recordDir, "vpn-mtu.json"), recorded.toPrettyString() + "\n", StandardCharsets.UTF_8);
            }
        }
    }

    private static JsonNode probe(JsonNode json, String id) {
        for (JsonNode p : json.path("probes")) {
            if (p.path("probeId").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no probe " + id);
    }

    /**
     * A TLS, git or apt stall has no SSH handshake to stall: on a port where nothing listens (443)
     * the VPN adapter alone is reason enough to size the path from Windows; inside the distro,
     * which cannot see it, nothing is sized.
     */
    @Test
    void withoutAnSshHandshakeToStallTheSmallerVpnLinkIsReasonEnoughFromWindows() throws Exception {
        try (Lab lab = Lab.up("vpn-mtu")) {
            String noSsh = lab.get("TARGET_IP") + ":443";
            JsonNode json = WindowsSideLabIT.fromWindows(lab, "--target", noSsh).json();
            assertThat(BusyMachineLabIT.findingIds(json)).contains("port-refused", "path-mtu-blackhole");
            assertThat(finding(json, "path-mtu-blackhole").path("explanation").asText()).contains("TLS handshake")
                    .contains("\"" + lab.get("VPN_ADAPTER_ALIAS") + "\"").doesNotContain("SSH handshake stalls");
            assertThat(probe(json, "path-mtu").path("parameters").path("sizedBecause").asText()).isEqualTo("smaller-windows-link");
            BusyMachineLabIT.everyCheckFinished(json);

            JsonNode inside = Lab.json(inDistro(lab, "diagnose", "--target", noSsh, "--json", "--quiet"));
            assertThat(BusyMachineLabIT.findingIds(inside)).contains("port-refused").doesNotContain("path-mtu-blackhole");
            assertThat(probe(inside, "path-mtu").path("status").asText()).isEqualTo("skipped");
        }
    }

    @Test
    void insideTheDistroTheBlackHoleSaysWhereTheSmallerLinkUsuallyIs() throws Exception {
        try (Lab lab = Lab.up("vpn-mtu")) {
            JsonNode json = Lab.json(inDistro(lab, "diagnose", "--target", lab.target(), "--json", "--quiet"));
            assertThat(BusyMachineLabIT.findingIds(json)).first().isEqualTo("path-mtu-blackhole");
            assertThat(finding(json, "path-mtu-blackhole").path("explanation").asText()).contains("usually a VPN on Windows")
                    .doesNotContain(lab.get("VPN_ADAPTER_ALIAS"));
            BusyMachineLabIT.everyCheckFinished(json);
        }
    }

    /**
     * The saved result's fix applied through the CLI: refused with the sudo command for the plain
     * user (the file is root's), written as root with the boot command after [boot]'s other setting,
     * checked, and undone byte for byte.
     */
    @Test
    void theWslConfFixIsAppliedAndUndoneThroughTheCli() throws Exception {
        try (Lab lab = Lab.up("vpn-mtu")) {
            Path wslConf = Path.of(lab.get("ETC_DIR"), "wsl.conf");
            byte[] original = Files.readAllBytes(wslConf);
            Lab.Result diagnosed = inDistro(lab, "diagnose", "--target", lab.target(), "--json", "--quiet");
            Path result = Files.createTempFile("vpn-mtu-result-", ".json");
            try {
                Files.writeString(result, diagnosed.out(), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(result, PosixFilePermissions.fromString("rw-r--r--"));
                String[] apply = {"fix", "apply", "--from", result.toString(), "--fix", "wsl-conf-boot-mtu", "--wsl-conf", wslConf.toString()};

                Lab.Result refused = inDistro(lab, apply);
                assertThat(refused.exit()).isNotZero();
                assertThat(refused.err()).contains("belongs to root").contains("sudo ").contains("fix wsl-mtu --mtu 1400 --wsl-conf " + wslConf);
                assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);

                Lab.Result fixed = inDistroAsRoot(lab, apply);
                assertThat(fixed.exit()).as(fixed.err()).isZero();
                assertThat(fixed.out()).contains("Adds command = ip link set dev eth0 mtu 1400 to [boot]").contains("sudo ip link set dev eth0 mtu 1400");
                assertThat(Files.readString(wslConf)).isEqualTo("[boot]\nsystemd=true\ncommand = ip link set dev eth0 mtu 1400\n");

                Lab.Result undo = inDistroAsRoot(lab, "undo", backup(fixed));
                assertThat(undo.exit()).as(undo.err()).isZero();
                assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
            } finally {
                Files.deleteIfExists(result);
            }
        }
    }

    private static String backup(Lab.Result fix) {
        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+)").matcher(fix.out());
        assertThat(m.find()).as(fix.out()).isTrue();
        return m.group(1);
    }

    /** The verdicts do not depend on the machine's speed: the same with two CPU burners, every check finished. */
    @Test
    void theSameVerdictsOnABusyMachine() throws Exception {
        burners.start();
        try (Lab lab = Lab.up("vpn-mtu")) {
            WindowsSideLabIT.Run run = fromWindows(lab);
            fromWindowsTheAdapterIsNamed(lab, run.json());
            BusyMachineLabIT.everyCheckFinished(run.json());
            JsonNode inside = Lab.json(inDistro(lab, "diagnose", "--target", lab.target(), "--json", "--quiet"));
            assertThat(BusyMachineLabIT.findingIds(inside)).first().isEqualTo("path-mtu-blackhole");
            BusyMachineLabIT.everyCheckFinished(inside);
        }
    }
}
