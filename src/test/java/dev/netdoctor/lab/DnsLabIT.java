// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Names don't resolve" in the lab, looking like a WSL 2 distro in NAT mode: a real DNS server
 * (dnsmasq) in the gateway as WSL's DNS proxy, the distro's own /etc/resolv.conf and
 * /etc/wsl.conf, and the real CLI run by a plain user inside the client namespace. Each dead DNS
 * path gets dns-server-unreachable with the fix that fits it, a name that does not exist gets
 * name-not-resolved (never the other), and working DNS gets no problem. Both fixes apply, check
 * and undo byte-exact. How fast a verdict comes is measured by the lab benchmark, not asserted
 * here: a timed assertion fails on a busy machine (CI once saw 8.6 s against 8 s).
 */
class DnsLabIT {
    static Lab.PlainUser user;

    @BeforeAll
    static void labAvailable() throws Exception {
        user = Lab.PlainUser.forLabTests();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Lab.PlainUser.cleanAfter(user);
    }

    private static Lab.Result cli(Lab lab, String... args) throws Exception {
        return lab.inDistro(args);
    }

    private static Lab.Result cliAsRoot(Lab lab, String... args) throws Exception {
        return lab.inDistroAsRoot(args);
    }

    private static JsonNode diagnose(Lab lab, String name) throws Exception {
        Lab.Result r = cli(lab, "diagnose", "--target", name + ":22", "--json", "--quiet");
        // --quiet: nothing on stderr, not even a logging library's complaint
        assertThat(r.err()).as("stderr").doesNotContain("SLF4J");
        JsonNode json = Lab.json(r);
        return json;
    }

