// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.testing.TestContext;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Name lookup, ping and the route to the target, as they read a scripted Linux's answers:
 * what each says when it gets an answer, when it gets none, and when its command is missing.
 * Nothing is sent anywhere.
 */
class ScriptedProbesTest {
    private static TestContext towards(String target, ScriptedLinux linux) {
        return new TestContext(target, List.of(), null, linux, Environments.LOOPBACK_ONLY);
    }

    private static List<String> evidence(ProbeReport r) {
        return r.evidence().stream().map(Evidence::summary).toList();
    }

    @Test
    void aNameIsResolvedAsTheCLibraryDoesIpv4First() throws Exception {
        ScriptedLinux linux = new ScriptedLinux("getent").answer("getent ahosts nas", """
                2001:db8::5     STREAM nas
                198.18.0.5      STREAM
                """);
        TestContext ctx = towards("nas:22", linux);
        ProbeReport r = new NameResolutionProbe().run(ctx);
        assertThat(r.summary()).isEqualTo("nas → 198.18.0.5, 2001:db8::5");
        ProbeData.Resolution res = (ProbeData.Resolution) r.data();
        assertThat(res.error()).isNull();
        assertThat(res.method()).isEqualTo("getent ahosts");
        assertThat(r.parameters()).containsEntry("host", "nas");
        assertThat(r.evidence()).singleElement().satisfies(e -> assertThat(e.command()).isEqualTo("getent ahosts nas"));
        assertThat(ctx.progress).containsExactly("asking the resolver for nas");
    }

    @Test
    void aNameWithoutAddressAndAResolverThatDoesNotAnswerAreToldApart() throws Exception {
        ScriptedLinux linux = new ScriptedLinux("getent").fail("getent ahosts nas", 2, "").timeOut("getent ahosts slow", "");
        ProbeReport none = new NameResolutionProbe().run(towards("nas:22", linux));
        assertThat(none.summary()).isEqualTo("no address found for nas");
        assertThat(((ProbeData.Resolution) none.data()).error()).isEqualTo("no address found for nas");
        assertThat(((ProbeData.Resolution) none.data()).resolved()).isFalse();
        ProbeReport slow = new NameResolutionProbe().run(towards("slow:22", linux));
        assertThat(slow.summary()).isEqualTo("the resolver did not answer within 5 s");
        assertThat(((ProbeData.Resolution) slow.data()).error()).isEqualTo("the resolver did not answer within 5 s");
    }

    @Test
    void withoutGetentANameCannotBeLookedUpButAnAddressNeedsNoLookup() throws Exception {
        ScriptedLinux linux = new ScriptedLinux();
        ProbeReport r = new NameResolutionProbe().run(towards("nas:22", linux));
        assertThat(r.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(r.summary()).isEqualTo("getent is not available on a scripted Linux");
        ProbeReport literal = new NameResolutionProbe().run(towards("198.18.0.5:22", linux));
        assertThat(literal.summary()).isEqualTo("198.18.0.5 is already an address");
        assertThat(((ProbeData.Resolution) literal.data()).addresses()).containsExactly("198.18.0.5");
        assertThat(linux.asked).isEmpty();
    }

    @Test
    void pingSaysHowManyWereAnsweredAndHowFast() throws Exception {
        ScriptedLinux linux = new ScriptedLinux("ping")
                .answer("ping -6 -n -c 3 -i 0.1 -W 1 -w 2 2001:db8::5", """
                        3 packets transmitted, 3 received, 0% packet loss, time 205ms
                        rtt min/avg/max/mdev = 0.041/2.000/0.511/0.180 ms
                        """)
                .answer("ping -4 -n -c 3 -i 0.1 -W 1 -w 2 198.18.0.5", "3 packets transmitted, 2 received, 33% packet loss, time 205ms\n")
                .fail("ping -4 -n -c 3 -i 0.1 -W 1 -w 2 198.18.0.6", 1, "");
        TestContext ctx = towards("[2001:db8::5]:22", linux);
        ProbeReport v6 = new PingProbe().run(ctx);
        assertThat(v6.summary()).isEqualTo("2001:db8::5 answered 3 of 3 pings (2.0 ms)");
        assertThat(v6.parameters()).containsEntry("count", "3");
        assertThat(evidence(v6)).containsExactly(v6.summary());
        assertThat(ctx.progress).containsExactly("pinging 2001:db8::5");
        assertThat(new PingProbe().run(towards("198.18.0.5:22", linux)).summary()).isEqualTo("198.18.0.5 answered 2 of 3 pings");
        ProbeReport silent = new PingProbe().run(towards("198.18.0.6:22", linux));
        assertThat(silent.summary()).isEqualTo("198.18.0.6 did not answer ping");
        assertThat(((ProbeData.Ping) silent.data()).sent()).isEqualTo(3);
    }

    @Test
    void withoutPingThereIsNoPing() throws Exception {
        ProbeReport r = new PingProbe().run(towards("198.18.0.5:22", new ScriptedLinux()));
        assertThat(r.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(r.summary()).isEqualTo("ping is not installed on a scripted Linux (Debian/Ubuntu package iputils-ping)");
    }

    @Test
    void theRouteIsAskedAsPingAndAsTcpAndAFailedAnswerSaysHowItEnded() throws Exception {
        ScriptedLinux linux = new ScriptedLinux("ip")
                .answer("ip -j route get 198.18.0.5", "[{\"dst\":\"198.18.0.5\",\"gateway\":\"198.18.1.1\",\"dev\":\"eth0\"}]")
                .fail("ip -j route get 198.18.0.5 ipproto tcp dport 22", 2, "")
                .answer("ip -j rule list", "[{\"priority\":0,\"src\":\"all\",\"table\":\"local\"}]");
        TestContext ctx = towards("198.18.0.5:22", linux);
        ProbeReport r = new RouteProbe().run(ctx);
        assertThat(r.summary()).isEqualTo("198.18.0.5 → eth0 via 198.18.1.1; 198.18.0.5 (tcp port 22) → no route: exit 2");
        List<RouteLookup> lookups = ((ProbeData.Routes) r.data()).lookups();
        assertThat(ctx.routeLines).as("each answer is shown as it comes").containsExactlyElementsOf(lookups);
        assertThat(evidence(r)).containsExactly("198.18.0.5 → eth0 via 198.18.1.1", "198.18.0.5 (tcp port 22) → no route: exit 2",
                "1 policy routing rules");
        ProbeReport missing = new RouteProbe().run(towards("198.18.0.5:22", new ScriptedLinux()));
        assertThat(missing.summary()).isEqualTo("the ip command is not installed on a scripted Linux (package iproute2)");
    }
}
