// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.testing.TestContext;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.PolicyRule;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where TCP to this computer's own addresses goes, as the kernel of a scripted Linux answers
 * {@code ip -j route get}: like WSL's mirrored mode (TCP to 127.0.0.1 and to the own address
 * policy-routed out of loopback0), and like a plain Linux where everything stays on lo.
 */
class LocalRoutesProbeTest {
    private static final String LO = "[{\"type\":\"local\",\"dst\":\"%s\",\"dev\":\"lo\",\"prefsrc\":\"%s\",\"flags\":[],\"cache\":[\"local\"]}]";
    private static final String MIRRORED = "[{\"dst\":\"%s\",\"gateway\":\"169.254.73.152\",\"dev\":\"loopback0\",\"table\":\"127\","
            + "\"prefsrc\":\"%s\",\"flags\":[],\"cache\":[]}]";
    private static final String RULES = """
            [{"priority":0,"src":"all","table":"local"},
             {"priority":5,"src":"all","ipproto":"tcp","dst":"127.0.0.1","table":"127"},
             {"priority":32766,"src":"all","table":"main"}]""";
    private static final String RULES6 = """
            [{"priority":0,"src":"all","table":"local"},{"priority":32766,"src":"all","table":"main"}]""";

    private static String lo(String a) {
        return LO.formatted(a, a);
    }

    private static String mirrored(String a) {
        return MIRRORED.formatted(a, a);
    }

    private static List<String> summaries(ProbeReport r) {
        return r.evidence().stream().map(Evidence::summary).toList();
    }

    @Test
    void inMirroredModeTcpToOwnAddressesLeavesThroughAnotherInterfaceWhilePingsStayOnLo() throws Exception {
        ScriptedLinux linux = new ScriptedLinux("ip")
                .answer("ip -j route get 127.0.0.1", lo("127.0.0.1"))
                .answer("ip -j route get 127.0.0.1 ipproto tcp", mirrored("127.0.0.1"))
                .answer("ip -j route get 127.0.0.1 ipproto tcp dport 8443", mirrored("127.0.0.1"))
                .answer("ip -6 -j route get ::1 ipproto tcp", lo("::1"))
                .answer("ip -6 -j route get ::1 ipproto tcp dport 8443", lo("::1"))
                .answer("ip -j route get 198.18.2.2 ipproto tcp", mirrored("198.18.2.2"))
                .answer("ip -j route get 198.18.2.2 ipproto tcp dport 8443", mirrored("198.18.2.2"))
                .fail("ip -6 -j route get 2001:db8::2 ipproto tcp", 2, "")
                .fail("ip -6 -j route get 2001:db8::2 ipproto tcp dport 8443", 2, "RTNETLINK answers: Network is unreachable\n")
                .answer("ip -j route get 127.0.0.2 ipproto tcp", lo("127.0.0.2"))
                .answer("ip -j route get 127.0.0.2 ipproto tcp dport 8443", lo("127.0.0.2"))
                .answer("ip -j rule list", RULES)
                .answer("ip -6 -j rule list", RULES6);
        TestContext ctx = new TestContext(null, List.of(8443), null, linux, Environments.linuxWith(
                new NetInterface("lo", 65536, true, List.of("127.0.0.1"), List.of("::1")),
                new NetInterface("eth0", 1500, true, List.of("198.18.2.2"), List.of("fe80::1", "2001:db8::2"))));

        ProbeReport r = new LocalRoutesProbe().run(ctx);

        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(r.summary()).isEqualTo("4 TCP routes to this computer's own addresses leave through another interface: "
                + "127.0.0.1 (tcp) → loopback0 via 169.254.73.152 [table 127]");
        assertThat(r.parameters()).containsEntry("addresses", "127.0.0.1,::1,198.18.2.2,2001:db8::2,127.0.0.2");
        ProbeData.Routes routes = (ProbeData.Routes) r.data();
        assertThat(routes.lookups()).extracting(RouteLookup::describe).containsExactly(
                "127.0.0.1 → lo",
                "127.0.0.1 (tcp) → loopback0 via 169.254.73.152 [table 127]",
                "127.0.0.1 (tcp port 8443) → loopback0 via 169.254.73.152 [table 127]",
                "::1 (tcp) → lo",
                "::1 (tcp port 8443) → lo",
                "198.18.2.2 (tcp) → loopback0 via 169.254.73.152 [table 127]",
                "198.18.2.2 (tcp port 8443) → loopback0 via 169.254.73.152 [table 127]",
                "2001:db8::2 (tcp) → no route: exit 2",
                "2001:db8::2 (tcp port 8443) → no route: RTNETLINK answers: Network is unreachable",
                "127.0.0.2 (tcp) → lo",
                "127.0.0.2 (tcp port 8443) → lo");
        // Each answer is shown live as it comes, and kept as evidence with the command that asked.
        assertThat(ctx.routeLines).containsExactlyInAnyOrderElementsOf(routes.lookups());
        assertThat(r.evidence()).filteredOn(e -> e.summary().startsWith("::1 (tcp) "))
                .singleElement().satisfies(e -> assertThat(e.command()).isEqualTo("ip -6 -j route get ::1 ipproto tcp"));
        assertThat(routes.rules()).extracting(PolicyRule::priority).containsExactly(0, 5, 32766, 0, 32766);
        assertThat(summaries(r)).endsWith("3 IPv4 policy rules", "IPv6 policy rules");
        assertThat(r.evidence()).last().satisfies(e -> assertThat(e.command()).isEqualTo("ip -6 -j rule list"));
    }

    @Test
    void onlyTcpRoutesThatWereFoundCountAsLeaving() throws Exception {
        // ICMP's route is not TCP's, and a lookup without an answer says nothing about where TCP goes.
        ScriptedLinux linux = new ScriptedLinux("ip")
                .answer("ip -j route get 127.0.0.1", "[{\"dst\":\"127.0.0.1\",\"dev\":\"eth0\",\"prefsrc\":\"198.18.2.2\"}]")
                .answer("ip -j route get 127.0.0.1 ipproto tcp", lo("127.0.0.1"))
                .fail("ip -j route get 127.0.0.2 ipproto tcp", 1, "Error: ipproto is not supported\n")
                .answer("ip -j rule list", RULES);
        TestContext ctx = new TestContext(null, List.of(), null, linux,
                Environments.linuxWith(new NetInterface("lo", 65536, true, List.of("127.0.0.1"), List.of())));

        ProbeReport r = new LocalRoutesProbe().run(ctx);

        assertThat(r.summary()).isEqualTo("TCP to this computer's own addresses stays on lo");
        assertThat(r.parameters()).containsEntry("addresses", "127.0.0.1,127.0.0.2");
        assertThat(((ProbeData.Routes) r.data()).lookups()).extracting(RouteLookup::error)
                .containsExactly(null, null, "Error: ipproto is not supported");
        // No IPv6 address of its own: no IPv6 rules to ask for.
        assertThat(linux.asked).doesNotContain("ip -6 -j rule list").contains("ip -j rule list");
        assertThat(summaries(r)).last().isEqualTo("3 IPv4 policy rules");
    }

    @Test
    void withoutTheIpCommandTheLookupIsSkippedWithTheReason() throws Exception {
        ScriptedLinux linux = new ScriptedLinux();
        ProbeReport r = new LocalRoutesProbe().run(new TestContext(null, List.of(), null, linux, Environments.LOOPBACK_ONLY));
        assertThat(r.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(r.summary()).isEqualTo("the ip command is not installed on a scripted Linux (package iproute2)");
        assertThat(linux.asked).isEmpty();
    }
}
