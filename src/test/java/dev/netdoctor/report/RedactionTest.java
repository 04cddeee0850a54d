// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.ProbeId;
import com.fasterxml.jackson.databind.JsonNode;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.VantageCheck;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.report.fixtures.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redaction of whole reports: the recorded lab results, and synthetic ones made from them with
 * real-looking private addresses, a host name and a user name planted in.
 */
class RedactionTest {
    static final Pattern PLACEHOLDER = Pattern.compile("(?:host|user|ip|ipv6|net)-\\d+");

    /** What the synthetic reports plant, to be gone after redaction (compared ignoring case). */
    static final List<String> PLANTED = List.of("192.168.1.56", "192.168.1.20", "192.168.1.77", "192.168.1.", "10.0.0.5",
            "172.17.112.1", "172.17.120.5", "10.1.2.3", "fd00::1", "fd00:0:0:0:0:0:0:1", "2a01:4f8:c17:1a2b::7",
            "fe80:0:0:0:10a4:cbff:fe50:4701", "fe80::10a4:cbff:fe50:4701", "nas.home.arpa", "home.arpa", "nas",
            "alice", "AliceW", "Alice Smith", "Smith", "bob", "workbox", "jumphost");

    // ---- fixtures

    static String raw(String name) {
        try (InputStream in = RedactionTest.class.getResourceAsStream("/dev/netdoctor/report/results/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReportData read(String json) {
        try {
            return JsonReport.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded lab result moved to a home network: target nas.home.arpa (192.168.1.56), user alice. */
    static String plant(String json) {
        return json.replace("\"target\" : \"198.19.1.2:22\"", "\"target\" : \"nas.home.arpa:22\"")
                .replace("\"hostname\" : \"198.19.1.2\"", "\"hostname\" : \"NAS.home.arpa\"")
                .replace("\"user\" : \"root\"", "\"user\" : \"alice\"")
                .replace("/root/.ssh/", "/home/alice/.ssh/")
                .replace("as 'root'", "as 'alice'")
                .replace("root@198.18.2.3", "alice@192.168.1.20")
                .replace("Connecting to 198.19.1.2 [", "Connecting to nas.home.arpa [")
                .replace("198.19.1.*", "192.168.1.*")
                .replace("198.19.1.2", "192.168.1.56")
                .replace("198.18.1.2", "172.17.120.5")
                .replace("198.18.1.1", "172.17.112.1")
                .replace("198.18.2.3", "192.168.1.20")
                .replace("198.18.2.2", "192.168.1.77")
                .replace("10.255.255.53", "10.0.0.5")
                .replace("\"kernel\" : \"6.18.44-fc-v769\"", "\"kernel\" : \"6.6.87.2-microsoft-standard-WSL2\"");
    }

    /** The DSCP case at home, with a real name lookup, IPv6, a verification run and a fix history. */
    static ReportData home() {
        DiagnosisResult dscp = withLookupAndInterfaces(read(plant(raw("dscp"))).result());
        DiagnosisResult again = withLookupAndInterfaces(read(plant(raw("healthy"))).result());
        List<FixRecord> history = List.of(
                new FixRecord(dev.netdoctor.model.FixId.SSH_CONFIG_IPQOS_NONE, "Turn off SSH packet marking for 192.168.1.*", "applied",
                        "/home/alice/.ssh/config", "/home/alice/.ssh/config.netdoctor-backup",
                        "--- /home/alice/.ssh/config\n+++ /home/alice/.ssh/config\n@@ -1,4 +1,7 @@\n Host workbox\n"
                                + "     HostName 10.1.2.3\n     User bob\n     ProxyJump bob@jumphost:2222\n+\n+Host 192.168.1.*\n+    IPQoS none\n",
                        "ssh -G nas.home.arpa now says ipqos none; ssh alice@192.168.1.56 connects",
                        OffsetDateTime.parse("2026-11-22T03:40:00Z")),
                new FixRecord(dev.netdoctor.model.FixId.WSLCONFIG_NETWORKING_MODE, "Switch WSL to mirrored networking", "applied",
                        "/mnt/c/Users/AliceW/.wslconfig", "C:\\Users\\AliceW\\.wslconfig.bak",
                        "--- C:\\Users\\AliceW\\.wslconfig\n+++ C:\\Users\\AliceW\\.wslconfig\n@@ -0,0 +1,2 @@\n+[wsl2]\n+networkingMode=mirrored\n",
                        "wsl --shutdown needed; see /mnt/c/Users/Alice Smith/Desktop/notes.txt",
                        OffsetDateTime.parse("2026-11-22T03:41:00Z")));
        return new ReportData(dscp, history, again, false);
    }

    /** The outside check at home: alice@192.168.1.20 looks at 192.168.1.77. */
    static ReportData homeVantage() {
        return ReportData.of(read(plant(raw("mirrored"))).result());
    }

    private static DiagnosisResult withLookupAndInterfaces(DiagnosisResult r) {
        String getent = "192.168.1.56    STREAM nas.home.arpa\n192.168.1.56    DGRAM  \nfd00::1         STREAM \n";
        CommandRun run = new CommandRun(List.of("getent", "ahosts", "nas.home.arpa"), 0, getent, "", 12, false, false, false);
        ProbeOutcome lookup = new ProbeOutcome(ProbeId.NAME_RESOLUTION, "Look up the target's address", ProbeStatus.COMPLETED,
                "nas.home.arpa → 192.168.1.56, fd00::1", Map.of("host", "nas.home.arpa"), 4, 12,
                new ProbeData.Resolution("nas.home.arpa", List.of("192.168.1.56", "fd00::1"), "getent ahosts", null),
                List.of(run.asEvidence("nas.home.arpa → 192.168.1.56, fd00::1")), null);
        List<ProbeOutcome> probes = new ArrayList<>(r.probes());
        probes.set(0, lookup);
        Environment e = r.environment();
        List<NetInterface> interfaces = e.interfaces().stream()
                .map(i -> i.name().equals("eth0") ? new NetInterface("eth0", i.mtu(), true, i.ipv4(),
                        List.of("fe80:0:0:0:10a4:cbff:fe50:4701", "fd00:0:0:0:0:0:0:1", "2a01:4f8:c17:1a2b::7")) : i)
                .toList();
        Environment env = Environments.from(e)
                .wsl(new WslFacts(WslFacts.Kind.WSL2, "Ubuntu-24.04", "nat", "wslinfo --networking-mode", List.of("kernel release: " + e.kernel())))
                .interfaces(interfaces)
                .notes("resolv.conf: nameserver 10.0.0.5, search home.arpa", "Windows user profile: C:\\Users\\AliceW",
                        "link-local fe80::10a4:cbff:fe50:4701%eth0, route to 2a01:4f8:c17:1a2b::7 via fe80::1")
                .build();
        return new DiagnosisResult(r.schemaVersion(), r.tool(), r.toolVersion(), r.startedAt(), r.durationMillis(), r.request(),
                env, probes, r.findings(), r.verdict(), r.complete());
    }

    /** A report with no addresses or names but these notes (and these ssh facts). */
    static ReportData noting(String... notes) {
        return noting(SshClientFacts.missing("No OpenSSH client (ssh) is installed."), notes);
    }

    static ReportData noting(SshClientFacts ssh, String... notes) {
        Environment env = Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", "nat"))
                .sshClient(ssh).notes(notes).build();
        return ReportData.of(new DiagnosisResult(DiagnosisResult.SCHEMA_VERSION, "wsl-net-doctor", "0.1.0",
                OffsetDateTime.parse("2026-11-22T03:00:00Z"), 5, new DiagnosisResult.Request(null, List.of(), null, 2000, 20000),
                env, List.of(), List.of(), "No problem found", true));
    }

    /** The notes of {@code notes} after redaction, numbered from 1 as nothing comes before them. */
    static List<String> redactNotes(String... notes) {
        return Redaction.apply(noting(notes)).result().environment().notes();
    }

    static String redactNote(String note) {
        return redactNotes(note).getFirst();
    }

    static List<ReportData> every() {
        List<ReportData> all = new ArrayList<>(Results.everyFindingType());
        all.add(home());
        all.add(homeVantage());
        return all;
    }

    static String json(ReportData r) {
        return JsonReport.write(r);
    }

    static String markdown(ReportData r) {
        String text = MarkdownReport.summary(r.result(), List.of());
        return r.verification() == null ? text : text + MarkdownReport.summary(r.verification(), List.of());
    }

    // ---- what the data itself says is an address or a name

    /** Addresses and names the model holds in fields of their own: found without any text matching. */
    static Set<String> addressesAndNames(ReportData report) {
        Set<String> out = new LinkedHashSet<>();
        for (DiagnosisResult r : report.verification() == null ? List.of(report.result()) : List.of(report.result(), report.verification())) {
            Environment e = r.environment();
            e.interfaces().forEach(i -> {
                out.addAll(i.ipv4());
                out.addAll(i.ipv6());
            });
            add(out, e.defaultGateway());
            out.addAll(e.dnsServers());
            add(out, e.sshClient().effective().get("hostname"));
            add(out, e.sshClient().effective().get("user"));
            if (r.request().target() != null) {
                String t = r.request().target();
                add(out, t.startsWith("[") ? t.substring(1, t.indexOf(']')) : t.substring(0, t.lastIndexOf(':')));
            }
            if (r.request().vantage() != null) {
                String v = r.request().vantage();
                add(out, v.substring(0, v.indexOf('@')));
                add(out, v.substring(v.indexOf('@') + 1, v.lastIndexOf(':')));
            }
            for (ProbeOutcome p : r.probes()) {
                switch (p.data()) {
                    case ProbeData.Resolution d -> {
                        add(out, d.host());
                        out.addAll(d.addresses());
                    }
                    case ProbeData.Ping d -> add(out, d.address());
                    case ProbeData.Routes d -> d.lookups().forEach(l -> {
                        add(out, l.destination());
                        add(out, l.gateway());
                        add(out, l.source());
                    });
                    case ProbeData.MarkedConnects d -> add(out, d.address());
                    case ProbeData.SshHandshakes d -> add(out, d.address());
                    case ProbeData.PathMtu d -> add(out, d.address());
                    case ProbeData.Sockets d -> {
                        d.synSentToTarget().forEach(c -> tcp(out, c));
                        d.lastSnapshot().forEach(c -> tcp(out, c));
                    }
                    case ProbeData.Listeners d -> d.listening().forEach(c -> tcp(out, c));
                    case ProbeData.LoopbackSelfTest d -> d.connects().forEach(c -> add(out, c.address()));
                    case ProbeData.ServicePorts d -> {
                        for (ServicePort sp : d.ports()) {
                            sp.listeners().forEach(c -> tcp(out, c));
                            sp.connects().stream().map(LocalConnect::address).forEach(a -> add(out, a));
                        }
                    }
                    case ProbeData.Vantage d -> {
                        add(out, d.user());
                        add(out, d.host());
                        d.checks().stream().map(VantageCheck::address).forEach(a -> add(out, a));
                    }
                    case ProbeData.OpenSshRuns d -> {
                    }
                    case ProbeData.LocalhostRelay d -> d.ports().forEach(rp -> {
                        rp.distroListeners().forEach(c -> tcp(out, c));
                        rp.windowsListeners().forEach(c -> tcp(out, c));
                        rp.connects().forEach(c -> add(out, c.address()));
                        add(out, rp.distroAddress());
                    });
                    case ProbeData.WindowsServices d -> d.ports().forEach(ws -> {
                        add(out, ws.windowsAddress());
                        if (ws.windowsListeners() != null) {
                            ws.windowsListeners().forEach(c -> tcp(out, c));
                        }
                    });
                    case ProbeData.OtherDevices d -> d.throughLanAddress().forEach(c -> add(out, c.address()));
                    case ProbeData.LoopbackProxy d -> {
                        add(out, d.gateway());
                        if (d.windowsListeners() != null) {
                            d.windowsListeners().forEach(c -> tcp(out, c));
                        }
                        if (d.distroToGateway() != null) {
                            add(out, d.distroToGateway().address());
                        }
                    }
                    case ProbeData.Clock d -> {
                    }
                    case ProbeData.ConfigFiles d -> d.files().forEach(file -> {
                        add(out, file.settings().get("network.hostname"));
                        add(out, file.settings().get("user.default"));
                    });
                    case ProbeData.DnsServers d -> {
                        add(out, d.name());
                        d.servers().forEach(a -> add(out, a));
                        d.replies().forEach(x -> x.addresses().forEach(a -> add(out, a)));
                    }
                    case ProbeData.RouteCapture d -> {
                        add(out, d.distroAddress());
                        add(out, d.gateway());
                        if (d.gatewayPing() != null) {
                            add(out, d.gatewayPing().address());
                        }
                        for (var route : java.util.Arrays.asList(d.route(), d.wslRoute())) {
                            if (route != null) {
                                add(out, route.destination());
                                add(out, route.gateway());
                            }
                        }
                        if (d.fromWindows() != null) {
                            add(out, d.fromWindows().address());
                        }
                    }
                    case null -> {
                    }
                }
            }
        }
        return out;
    }

    private static void tcp(Set<String> out, TcpConnection c) {
        add(out, c.localAddress());
        add(out, c.remoteAddress());
    }

    private static void add(Set<String> out, String s) {
        if (s != null && !s.isEmpty()) {
            out.add(s);
        }
    }

    static boolean isAddress(String s) {
        return s.matches("[\\d.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    }

    /**
     * The keep-list, written again independently of the code under test: loopback, unspecified,
     * documentation and benchmark ranges, link-local unless built from a MAC (EUI-64), reserved
     * 240/4. {@code root} is kept, and so are the names reserved for examples and tests
     * (RFC 2606 and 6761: .test, .example, .invalid, .localhost, example.com/.net/.org), which
     * name no one's machine.
     */
    static boolean mayStay(String value) {
        if (!isAddress(value)) {
            String name = value.toLowerCase(Locale.ROOT);
            return name.equals("root") || name.matches(".*\\.(test|example|invalid|localhost)")
                    || name.matches("(.*\\.)?example\\.(com|net|org)");
        }
        byte[] b = InetAddress.ofLiteral(value).getAddress();
        if (b.length == 4) {
            return in(b, "0.0.0.0", 8) || in(b, "127.0.0.0", 8) || in(b, "169.254.0.0", 16) || in(b, "192.0.2.0", 24)
                    || in(b, "198.51.100.0", 24) || in(b, "203.0.113.0", 24) || in(b, "198.18.0.0", 15) || in(b, "240.0.0.0", 4);
        }
        boolean eui64 = (b[11] & 0xff) == 0xff && (b[12] & 0xff) == 0xfe;
        return in(b, "::", 128) || in(b, "::1", 128) || in(b, "2001:db8::", 32) || in(b, "fe80::", 10) && !eui64;
    }

    private static boolean in(byte[] address, String network, int prefix) {
        byte[] n = InetAddress.ofLiteral(network).getAddress();
        if (n.length != address.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    // ---- tests

    @ParameterizedTest
    @MethodSource("every")
    void noAddressOrNameOfTheDataSurvivesUnlessItIdentifiesNothing(ReportData report) {
        ReportData redacted = Redaction.apply(report);
        String json = json(redacted).toLowerCase(Locale.ROOT);
        String md = markdown(redacted).toLowerCase(Locale.ROOT);
        Set<String> values = addressesAndNames(report);
        assertThat(values).isNotEmpty();
        for (String v : values) {
            String value = v.toLowerCase(Locale.ROOT);
            if (mayStay(v)) {
                if (json(report).toLowerCase(Locale.ROOT).contains(value)) {
                    assertThat(json).as("kept: %s", v).contains(value);
                }
            } else {
                assertThat(json).as("hidden in the JSON: %s", v).doesNotContain(value);
                assertThat(md).as("hidden in the Markdown: %s", v).doesNotContain(value);
                if (isAddress(v)) {
                    String canonical = InetAddress.ofLiteral(v).getHostAddress().toLowerCase(Locale.ROOT);
                    assertThat(json).as("hidden in every writing: %s", canonical).doesNotContain(canonical);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("every")
    void redactedReportsReadBackAreMarkedAndStayTheSameWhenRedactedAgain(ReportData report) throws IOException {
        ReportData once = Redaction.apply(report);
        assertThat(once.redacted()).isTrue();
        String json = json(once);
        ReportData back = JsonReport.read(json);
        assertThat(back.redacted()).isTrue();
        assertThat(json(back)).isEqualTo(json);
        assertThat(back.fixHistory()).hasSameSizeAs(report.fixHistory());
        assertThat(back.verification() == null).isEqualTo(report.verification() == null);
        assertThat(back.result().probes()).hasSameSizeAs(report.result().probes());
        assertThat(back.result().findings()).extracting(f -> f.id())
                .containsExactlyElementsOf(report.result().findings().stream().map(f -> f.id()).toList());
        assertThat(json(Redaction.apply(once))).as("idempotent").isEqualTo(json);
    }

    @Test
    void thePlantedValuesAreGoneFromTheJsonTheMarkdownTheVerificationAndTheFixHistory() {
        for (ReportData report : List.of(home(), homeVantage())) {
            String before = json(report).toLowerCase(Locale.ROOT);
            ReportData redacted = Redaction.apply(report);
            String json = json(redacted).toLowerCase(Locale.ROOT);
            String md = markdown(redacted).toLowerCase(Locale.ROOT);
            for (String planted : PLANTED) {
                String p = planted.toLowerCase(Locale.ROOT);
                assertThat(json).as("JSON still shows %s", planted).doesNotContain(p);
                assertThat(md).as("Markdown still shows %s", planted).doesNotContain(p);
            }
            assertThat(before).contains("192.168.1.");
        }
        // the planting itself worked: each value was there before
        String before = (json(home()) + json(homeVantage())).toLowerCase(Locale.ROOT);
        PLANTED.forEach(p -> assertThat(before).as("planted %s", p).contains(p.toLowerCase(Locale.ROOT)));
    }

    @Test
    void oneValueOnePlaceholderAcrossResultVerificationAndFixHistory() {
        ReportData redacted = Redaction.apply(home());
        DiagnosisResult r = redacted.result();
        String target = r.request().target();
        assertThat(target).matches("host-\\d+:22");
        String host = target.substring(0, target.indexOf(':'));
        assertThat(r.environment().sshClient().effective()).containsEntry("hostname", host); // NAS.home.arpa: any case
        ProbeData.Resolution lookup = r.probes().getFirst().dataAs(ProbeData.Resolution.class).orElseThrow();
        assertThat(lookup.host()).isEqualTo(host);
        String ip = lookup.addresses().get(0);
        String ipv6 = lookup.addresses().get(1);
        assertThat(ip).matches("ip-\\d+");
        assertThat(ipv6).matches("ipv6-\\d+");
        assertThat(r.probes()).anySatisfy(p -> assertThat(p.data()).isInstanceOfSatisfying(ProbeData.Ping.class,
                ping -> assertThat(ping.address()).isEqualTo(ip)));
        assertThat(r.probes()).anySatisfy(p -> assertThat(p.data()).isInstanceOfSatisfying(ProbeData.MarkedConnects.class,
                c -> assertThat(c.address()).isEqualTo(ip)));
        // fd00::1 and fd00:0:0:0:0:0:0:1 are one address
        NetInterface eth0 = r.environment().interfaces().stream().filter(i -> i.name().equals("eth0")).findFirst().orElseThrow();
        assertThat(eth0.ipv6()).hasSize(3).contains(ipv6).allMatch(a -> a.matches("ipv6-\\d+")).doesNotHaveDuplicates();
        String user = r.environment().sshClient().effective().get("user");
        assertThat(user).matches("user-\\d+");
        FixPlan.SshIpqosNone plan = (FixPlan.SshIpqosNone) r.findings().getFirst().fixes().getFirst().plan();
        assertThat(plan.target()).isEqualTo(ip);
        assertThat(plan.pattern()).matches("net-\\d+\\.\\*");
        String pattern = plan.pattern();

        DiagnosisResult v = redacted.verification();
        assertThat(v.request().target()).isEqualTo(target);
        assertThat(v.probes().getFirst().dataAs(ProbeData.Resolution.class).orElseThrow().addresses()).containsExactly(ip, ipv6);
        assertThat(v.environment().sshClient().effective()).containsEntry("user", user);

        FixRecord ssh = redacted.fixHistory().get(0);
        assertThat(ssh.file()).isEqualTo("/home/" + user + "/.ssh/config");
        assertThat(ssh.title()).endsWith(pattern);
        assertThat(ssh.diff()).contains("+Host " + pattern).contains("IPQoS none").containsPattern("Host host-\\d+\n")
                .containsPattern("HostName ip-\\d+\n").containsPattern("User user-\\d+\n")
                .containsPattern("ProxyJump user-\\d+@host-\\d+:2222");
        assertThat(ssh.verification()).isEqualTo("ssh -G " + host + " now says ipqos none; ssh " + user + "@" + ip + " connects");
        FixRecord wsl = redacted.fixHistory().get(1);
        assertThat(wsl.file()).matches("/mnt/c/Users/user-\\d+/\\.wslconfig");
        String windowsUser = wsl.file().split("/")[4];
        assertThat(windowsUser).isNotEqualTo(user);
        assertThat(wsl.backup()).isEqualTo("C:\\Users\\" + windowsUser + "\\.wslconfig.bak");
        assertThat(r.environment().notes()).contains("Windows user profile: C:\\Users\\" + windowsUser);
    }

    /** Walks the original and the redacted tree side by side over values that are exactly an address or a name. */
    @ParameterizedTest
    @MethodSource("every")
    void sameValueSamePlaceholderDifferentValuesDifferentPlaceholders(ReportData report) {
        ReportData redacted = Redaction.apply(report);
        Map<String, String> forward = new HashMap<>();
        Map<String, String> backward = new HashMap<>();
        Set<String> named = new LinkedHashSet<>();
        addressesAndNames(report).forEach(v -> named.add(key(v)));
        pair(tree(report), tree(redacted), named, forward, backward);
        forward.forEach((original, placeholder) -> assertThat(backward.get(placeholder)).as(placeholder).isEqualTo(original));
        if (!report.fixHistory().isEmpty()) {
            assertThat(forward).hasSizeGreaterThan(5);
        }
    }

    private static JsonNode tree(ReportData r) {
        try {
            return JsonReport.mapper().readTree(json(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String v) {
        if (isAddress(v)) {
            try {
                return InetAddress.ofLiteral(v).getHostAddress();
            } catch (IllegalArgumentException e) {
                // a number or a time, not an address
            }
        }
        return v.toLowerCase(Locale.ROOT);
    }

    private static void pair(JsonNode a, JsonNode b, Set<String> named, Map<String, String> forward, Map<String, String> backward) {
        if (a.isTextual()) {
            String original = a.textValue();
            String redacted = b.textValue();
            if (named.contains(key(original)) && !mayStay(original)) {
                assertThat(redacted).as("placeholder for %s", original).matches(PLACEHOLDER);
                String previous = forward.putIfAbsent(key(original), redacted);
                assertThat(previous == null ? redacted : previous).as("one placeholder for %s", original).isEqualTo(redacted);
                String before = backward.putIfAbsent(redacted, key(original));
                assertThat(before == null ? key(original) : before).as("one value for %s", redacted).isEqualTo(key(original));
            }
            return;
        }
        assertThat(b.size()).isEqualTo(a.size());
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                pair(a.get(i), b.get(i), named, forward, backward);
            }
        } else if (a.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                assertThat(b.has(field)).as("field names are untouched: %s", field).isTrue();
                pair(a.get(field), b.get(field), named, forward, backward);
            }
        }
    }

    @Test
    void enumsTimesIdsAndFieldNamesAreUntouched() {
        ReportData report = home();
        ReportData redacted = Redaction.apply(report);
        assertThat(redacted.result().startedAt()).isEqualTo(report.result().startedAt());
        assertThat(redacted.fixHistory()).extracting(FixRecord::at).containsExactlyElementsOf(report.fixHistory().stream().map(FixRecord::at).toList());
        assertThat(redacted.result().probes()).extracting(ProbeOutcome::probeId)
                .containsExactlyElementsOf(report.result().probes().stream().map(ProbeOutcome::probeId).toList());
        assertThat(redacted.result().probes()).extracting(ProbeOutcome::status)
                .containsExactlyElementsOf(report.result().probes().stream().map(ProbeOutcome::status).toList());
        assertThat(redacted.result().environment().kernel()).isEqualTo("6.6.87.2-microsoft-standard-WSL2");
        assertThat(redacted.result().environment().wsl().kind()).isEqualTo(WslFacts.Kind.WSL2);
        assertThat(redacted.result().environment().sshClient().effective().keySet())
                .isEqualTo(report.result().environment().sshClient().effective().keySet());
        assertThat(redacted.result().environment().interfaces()).extracting(NetInterface::name).contains("eth0", "lo");
        // loopback and the link-local address not built from a MAC stay, for the reader
        RouteLookup local = redacted.result().probes().stream().map(p -> p.dataAs(ProbeData.Routes.class)).flatMap(java.util.Optional::stream)
                .flatMap(rt -> rt.lookups().stream()).filter(l -> "127.0.0.1".equals(l.destination())).findFirst().orElseThrow();
        assertThat(local.device()).isEqualTo("lo");
    }

    @Test
    void aReportWithoutNamesOrAddressesComesBackEqual() {
        ReportData plain = noting("nothing to hide here: 0.0.0.0 and ::1 and root");
        ReportData redacted = Redaction.apply(plain);
        assertThat(json(redacted)).isEqualTo(json(new ReportData(plain.result(), plain.fixHistory(), null, true)));
    }

    @Test
    void userAndHostFieldsAlone() {
        SshClientFacts ssh = new SshClientFacts(true, "OpenSSH_9.6p1", Map.of("user", "bob", "hostname", "workbox.corp.acme.io",
                "proxyjump", "ssh://carol@bastion.acme.io:2222,dave@gate"), "lowdelay", "throughput", null);
        ReportData report = noting(ssh,
                "bob's key is /home/bob/.ssh/id_ed25519; carol via bastion.acme.io, dave via gate; workbox.corp.acme.io is up");
        ReportData redacted = Redaction.apply(report);
        String note = redacted.result().environment().notes().getFirst();
        Map<String, String> effective = redacted.result().environment().sshClient().effective();
        assertThat(effective.get("user")).matches("user-\\d+");
        assertThat(effective.get("hostname")).matches("host-\\d+");
        assertThat(effective.get("proxyjump")).matches("ssh://user-\\d+@host-\\d+:2222,user-\\d+@host-\\d+");
        assertThat(note).doesNotContainIgnoringCase("bob").doesNotContainIgnoringCase("carol").doesNotContainIgnoringCase("dave")
                .doesNotContainIgnoringCase("acme").doesNotContain("gate ").doesNotContain("workbox")
                .contains(effective.get("user") + "'s key is /home/" + effective.get("user") + "/.ssh/id_ed25519")
                .endsWith(effective.get("hostname") + " is up");
    }
}