    private static List<String> ids(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    private static JsonNode finding(JsonNode json, String id) {
        for (JsonNode f : json.path("findings")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + ids(json));
    }

    private static List<String> fixes(JsonNode finding) {
        List<String> ids = new ArrayList<>();
        finding.path("fixes").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    private static JsonNode dnsData(JsonNode json) {
        for (JsonNode p : json.path("probes")) {
            if (p.path("probeId").asText().equals("dns-servers")) {
                return p;
            }
        }
        throw new AssertionError("no dns-servers check");
    }

    @Test
    void workingDnsIsNoProblemAndANameThatDoesNotExistIsNamedByTheServerThatSaidSo() throws Exception {
        try (Lab lab = Lab.up("dns-ok")) {
            JsonNode ok = diagnose(lab, lab.get("DNS_NAME"));
            assertThat(ok.path("_exit").asInt()).as(ids(ok).toString()).isZero();
            assertThat(dnsData(ok).path("data").path("path").asText()).isEqualTo("nat-dns-proxy");

            JsonNode gone = diagnose(lab, "gone.lab.test");
            assertThat(ids(gone)).contains("name-not-resolved").doesNotContain("dns-server-unreachable");
            assertThat(finding(gone, "name-not-resolved").path("explanation").asText())
                    .contains("The DNS server 198.18.1.1 answered that this name does not exist.");

            // "Not sure" (no target): the way out is checked too, and the all-clear names what worked.
            // The lab's proxy knows only lab.test, so the well-known name is not claimed to resolve.
            JsonNode notSure = Lab.json(cli(lab, "diagnose", "--json", "--quiet"));
            assertThat(ids(notSure)).as(notSure.toString()).containsExactly("environment-only");
            assertThat(notSure.path("_exit").asInt()).isZero();
            String explanation = finding(notSure, "environment-only").path("explanation").asText();
            String working = explanation.substring(0, Math.max(0, explanation.indexOf("Not confirmed")));
            assertThat(working).as(explanation).contains("Checked and working: the DNS server 198.18.1.1 answers").doesNotContain("names resolve");
            assertThat(explanation).contains("Not confirmed: that names resolve");
        }
    }

    @Test
    void aBlockedProxyIsTheDnsPathAndDnsTunnelingIsOfferedAndAppliedAndUndone() throws Exception {
        try (Lab lab = Lab.up("dns-blocked")) {
            JsonNode json = diagnose(lab, lab.get("DNS_NAME"));
            assertThat(json.path("_exit").asInt()).isEqualTo(1);
            JsonNode f = finding(json, "dns-server-unreachable");
            assertThat(f.path("title").asText()).contains("WSL's DNS proxy on Windows (198.18.1.1)");
            // "Not sure" (no target) finds the same dead DNS path, and gives no all-clear
            JsonNode notSure = Lab.json(cli(lab, "diagnose", "--json", "--quiet"));
            assertThat(ids(notSure)).contains("dns-server-unreachable").doesNotContain("environment-only");
            assertThat(notSure.path("_exit").asInt()).isEqualTo(1);
            assertThat(fixes(f)).first().isEqualTo("wslconfig-dns-tunneling");
            assertThat(fixes(f)).doesNotContain("wsl-conf-generate-resolv-conf");

            // the fix, on a .wslconfig of the user's (standing for %UserProfile%\.wslconfig)
            Path wslconfig = user.home().resolve(".wslconfig-dnslab");
            byte[] original = "[wsl2]\r\nmemory=8GB\r\ndnsTunneling=false\r\n".getBytes(UTF_8);
            Files.write(wslconfig, original);
            Files.setOwner(wslconfig, wslconfig.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user.name()));
            try {
                Lab.Result fix = cli(lab, "fix", "dns-tunneling", "--wslconfig", wslconfig.toString());
                assertThat(fix.exit()).as(fix.err()).isZero();
                assertThat(fix.out()).contains("Checked: read back as WSL reads it: dnsTunneling=true, UTF-8.");
                assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\r\nmemory=8GB\r\ndnsTunneling=true\r\n");
                Lab.Result undo = cli(lab, "undo", backup(fix));
                assertThat(undo.exit()).as(undo.err()).isZero();
                assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);
            } finally {
                try (var left = Files.list(user.home())) {
                    for (Path p : left.filter(p -> p.getFileName().toString().startsWith(".wslconfig-dnslab")).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static String backup(Lab.Result fix) {
        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+)").matcher(fix.out());
        assertThat(m.find()).as(fix.out()).isTrue();
        return m.group(1);
    }

    @Test
    void aStaticFileWithGenerationOffOffersLettingWslWriteItWhichNeedsSudoAndUndoesByteExact() throws Exception {
        try (Lab lab = Lab.up("dns-static")) {
            JsonNode json = diagnose(lab, lab.get("DNS_NAME"));
            JsonNode f = finding(json, "dns-server-unreachable");
            assertThat(f.path("explanation").asText()).contains("WSL no longer writes this file").contains("/etc/wsl.conf turns that off");
            assertThat(fixes(f)).first().isEqualTo("wsl-conf-generate-resolv-conf");
            assertThat(dnsData(json).path("data").path("generateResolvConf").asBoolean(true)).isFalse();

            Path wslConf = Path.of(lab.get("ETC_DIR"), "wsl.conf");
            byte[] original = Files.readAllBytes(wslConf);
            // the plain user may not write root's file: the exact sudo command, and nothing changed
            Lab.Result refused = cli(lab, "fix", "wsl-resolv-conf", "--wsl-conf", wslConf.toString());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("belongs to root").contains("sudo ").contains("fix wsl-resolv-conf --wsl-conf " + wslConf);
            assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);

            // what that sudo command runs
            Lab.Result fix = cliAsRoot(lab, "fix", "wsl-resolv-conf", "--wsl-conf", wslConf.toString());
            assertThat(fix.exit()).as(fix.err()).isZero();
            assertThat(fix.out()).contains("Changes generateResolvConf from false to true in [network] (line 5)")
                    .contains("sudo rm /etc/resolv.conf");
            assertThat(Files.readString(wslConf)).isEqualTo("[boot]\nsystemd=true\n\n[network]\ngenerateResolvConf = true\n");
            // the distro's /etc/wsl.conf now reads true: the engine sees it (the fixed resolv.conf stays until WSL restarts)
            JsonNode after = diagnose(lab, lab.get("DNS_NAME"));
            assertThat(dnsData(after).path("data").path("generateResolvConf").asBoolean(false)).isTrue();

            Lab.Result undo = cliAsRoot(lab, "undo", backup(fix));
            assertThat(undo.exit()).as(undo.err()).isZero();
            assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
        }
    }

    @Test
    void tunnelingsListenerOnLoopbackIsTheTunnelingPathAndWorks() throws Exception {
        try (Lab lab = Lab.up("dns-tunnel")) {
            JsonNode json = diagnose(lab, lab.get("DNS_NAME"));
            assertThat(json.path("_exit").asInt()).as(ids(json).toString()).isZero();
            assertThat(dnsData(json).path("data").path("path").asText()).isEqualTo("dns-tunneling");
        }
    }

    @Test
    void aServerThatAnswersOneWayOnlyIsToldApartAndNeverCalledUnreachable() throws Exception {
        try (Lab lab = Lab.up("dns-udp-only")) {
            JsonNode json = diagnose(lab, lab.get("DNS_NAME"));
            assertThat(ids(json)).doesNotContain("dns-server-unreachable", "name-not-resolved");
            assertThat(json.toString()).contains("DNS server 198.18.1.1 answers over UDP only");
        }
        try (Lab lab = Lab.up("dns-tcp-only")) {
            JsonNode json = diagnose(lab, lab.get("DNS_NAME"));
            assertThat(ids(json)).doesNotContain("dns-server-unreachable");
            assertThat(json.toString()).contains("DNS server 198.18.1.1 answers over TCP only");
        }
    }

    /**
     * From Windows through the faithful wsl.exe stand-in (the distro in the client namespace, run
     * as the plain user, started cold): the servers are asked from inside the distro, so a blocked
     * proxy is still called what it is, and working DNS is still no problem.
     */
    @Test
    void fromWindowsTheServersAreAskedInsideTheDistro() throws Exception {
        Path state = Files.createTempDirectory("fake-wsl-state");
        try (Lab lab = Lab.up("dns-blocked")) {
            Lab.Result r = Lab.run(List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"), "FAKE_WSL_USER=" + user.name(),
                    "FAKE_WSL_STATE=" + state, Lab.java(), "-jar", Lab.jar().toString(), "diagnose", "--wsl", "Lab", "--wsl-exe",
                    Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString(), "--target", lab.get("DNS_NAME") + ":22", "--json",
                    "--quiet"), Lab.COMMAND_LIMIT_SECONDS);
            JsonNode json = Lab.json(r);
            JsonNode f = finding(json, "dns-server-unreachable");
            assertThat(f.path("title").asText()).as(r.err()).contains("WSL's DNS proxy on Windows (198.18.1.1)");
            assertThat(fixes(f)).first().isEqualTo("wslconfig-dns-tunneling");
            assertThat(dnsData(json).path("data").path("replies")).hasSize(2);
        } finally {
            Lab.run(List.of("rm", "-rf", state.toString()), 10);
        }
    }
}
