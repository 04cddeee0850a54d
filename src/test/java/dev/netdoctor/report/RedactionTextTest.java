// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.SshClientFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.netdoctor.report.RedactionTest.noting;
import static dev.netdoctor.report.RedactionTest.redactNote;
import static org.assertj.core.api.Assertions.assertThat;

/** How single texts come out: every way an address is written, what is kept, what only looks like an address. */
class RedactionTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ping 192.168.1.56 and 192.168.1.56 again       | ping ip-1 and ip-1 again
            from 10.0.0.5:47466 to 10.0.0.6:22             | from ip-1:47466 to ip-2:22
            gateway 172.17.112.1.                          | gateway ip-1.
            (10.0.0.5), [10.0.0.5], '10.0.0.5', "10.0.0.5" | (ip-1), [ip-1], 'ip-1', "ip-1"
            range 10.0.0.1-10.0.0.9                        | range ip-1-ip-2
            192.168.001.056 is 192.168.1.56                | ip-1 is ip-1
            dst=192.168.1.56,src=10.0.0.5;                 | dst=ip-1,src=ip-2;
            http://10.0.0.5:8443/ and 10.0.0.0/8           | http://ip-1:8443/ and ip-2/8
            100.64.1.2 (CGNAT), 8.8.8.8 and 1.1.1.1        | ip-1 (CGNAT), ip-2 and ip-3
            just outside: 198.20.0.1 192.0.3.1 126.255.255.255 169.255.0.1 | just outside: ip-1 ip-2 ip-3 ip-4
            [fd00::1]:22                                   | [ipv6-1]:22
            fd00::1, FD00:0:0:0:0:0:0:1 and fd00::1.       | ipv6-1, ipv6-1 and ipv6-1.
            connect to fd00::1: refused                    | connect to ipv6-1: refused
            fe80::10a4:cbff:fe50:4701%eth0                 | ipv6-1%eth0
            2a01:4f8:c17:1a2b::7 port 22, 2001:db9::1, fec0::1 | ipv6-1 port 22, ipv6-2, ipv6-3
            ::ffff:192.168.1.56 is 192.168.1.56            | ::ffff:ip-1 is ip-1
            `[::ffff:10.0.0.5]:22`                         | `[::ffff:ip-1]:22`
            64:ff9b::10.0.0.5                              | ipv6-1
            Host 192.168.1.* and 10.20.*.* and 172.17.*    | Host net-1.* and net-2.*.* and net-3.*
            ip=10.0.0.5                                    | ip=ip-1
            ::2 answered first                             | ipv6-1 answered first
            .wslconfig names 10.0.0.5                      | .wslconfig names ip-1
            mapped ::ffff:c0a8:138 is 192.168.1.56         | mapped ::ffff:ip-1 is ip-1
            """)
    void addressesInEveryWritingBecomePlaceholders(String text, String expected) {
        assertThat(redactNote(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1 127.0.0.2 127.255.255.254 ::1 0:0:0:0:0:0:0:1 0.0.0.0 :: [::]:22 0:0:0:0:0:0:0:0 :::22",
            "192.0.2.7 198.51.100.7 203.0.113.7 198.18.0.1 198.19.255.254 2001:db8::7 2001:DB8:0:0:0:0:0:1 [2001:db8::1]:8022",
            "169.254.73.1 via 169.254.73.2, fe80::1, fe80::1%eth0, fe80:0:0:0:215:5dff:0:1, ::ffff:127.0.0.1",
            "netmask 255.255.255.0, broadcast 255.255.255.255",
            "Host 198.19.1.* and 127.0.*, Python 3.*, net-1.* and ip-2",
            "kernel 6.6.87.2-microsoft-standard-WSL2 and 5.15.167.4-microsoft-standard-WSL2+",
            "Kernel version: 5.15.167.4-1",
            "WSL version: 2.4.13.0, Windows version: 10.0.26100.3476, DXCore version: 10.0.26100.1-240331-1435.ge-release",
            "at 03:00:00 and 2026-11-22T03:31:28.177157211Z, 12:34:56.789, 23:59",
            "MAC 12:a4:cb:50:47:01 and 00-15-5d-01-02-03",
            "ssh-ed25519 SHA256:3DIE6ItZxPEQ12udajZ1/fCJhsxpIdGHSH0lTBb8k9U",
            "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026",
            "1.2.3.4.5 is an OID, v1.2.3.4 a tag, std::vector a type, a::b::c nothing",
            "debug1: kex: algorithm: sntrup761x25519-sha512; chacha20-poly1305@openssh.com",
            "ip -6 -j route get ::1 ipproto tcp dport 8443",
            "SYN lowdelay   (ToS 0x10) → no answer within 2007 ms; rtt min/avg/max/mdev = 0.046/0.077/0.138/0.043 ms",
            "Set networkingMode=nat in %UserProfile%\\.wslconfig; ssh other-host 'curl http://<this address>:8443/'",
            "root owns /root/.ssh/config; the root user stays root"})
    void whatIdentifiesNothingAndWhatOnlyLooksLikeAnAddressStays(String text) {
        assertThat(redactNote(text)).isEqualTo(text);
    }

    @Test
    void namesAreWholeWordsInAnyCaseLongestFirst() {
        SshClientFacts ssh = new SshClientFacts(true, "OpenSSH_9.6p1", Map.of("user", "alice", "hostname", "nas.home.arpa"),
                "lowdelay", "throughput", null);
        ReportData report = noting(ssh, "ssh alice@nas.home.arpa as Alice; NAS.Home.Arpa; nas; nas-backup; malice; nasal; "
                + "/home/alice/.ssh/config, C:\\Users\\Alice, search home.arpa; alice.smith");
        DiagnosisResult base = report.result();
        // the target as the user typed it: an alias, which ssh's config maps to nas.home.arpa
        DiagnosisResult withTarget = new DiagnosisResult(base.schemaVersion(), base.tool(), base.toolVersion(), base.startedAt(),
                base.durationMillis(), new DiagnosisResult.Request("nas:22", List.of(), null, 2000, 20000), base.environment(),
                base.probes(), base.findings(), base.verdict(), base.complete());
        DiagnosisResult redacted = Redaction.apply(ReportData.of(withTarget)).result();
        String user = redacted.environment().sshClient().effective().get("user");
        String fqdn = redacted.environment().sshClient().effective().get("hostname");
        String alias = redacted.request().target().replace(":22", "");
        assertThat(List.of(user, fqdn, alias)).doesNotHaveDuplicates().allMatch(p -> p.matches("(user|host)-\\d+"));
        String domain = redactNote(redacted.environment().notes().getFirst()); // a second pass changes nothing more
        assertThat(domain).isEqualTo(redacted.environment().notes().getFirst());
        assertThat(redacted.environment().notes().getFirst()).matches(
                "ssh " + user + "@" + fqdn + " as " + user + "; " + fqdn + "; " + alias + "; " + alias + "-backup; malice; nasal; "
                        + "/home/" + user + "/.ssh/config, C:\\\\Users\\\\" + user + ", search host-\\d+; " + user + ".smith");
    }

    @Test
    void aNameThatDidNotResolveIsHiddenToo() {
        ReportData report = dev.netdoctor.report.fixtures.Results.nameNotResolved();
        ReportData redacted = Redaction.apply(report);
        ProbeOutcome lookup = redacted.result().probes().getFirst();
        assertThat(lookup.status()).isEqualTo(ProbeStatus.COMPLETED);
        ProbeData.Resolution data = lookup.dataAs(ProbeData.Resolution.class).orElseThrow();
        assertThat(data.host()).isEqualTo("host-1");
        assertThat(data.error()).isEqualTo("no address found for host-1");
        assertThat(redacted.result().request().target()).isEqualTo("host-1:22");
        assertThat(RedactionTest.json(redacted)).doesNotContainIgnoringCase("nas").doesNotContainIgnoringCase("arpa");
        assertThat(redacted.result().verdict()).doesNotContain("nas.home.arpa");
    }

    @Test
    void aRealUserNamedLikeAPlaceholderOrRootIsNotCollected() {
        SshClientFacts ssh = new SshClientFacts(true, "OpenSSH_9.6p1", Map.of("user", "root", "hostname", "host-7"), null, null, null);
        assertThat(Redaction.apply(noting(ssh, "root@host-7 and user-2")).result().environment().notes())
                .containsExactly("root@host-7 and user-2");
    }

    @Test
    void exampleNamesStayLikeDocumentationAddresses() {
        SshClientFacts ssh = new SshClientFacts(true, "OpenSSH_9.6p1", Map.of("user", "alice", "hostname", "server.example.com"),
                null, null, null);
        String note = Redaction.apply(noting(ssh, "server.example.com and localhost")).result().environment().notes().getFirst();
        assertThat(note).isEqualTo("server.example.com and localhost");
    }
}
