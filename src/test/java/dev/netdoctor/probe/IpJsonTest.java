// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.PolicyRule;
import dev.netdoctor.model.RouteLookup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IpJsonTest {
    @Test
    void readsARouteThroughAGateway() {
        RouteLookup r = IpJson.route("198.19.1.2", null,
                "[{\"dst\":\"198.19.1.2\",\"gateway\":\"198.18.1.1\",\"dev\":\"eth0\",\"prefsrc\":\"198.18.1.2\",\"flags\":[],\"uid\":0,\"cache\":[]}]", null);
        assertThat(r.found()).isTrue();
        assertThat(r.device()).isEqualTo("eth0");
        assertThat(r.gateway()).isEqualTo("198.18.1.1");
        assertThat(r.describe()).isEqualTo("198.19.1.2 → eth0 via 198.18.1.1");
    }

    @Test
    void readsAPolicyRoutedLoopbackLikeMirroredWsl() {
        // The shape of WSL mirrored mode's answer: a local address leaving through loopback0.
        RouteLookup r = IpJson.route("127.0.0.1", "tcp",
                "[{\"dst\":\"127.0.0.1\",\"gateway\":\"169.254.73.152\",\"dev\":\"loopback0\",\"table\":\"127\",\"prefsrc\":\"127.0.0.1\",\"flags\":[],\"uid\":0,\"cache\":[]}]", null);
        assertThat(r.device()).isEqualTo("loopback0");
        assertThat(r.table()).isEqualTo("127");
        assertThat(r.describe()).isEqualTo("127.0.0.1 (tcp) → loopback0 via 169.254.73.152 [table 127]");
    }

    @Test
    void noRouteIsAnErrorNotAnException() {
        RouteLookup r = IpJson.route("198.19.9.9", null, "", "RTNETLINK answers: Network is unreachable");
        assertThat(r.found()).isFalse();
        assertThat(r.describe()).contains("no route").contains("unreachable");
        assertThat(IpJson.route("x", null, "not json", null).found()).isFalse();
    }

    @Test
    void readsPolicyRules() {
        List<PolicyRule> rules = IpJson.rules("""
                [{"priority":0,"src":"all","table":"local"},
                 {"priority":5,"src":"all","ipproto":"tcp","dst":"127.0.0.1","table":"127"},
                 {"priority":32766,"src":"all","table":"main"}]""");
        assertThat(rules).hasSize(3);
        assertThat(rules.get(1).priority()).isEqualTo(5);
        assertThat(rules.get(1).selector()).contains("ipproto tcp").contains("dst 127.0.0.1");
        assertThat(rules.get(1).action()).isEqualTo("lookup 127");
        assertThat(IpJson.rules("garbage")).isEmpty();
    }

    @Test
    void aRuleSaysWhatItSelectsAndWhatItDoes() {
        List<PolicyRule> rules = IpJson.rules("""
                [{"priority":5,"src":"all","ipproto":"tcp","dst":"127.0.0.1","table":"127"},
                 {"priority":6,"src":"198.18.0.0","srclen":15,"action":"unreachable"},
                 {"priority":7,"fwmark":"0x1","goto":32766},
                 {"priority":8,"src":"all","action":"nop","flags":["unresolved"]},
                 {"src":"all"}]""");
        assertThat(rules).extracting(PolicyRule::selector).containsExactly("src all ipproto tcp dst 127.0.0.1",
                "src 198.18.0.0 srclen 15", "fwmark 0x1", "src all", "src all");
        assertThat(rules).extracting(PolicyRule::action).containsExactly("lookup 127", "unreachable", "goto 32766", "nop", "");
        assertThat(rules).extracting(PolicyRule::priority).containsExactly(5, 6, 7, 8, -1);
    }

    @Test
    void anEmptyAnswerIsNoRoute() {
        RouteLookup r = IpJson.route("198.19.9.9", "tcp", 22, "[]", null);
        assertThat(r.found()).isFalse();
        assertThat(r.describe()).isEqualTo("198.19.9.9 (tcp port 22) → no route: empty answer");
        assertThat(IpJson.route("198.19.9.9", null, "", null).describe()).isEqualTo("198.19.9.9 → no route: no answer");
    }
}
