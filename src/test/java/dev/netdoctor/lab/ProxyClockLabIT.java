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
 * Windows' proxy on 127.0.0.1 and a distro clock that is off (issue 28), from "Windows" as in
 * {@link WindowsSideLabIT}: the app runs as the plain user in the lab's gateway namespace, reaches
 * the distro through the wsl.exe stand-in (whose FAKE_WSL_CLOCK_OFFSET gives the distro a clock of
 * its own, with libfaketime) and reads Windows' settings through the powershell.exe stand-in (whose
 * machine file carries the proxy setting). Each run asks about the lab's healthy target, so the
 * only thing wrong is what the scenario sets up.
 */
class ProxyClockLabIT {
    @RegisterExtension
    final CpuBurners burners = new CpuBurners();

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }



    /** One diagnose of the lab's target from "Windows" as the plain user, with {@code env} for the stand-ins. */
    static WindowsSideLabIT.Run fromWindows(Lab lab, String... env) throws IOException {
        return fromWindows(lab, false, env);
    }

    /**
     * The same; {@code cold}: with a wsl.exe state of its own, so the distro is not started yet and
     * its first command waits for it to boot (FAKE_WSL_FIRST_DELAY_MS).
     */
    static WindowsSideLabIT.Run fromWindows(Lab lab, boolean cold, String... env) throws IOException {
        Lab.PlainUser user = Lab.PlainUser.ensure();
        Path dir = Files.createTempDirectory("netdoctor-ps-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path starts = dir.resolve("starts.log");
        try {
            List<String> argv = new ArrayList<>(List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"), "FAKE_PS_STARTS=" + starts,
                    "FAKE_PS_STATE=" + dir.resolve("state")));
            if (cold) {
                argv.add("FAKE_WSL_STATE=" + dir.resolve("wsl"));
            }
            argv.addAll(List.of(env));
            argv.addAll(List.of(Lab.java(), "-jar", user.readableJar().toString(), "diagnose", "--target", lab.target(),
                    "--wsl", "Lab", "--wsl-exe", WindowsSideLabIT.FAKE_WSL, "--powershell-exe", WindowsSideLabIT.FAKE_PS, "--json", "--quiet"));
            Lab.Result r = lab.inNamespace(lab.get("WINDOWS_NS"), user.argvJoiningNamespaces(argv), Lab.COMMAND_LIMIT_SECONDS);
            JsonNode json = Lab.json(r);
            long count = Files.exists(starts) ? Files.readAllLines(starts).stream().filter(l -> !l.isBlank()).count() : 0;
            return new WindowsSideLabIT.Run(json, count);
        } finally {
            Lab.run(List.of("rm", "-rf", dir.toString()), 10);
        }
    }

    private static WindowsSideLabIT.Run proxyFromWindows(Lab lab) throws IOException {
        return fromWindows(lab, "FAKE_PS_MACHINE=" + lab.get("POWERSHELL_MACHINE"));
    }

    private static WindowsSideLabIT.Run clockOff(Lab lab, String seconds) throws IOException {
        return fromWindows(lab, "FAKE_WSL_CLOCK_OFFSET=" + seconds);
    }

    /** The distro's clock off by {@code seconds}, reached through a slow wsl.exe whose distro must boot first. */
    private static WindowsSideLabIT.Run clockOffSlowly(Lab lab, String seconds) throws IOException {
        return fromWindows(lab, true, "FAKE_WSL_CLOCK_OFFSET=" + seconds, "FAKE_WSL_FIRST_DELAY_MS=6000", "FAKE_WSL_DELAY_MS=1500");
    }

    private static void finishedWithOnePowerShellStart(WindowsSideLabIT.Run run) {
        BusyMachineLabIT.everyCheckFinished(run.json());
        assertThat(run.powershellStarts()).as("PowerShell starts in one run").isEqualTo(1);
    }

    private static JsonNode probe(WindowsSideLabIT.Run run, String id) {
        for (JsonNode p : run.json().path("probes")) {
            if (p.path("probeId").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no check " + id);
    }

    /** The clock check measured {@code seconds} of skew, within its own error bound (and a few ms of rounding). */
    private static void assertSkewNear(WindowsSideLabIT.Run run, double seconds) {
        JsonNode r = probe(run, "clock").path("data").path("reading");
        long before = r.path("windowsBeforeNanos").asLong();
        long after = r.path("windowsAfterNanos").asLong();
        double skew = (r.path("linuxNanos").asLong() - (before + (after - before) / 2)) / 1e9;
        double bound = (after - before) / 2e9;
        assertThat(Math.abs(skew - seconds)).as("skew %.3f s, bound %.3f s", skew, bound).isLessThanOrEqualTo(bound + 0.01);
    }

    @Test
    void aWindowsProxyOnLoopbackNamesTheProgramThatHoldsIt() throws Exception {
        try (Lab lab = Lab.up("win-proxy")) {
            WindowsSideLabIT.Run run = proxyFromWindows(lab);
            String pid = Files.readString(Path.of(lab.get("PROXY_PID_FILE"))).strip();
            assertThat(run.ids()).containsExactly("windows-proxy-loopback");
            JsonNode f = run.finding("windows-proxy-loopback");
            assertThat(f.path("confidence").asText()).isEqualTo("high");
            assertThat(f.path("title").asText()).contains("127.0.0.1:7890");
            assertThat(f.path("explanation").asText()).contains("clash (pid " + pid + ") listens on 127.0.0.1:7890 only")
                    .contains(lab.get("WSL_GATEWAY") + ":7890");
            assertThat(f.path("fixes").toString()).contains("wslconfig-networking-mode").contains("proxy-allow-lan")
                    .contains("windows-firewall-allow-port").contains("wslconfig-auto-proxy");
            // Windows' own table says WSL can't get there: no connect from the distro waits for stealth mode's silence
            assertThat(probe(run, "loopback-proxy").path("data").path("distroError").asText())
                    .isEqualTo("not tried: the program listens where WSL can't reach it");
            finishedWithOnePowerShellStart(run);
        }
    }

    /** Without the proxy setting the same program on 127.0.0.1 is nobody's business: no finding. */
    @Test
    void aProgramOnLoopbackWithoutTheProxySettingIsNoProblem() throws Exception {
        try (Lab lab = Lab.up("win-proxy")) {
            WindowsSideLabIT.Run run = fromWindows(lab);
            assertThat(run.ids()).containsExactly("no-problem-found");
            finishedWithOnePowerShellStart(run);
        }
    }

    /** Inside the distro: a variable copied from Windows points at the distro itself, where nothing listens. */
    @Test
    void insideTheDistroAVariableOnLoopbackIsTheSameFindingWithLessConfidence() throws Exception {
        try (Lab lab = Lab.up("win-proxy")) {
            Lab.PlainUser user = Lab.PlainUser.ensure();
            List<String> argv = List.of("env", "WSL_DISTRO_NAME=Lab", "http_proxy=http://127.0.0.1:7890", Lab.java(), "-jar",
                    user.readableJar().toString(), "diagnose", "--target", lab.target(), "--json", "--quiet");
            JsonNode json = Lab.json(lab.inNamespace(lab.get("CLIENT_NS"), user.argv(argv), Lab.COMMAND_LIMIT_SECONDS));
            assertThat(BusyMachineLabIT.findingIds(json)).containsExactly("windows-proxy-loopback");
            JsonNode f = json.path("findings").get(0);
            assertThat(f.path("confidence").asText()).isEqualTo("medium");
            assertThat(f.path("title").asText()).startsWith("http_proxy points at 127.0.0.1:7890");
            assertThat(f.path("explanation").asText()).contains("127.0.0.1 in WSL is WSL itself");
            BusyMachineLabIT.everyCheckFinished(json);
        }
    }

    @Test
    void ninetySecondsOffIsClockSkewAndHalfASecondIsNot() throws Exception {
        try (Lab lab = Lab.up("win-all")) {
            WindowsSideLabIT.Run off = clockOff(lab, "90");
            assertThat(off.ids()).containsExactly("clock-skew");
            JsonNode f = off.finding("clock-skew");
            assertThat(f.path("title").asText()).isEqualTo("The distro's clock is 90 seconds ahead of Windows'");
            assertThat(f.path("fixes").toString()).contains("sudo hwclock -s");
            assertSkewNear(off, 90);
            finishedWithOnePowerShellStart(off);
            WindowsSideLabIT.Run behind = clockOff(lab, "-90");
            assertThat(behind.finding("clock-skew").path("title").asText()).contains("behind");
            WindowsSideLabIT.Run half = clockOff(lab, "0.5");
            assertThat(half.ids()).containsExactly("no-problem-found");
            assertSkewNear(half, 0.5);
            finishedWithOnePowerShellStart(half);
        }
    }

    /** A slow wsl.exe (a distro that boots for 6 s, 1.5 s per call) widens the bound; it never reads as skew. */
    @Test
    void halfASecondStaysCleanWithASlowWslExe() throws Exception {
        try (Lab lab = Lab.up("win-all")) {
            WindowsSideLabIT.Run slow = clockOffSlowly(lab, "0.5");
            assertThat(slow.ids()).containsExactly("no-problem-found");
            finishedWithOnePowerShellStart(slow);
            WindowsSideLabIT.Run skewed = clockOffSlowly(lab, "90");
            assertThat(skewed.ids()).containsExactly("clock-skew");
        }
    }

    /** The verdicts do not depend on the machine's speed: the same with two CPU burners, every check finished. */
    @Test
    void theSameVerdictsOnABusyMachine() throws Exception {
        burners.start();
        try (Lab lab = Lab.up("win-proxy")) {
            WindowsSideLabIT.Run proxy = proxyFromWindows(lab);
            assertThat(proxy.ids()).containsExactly("windows-proxy-loopback");
            finishedWithOnePowerShellStart(proxy);
            WindowsSideLabIT.Run off = clockOff(lab, "90");
            assertThat(off.ids()).containsExactly("clock-skew");
            finishedWithOnePowerShellStart(off);
            WindowsSideLabIT.Run half = clockOff(lab, "0.5");
            assertThat(half.ids()).containsExactly("no-problem-found");
            finishedWithOnePowerShellStart(half);
        }
    }
}
