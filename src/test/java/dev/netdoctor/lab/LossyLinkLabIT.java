// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netdoctor.model.FindingId;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lossy link is not a network that drops marked packets. Each lab here loses 5 % of what its
 * gateway forwards, in each direction ({@code lab.sh loss}), while two CPU burners keep this
 * machine's cores busy, as a laptop on a poor Wi-Fi is busy: the verdicts must be those of the
 * same lab without loss, run after run. A lost SYN happens to marked and unmarked ones alike, so
 * it must never be taken for the contrast that proves a DSCP drop; and a real drop must still be
 * found, with the same confidence. Every run's findings and its marked-SYN check are printed, so a
 * failure shows which run and what that check saw.
 */
class LossyLinkLabIT {
    /** Each way: a round trip through the gateway loses about twice that. */
    static final int PERCENT = 5;
    /** Lab names start with this (the counter follows). */
    static final String PREFIX = "l3";
    static final List<String> DSCP_FINDINGS = List.of(FindingId.DSCP_MARKED_SYN_DROPPED.id(), FindingId.DSCP_FIXED_FOR_SSH.id());

    @RegisterExtension
    final CpuBurners burners = new CpuBurners();

    static Lab.PlainUser user;

    @BeforeAll
    static void labAvailable() throws Exception {
        user = Lab.PlainUser.forLabTests();
    }

    @AfterAll
    static void cleanUser() throws Exception {
        Lab.PlainUser.cleanAfter(user);
    }

    /** The healthy lab as seed 1's user has it (OpenSSH 10 marks af21): no DSCP finding at any severity, and the lossless verdict. */
    @Test
    void aLossyHealthyLinkIsNeverCalledADscpDrop() throws Exception {
        int runs = 12;
        userWithOpenSsh10Marking();
        try (Lab lab = Lab.up("healthy", PREFIX)) {
            burners.start();
            JsonNode lossless = inDistro(lab);
            print("healthy, no loss", 0, runs, lossless);
            assertThat(ids(lossless)).as(describe(0, runs, lossless)).containsExactly(FindingId.NO_PROBLEM_FOUND.id());
            lab.loss(PERCENT);
            lossyRuns("healthy", runs, () -> inDistro(lab), sameAsLossless(lossless));
            assertThat(dropped(lab)).as("packets the lossy link dropped in the lab's gateway").isPositive();
        } finally {
            user.clean();
        }
    }

    /** Seed 1 on a lossy link: the drop of marked SYNs is still found, sure, every run. */
    @Test
    void seedOneOnALossyLinkIsStillFound() throws Exception {
        int runs = 4;
        userWithOpenSsh10Marking();
        try (Lab lab = Lab.up("dscp", PREFIX)) {
            burners.start();
            lab.loss(PERCENT);
            lossyRuns("dscp", runs, () -> inDistro(lab), (soft, json, context) -> {
                soft.assertThat(ids(json)).as(context).containsExactly(FindingId.DSCP_MARKED_SYN_DROPPED.id());
                soft.assertThat(json.path("findings").path(0).path("confidence").asText()).as(context).isEqualTo("high");
                soft.assertThat(json.path("complete").asBoolean()).as(context).isTrue();
                soft.assertThat(marking(json)).as("the user's ssh marking, read from ~/.ssh/config; " + context).isEqualTo("af21");
            });
            assertThat(dropped(lab)).as("packets the lossy link dropped in the lab's gateway").isPositive();
        } finally {
            user.clean();
        }
    }

