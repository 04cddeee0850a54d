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
 * Windows and WSL reaching each other, from "Windows": the app runs as the plain user in the lab's
 * gateway namespace (NAT mode's Windows), reaches the distro through the faithful wsl.exe stand-in
 * and reads Windows' settings through the powershell.exe stand-in, while WSL's relay (the lab's
 * wslrelay model, with its address filter and silent bind failures) and Windows' stealth mode run
 * for real in the namespaces (src/test/lab/README.md).
 */
class WindowsSideLabIT {
    static final String FAKE_WSL = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();
    static final String FAKE_PS = Path.of("src/test/lab/fake-powershell.exe").toAbsolutePath().toString();

    @RegisterExtension
    final CpuBurners burners = new CpuBurners();

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }



    /** One diagnose from "Windows" as the plain user, with the number of PowerShell starts it took. */
    record Run(JsonNode json, long powershellStarts) {
        List<String> ids() {
            return BusyMachineLabIT.findingIds(json);
        }

        JsonNode finding(String id) {
            for (JsonNode f : json.path("findings")) {
                if (f.path("id").asText().equals(id)) {
                    return f;
                }
            }
            throw new AssertionError("no finding " + id + " in " + ids());
        }
    }

    static Run fromWindows(Lab lab, String... args) throws IOException {
        Lab.PlainUser user = Lab.PlainUser.ensure();
        Path dir = Files.createTempDirectory("netdoctor-ps-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path starts = dir.resolve("starts.log");
        try {
            List<String> argv = new ArrayList<>(List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"), "FAKE_PS_STARTS=" + starts,
                    "FAKE_PS_STATE=" + dir.resolve("state"), Lab.java(), "-jar", user.readableJar().toString(),
                    "diagnose", "--wsl", "Lab", "--wsl-exe", FAKE_WSL, "--powershell-exe", FAKE_PS, "--json", "--quiet"));
            argv.addAll(List.of(args));
            Lab.Result r = lab.inNamespace(lab.get("WINDOWS_NS"), user.argvJoiningNamespaces(argv), Lab.COMMAND_LIMIT_SECONDS);
            JsonNode json = Lab.json(r);
            long count = Files.exists(starts) ? Files.readAllLines(starts).stream().filter(l -> !l.isBlank()).count() : 0;
            return new Run(json, count);
        } finally {
            Lab.run(List.of("rm", "-rf", dir.toString()), 10);
        }
    }

    private static Run localhost(Lab lab) throws IOException {
        return fromWindows(lab, "--service-port", lab.get("SERVICE_PORT"));
    }

    private static Run windowsPort(Lab lab) throws IOException {
        return fromWindows(lab, "--windows-port", lab.get("WINDOWS_PORT"));
    }

    private static void finishedWithOnePowerShellStart(Run run) {
        BusyMachineLabIT.everyCheckFinished(run.json());
        assertThat(run.powershellStarts()).as("PowerShell starts in one run").isEqualTo(1);
    }

    @Test
    void aWorkingRelayIsNoProblem() throws Exception {
        try (Lab lab = Lab.up("relay-ok")) {
            Run run = localhost(lab);
            assertThat(run.ids()).containsExactly("environment-only");
            assertThat(run.finding("environment-only").path("title").asText()).startsWith("Windows' localhost:3000 reaches your app in WSL");
            finishedWithOnePowerShellStart(run);
            JsonNode windows = run.json().path("environment").path("windows");
            // the WSL adapter is the one that holds the distro's gateway, whatever it is called
            assertThat(windows.path("wslAdapter").path("addresses").toString()).contains(lab.get("WSL_GATEWAY") + "/24");
            assertThat(windows.path("policy").path("firewallProfiles").path("value")).hasSize(3);
        }
    }

    @Test
    void aListenerOnTheDistrosAddressOnlyIsNotRelayed() throws Exception {
        try (Lab lab = Lab.up("relay-eth0")) {
            Run run = localhost(lab);
            assertThat(run.ids()).containsExactly("localhost-not-relayed");
            assertThat(run.finding("localhost-not-relayed").path("explanation").asText())
                    .contains("http://" + lab.get("DISTRO_IP") + ":3000/ reaches it now");
            finishedWithOnePowerShellStart(run);
        }
    }

    @Test
    void anotherWindowsProgramOnThePortIsNamed() throws Exception {
        try (Lab lab = Lab.up("port-taken")) {
            Run run = localhost(lab);
            String pid = Files.readString(Path.of(lab.get("WINDOWS_PROGRAM_PID_FILE"))).strip();
            assertThat(run.ids()).containsExactly("windows-port-taken");
            assertThat(run.finding("windows-port-taken").path("title").asText()).contains("node (pid " + pid + ")");
            finishedWithOnePowerShellStart(run);
        }
    }

    @Test
    void anIpv6OnlyListenerIsToldApart() throws Exception {
        try (Lab lab = Lab.up("relay-v6")) {
            Run run = localhost(lab);
            assertThat(run.ids()).containsExactly("localhost-ipv6-only");
            finishedWithOnePowerShellStart(run);
        }
    }

    @Test
    void aWindowsProgramOnEveryAddressIsNoProblemForWsl() throws Exception {
        try (Lab lab = Lab.up("win-all")) {
            Run run = windowsPort(lab);
            assertThat(run.ids()).containsExactly("environment-only");
            assertThat(run.finding("environment-only").path("title").asText()).startsWith("WSL reaches your program on Windows on port 5432");
            finishedWithOnePowerShellStart(run);
        }
    }

    @Test
    void aWindowsProgramOnLoopbackOnlyIsToldNotCalledAFirewall() throws Exception {
        try (Lab lab = Lab.up("win-loopback")) {
            Run run = windowsPort(lab);
            assertThat(run.ids()).containsExactly("windows-service-loopback-only");
            finishedWithOnePowerShellStart(run);
        }
    }

    @Test
    void aFirewallDropIsTheFirewallWithItsFix() throws Exception {
        try (Lab lab = Lab.up("win-firewall")) {
            Run run = windowsPort(lab);
            assertThat(run.ids()).containsExactly("windows-firewall-blocks-wsl");
            JsonNode finding = run.finding("windows-firewall-blocks-wsl");
            assertThat(finding.path("confidence").asText()).isEqualTo("high");
            assertThat(finding.path("fixes").toString()).contains("5432").contains("vEthernet (WSL (Hyper-V firewall))");
            finishedWithOnePowerShellStart(run);
        }
    }

    /**
     * The same firewall seen from inside the distro: a timeout there is what a closed port, a
     * loopback-only program and a firewall drop all look like with Windows' stealth mode on, so
     * it is never called a firewall, and the finding says the app on Windows tells them apart.
     */
    @Test
    void insideTheDistroATimeoutIsNeverCalledAFirewall() throws Exception {
        try (Lab lab = Lab.up("win-firewall")) {
            Lab.PlainUser user = Lab.PlainUser.ensure();
            JsonNode json = Lab.json(lab.cliAs(user, "diagnose", "--windows-port", lab.get("WINDOWS_PORT"), "--json", "--quiet"));
            assertThat(BusyMachineLabIT.findingIds(json)).containsExactly("windows-service-no-answer");
            BusyMachineLabIT.everyCheckFinished(json);
        }
    }

    /** The verdicts do not depend on the machine's speed: the same with two CPU burners, every check finished. */
    @Test
    void theSameVerdictsOnABusyMachine() throws Exception {
        burners.start();
        String[][] expected = {{"relay-ok", "environment-only"}, {"relay-eth0", "localhost-not-relayed"},
                {"port-taken", "windows-port-taken"}, {"win-all", "environment-only"},
                {"win-loopback", "windows-service-loopback-only"}, {"win-firewall", "windows-firewall-blocks-wsl"}};
        for (String[] e : expected) {
            try (Lab lab = Lab.up(e[0])) {
                Run run = e[0].startsWith("win-") ? windowsPort(lab) : localhost(lab);
                assertThat(run.ids()).as(e[0]).containsExactly(e[1]);
                finishedWithOnePowerShellStart(run);
            }
        }
    }
}