    /**
     * The other failures of the NAT lab keep their verdict on a lossy link too: a port nobody
     * listens on, a firewall dropping the port, and the path that loses large packets (whose
     * sizing pings could read a lost echo as "too big").
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"refused,port-refused", "filtered,port-filtered", "mtu,path-mtu-blackhole"})
    void theOtherFailuresKeepTheirVerdictOnALossyLink(String scenario, String finding) throws Exception {
        int runs = 2;
        userWithOpenSsh10Marking();
        try (Lab lab = Lab.up(scenario, PREFIX)) {
            burners.start();
            lab.loss(PERCENT);
            lossyRuns(scenario, runs, () -> inDistro(lab), (soft, json, context) -> {
                soft.assertThat(ids(json)).as(context).containsExactly(finding);
                soft.assertThat(json.path("findings").path(0).path("confidence").asText()).as(context).isEqualTo("high");
            });
        } finally {
            user.clean();
        }
    }

    /**
     * The healthy lab from "Windows" (the gateway namespace, as the plain user, the distro reached
     * through the stand-in wsl.exe): the marked SYNs leave from inside the distro, across the lossy
     * forward path, and must not be called a drop either.
     */
    @Test
    void aLossyHealthyLinkSeenFromWindowsIsNoDscpDrop() throws Exception {
        int runs = 4;
        userWithOpenSsh10Marking();
        Path state = Files.createTempDirectory("netdoctor-l3-");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Lab lab = Lab.up("healthy", PREFIX)) {
            burners.start();
            JsonNode lossless = fromWindows(lab, state);
            print("healthy from Windows, no loss", 0, runs, lossless);
            assertThat(ids(lossless)).as(describe(0, runs, lossless)).containsExactly(FindingId.NO_PROBLEM_FOUND.id());
            assertThat(dscpConnect(lossless).path("parameters").path("from").asText())
                    .as("the marked SYNs cross the gateway: " + describe(0, runs, lossless)).isEqualTo("the WSL distro");
            lab.loss(PERCENT);
            lossyRuns("healthy from Windows", runs, () -> fromWindows(lab, state), sameAsLossless(lossless));
            assertThat(dropped(lab)).as("packets the lossy link dropped in the lab's gateway").isPositive();
        } finally {
            user.clean();
            Lab.run(List.of("rm", "-rf", state.toString()), 10);
        }
    }

    /** One check of one run's result, its failures collected with {@code context} (the run and its marked-connect check). */
    @FunctionalInterface
    private interface Check {
        void on(SoftAssertions soft, JsonNode json, String context);
    }

    @FunctionalInterface
    private interface CliRun {
        JsonNode once() throws IOException;
    }

    /** {@code runs} CLI runs on the lossy link, each printed and checked: every check finished by itself, and {@code check}. */
    private static void lossyRuns(String what, int runs, CliRun run, Check check) throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (int i = 1; i <= runs; i++) {
            JsonNode json = run.once();
            print(what + ", " + PERCENT + " % loss", i, runs, json);
            String context = describe(i, runs, json);
            soft.assertThat(unfinished(json)).as("checks that did not finish by themselves; " + context).isEmpty();
            check.on(soft, json, context);
        }
        soft.assertAll();
    }

    /** No DSCP finding at any severity, the findings and verdict of the lossless run, and the user's own marking read. */
    private static Check sameAsLossless(JsonNode lossless) {
        return (soft, json, context) -> {
            soft.assertThat(ids(json)).as(context).doesNotContainAnyElementsOf(DSCP_FINDINGS);
            soft.assertThat(ids(json)).as(context).isEqualTo(ids(lossless));
            soft.assertThat(json.path("verdict").asText()).as(context).isEqualTo(lossless.path("verdict").asText());
            soft.assertThat(json.path("_exit").asInt()).as(context).isZero();
            soft.assertThat(marking(json)).as("the user's ssh marking, read from ~/.ssh/config; " + context).isEqualTo("af21");
        };
    }

    private static void userWithOpenSsh10Marking() throws IOException {
        user.clean();
        user.writeSshConfig(Lab.PlainUser.OPENSSH_10_DEFAULT);
    }

    private static JsonNode inDistro(Lab lab) throws IOException {
        return Lab.json(lab.inDistro("diagnose", "--target", lab.target(), "--json", "--quiet"));
    }

    /** The CLI as the plain user on "Windows" (NAT mode's gateway), the distro's side through fake-wsl.exe and PowerShell's through its stand-in. */
    private static JsonNode fromWindows(Lab lab, Path state) throws IOException {
        List<String> argv = List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"), "FAKE_WSL_STATE=" + state.resolve("wsl"),
                "FAKE_PS_STATE=" + state.resolve("ps"), Lab.java(), "-jar", user.readableJar().toString(),
                "diagnose", "--wsl", "Lab", "--wsl-exe", WindowsSideLabIT.FAKE_WSL, "--powershell-exe", WindowsSideLabIT.FAKE_PS,
                "--target", lab.target(), "--json", "--quiet");
        return Lab.json(lab.inNamespace(lab.get("GATEWAY_NS"), user.argvJoiningNamespaces(argv), Lab.COMMAND_LIMIT_SECONDS));
    }

    static List<String> ids(JsonNode json) {
        return BusyMachineLabIT.findingIds(json);
    }

    /** The checks that neither completed nor were skipped with a reason (timed out, failed, stopped). */
    static List<String> unfinished(JsonNode json) {
        List<String> unfinished = new ArrayList<>();
        json.path("probes").forEach(p -> {
            String status = p.path("status").asText();
            if (!status.equals("completed") && !status.equals("skipped")) {
                unfinished.add(p.path("probeId").asText() + " " + status + ": " + p.path("summary").asText());
            }
        });
        return unfinished;
    }

    private static String marking(JsonNode json) {
        return json.path("environment").path("sshClient").path("interactiveQos").asText();
    }

    static JsonNode dscpConnect(JsonNode json) {
        for (JsonNode p : json.path("probes")) {
            if (p.path("probeId").asText().equals("dscp-connect")) {
                return p;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Which run, what it found, and the whole marked-SYN check as the JSON has it. */
    private static String describe(int run, int runs, JsonNode json) {
        List<String> findings = new ArrayList<>();
        json.path("findings").forEach(f -> findings.add(f.path("id").asText() + " (" + f.path("severity").asText() + ", "
                + f.path("confidence").asText() + "): " + f.path("title").asText()));
        return "run " + run + " of " + runs + (run == 0 ? " (no loss)" : "") + ", exit " + json.path("_exit").asInt()
                + ", verdict \"" + json.path("verdict").asText() + "\", findings " + findings
                + "; dscp-connect: " + dscpConnect(json).toPrettyString();
    }

    /** One line per run in the build log: the findings and what the marked-SYN check measured and waited. */
    private static void print(String what, int run, int runs, JsonNode json) {
        JsonNode dscp = dscpConnect(json);
        List<String> findings = new ArrayList<>();
        json.path("findings").forEach(f -> findings.add(f.path("id").asText() + "/" + f.path("confidence").asText()));
        System.out.printf("[lossy] %s, run %d of %d: %s exit %d, %d ms; dscp-connect %s: %s %s%n", what, run, runs, findings,
                json.path("_exit").asInt(), json.path("_wallMillis").asLong(), dscp.path("status").asText(), dscp.path("summary").asText(),
                dscp.path("parameters"));
    }

    private static final Pattern PACKETS = Pattern.compile("packets (\\d+)");

    /** How many packets the lab's loss rule dropped so far (its nftables counter). */
    private static long dropped(Lab lab) throws IOException {
        Lab.Result r = lab.inNamespace(lab.get("GATEWAY_NS"), List.of("nft", "list", "chain", "inet", "netdoctor_loss", "lossy"), 10);
        Matcher m = PACKETS.matcher(r.out());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
