// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.WindowsPolicy.FirewallProfile;
import dev.netdoctor.model.WindowsPolicy.FirewallRule;
import dev.netdoctor.model.WindowsPolicy.HyperVFirewall;
import dev.netdoctor.model.WindowsPolicy.NameRule;
import dev.netdoctor.model.WindowsPolicy.NetworkProfile;
import dev.netdoctor.model.WindowsPolicy.PortRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading PowerShell's answer from bytes as Windows PowerShell 5.1 writes them (research
 * windows-side.md §4.2, §4.3): every shape a 5.1 script can produce is read right or said to be
 * unknown, never taken for a value it is not.
 */
class PowerShellAnswerTest {
    /** The answer of a stock machine as the script writes it (keys in the order PowerShell's hashtable happens to give). */
    static final String ANSWER = """
            {"firewallProfiles":[{"Name":"Domain","Enabled":"True","DefaultInboundAction":"NotConfigured","AllowInboundRules":"NotConfigured","AllowLocalFirewallRules":"NotConfigured"},\
            {"Name":"Public","Enabled":"True","DefaultInboundAction":"Block","AllowInboundRules":"False","AllowLocalFirewallRules":"True"}],\
            "firewallPolicyDomain":null,"firewallPolicyPrivate":null,"firewallPolicyPublic":{"DoNotAllowExceptions":1,"AllowLocalPolicyMerge":0},\
            "networkProfiles":[{"InterfaceAlias":"vEthernet (WSL)","NetworkCategory":"Public"}],\
            "hyperVFirewall":{"Enabled":"True","DefaultInboundAction":"Block","DefaultOutboundAction":"Allow","LoopbackEnabled":"True","AllowHostPolicyMerge":"True"},\
            "excludedPortsipv4":{"lines":["","Protocol tcp Port Exclusion Ranges","","Start Port    End Port","----------    --------","      5357        5357","     50000       50059     *","","* - Administered port exclusions.",""],"exit":0},\
            "excludedPortsipv6":{"lines":["","Protocol tcp Port Exclusion Ranges","","Start Port    End Port","----------    --------","","* - Administered port exclusions.",""],"exit":0},\
            "portProxyv4tov4":{"0.0.0.0/8080":"172.20.1.2/8080"},"portProxyv4tov6":null,"portProxyv6tov4":null,"portProxyv6tov6":null,\
            "ipHelper":"Running","nameRules":[],"proxy":{"ProxyEnable":0,"ProxyServer":null,"AutoConfigURL":null,"ProxyOverride":null},\
            "ourFirewallRules":[],"psVersion":"5.1.22621.4391","languageMode":"FullLanguage"}""";

    /** The answer with parts changed; a change that finds nothing to change fails the test (it would prove nothing). */
    record Json(String text) {
        Json replace(String from, String to) {
            assertThat(text).as("the answer to change").contains(from);
            return new Json(text.replace(from, to));
        }

        Json replaceFirst(String regex, String to) {
            String changed = text.replaceFirst(regex, to);
            assertThat(changed).as("the answer changed by " + regex).isNotEqualTo(text);
            return new Json(changed);
        }
    }

    private static Json json() {
        return new Json(ANSWER);
    }

    private static WindowsPolicy parse(Json json) {
        return parse(json.text());
    }

    private static WindowsPolicy parse(String json) {
        return PowerShellAnswer.parse(json.getBytes(StandardCharsets.UTF_8), 700, "PowerShell gave no answer");
    }

    private static <T> T known(Fact<T> fact) {
        assertThat(fact.unknownBecause()).as("why it is unknown").isNull();
        return fact.value();
    }

    @Test
    void theScriptsAnswerIsReadWhole() {
        WindowsPolicy p = parse(ANSWER);
        assertThat(known(p.firewallProfiles())).containsExactly(
                new FirewallProfile("Domain", true, "NotConfigured", null, null, null, null),
                new FirewallProfile("Public", true, "Block", false, true, true, false));
        assertThat(known(p.excludedPorts())).containsExactly(new PortRange("IPv4", 5357, 5357, false),
                new PortRange("IPv4", 50000, 50059, true));
        assertThat(known(p.portProxies())).singleElement().satisfies(r -> {
            assertThat(r.listenAddress()).isEqualTo("0.0.0.0");
            assertThat(r.connectPort()).isEqualTo(8080);
        });
        assertThat(known(p.powerShell()).millis()).isEqualTo(700);
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheJson() {
        // Out-File -Encoding utf8 in 5.1 writes EF BB BF; Out-File without -Encoding writes UTF-16LE with FF FE.
        byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(known(PowerShellAnswer.parse(withBom, 1, "none").ipHelper())).isEqualTo("Running");
        byte[] utf16 = ("\uFEFF" + ANSWER).getBytes(StandardCharsets.UTF_16LE);
        assertThat(known(PowerShellAnswer.parse(utf16, 1, "none").ipHelper())).isEqualTo("Running");
        assertThat(known(parse("\uFEFF" + ANSWER).ipHelper())).isEqualTo("Running");
    }

    @Test
    void oneObjectWhereAListWasMeantIsAListOfOne() {
        // A pipeline of one item gives an object, not an array (PowerShell#11857).
        WindowsPolicy p = parse(json().replace("\"networkProfiles\":[{\"InterfaceAlias\":\"vEthernet (WSL)\",\"NetworkCategory\":\"Public\"}]",
                        "\"networkProfiles\":{\"InterfaceAlias\":\"vEthernet (WSL)\",\"NetworkCategory\":\"Public\"}")
                .replace("\"ourFirewallRules\":[]", "\"ourFirewallRules\":{\"Name\":\"WSLNetDoctor-1\",\"DisplayName\":\"d\","
                        + "\"Enabled\":\"True\",\"Direction\":\"Inbound\",\"Action\":\"Allow\",\"LocalPort\":\"1\",\"InterfaceAlias\":\"Any\"}"));
        assertThat(known(p.networkProfiles())).containsExactly(new NetworkProfile("vEthernet (WSL)", "Public"));
        assertThat(known(p.ourFirewallRules())).containsExactly(
                new FirewallRule("WSLNetDoctor-1", "d", true, "Inbound", "Allow", "1", "Any"));
        // netsh's lines likewise: one line is a string.
        WindowsPolicy oneLine = parse(json().replaceFirst("\"lines\":\\[[^\\]]*\\]", "\"lines\":\"     50000       50059     *\""));
        assertThat(known(oneLine.excludedPorts())).contains(new PortRange("IPv4", 50000, 50059, true));
    }

    @Test
    void ourHyperVFirewallRulesCountAsOursBesideTheWindowsDefenderOnes() {
        // other devices into WSL in mirrored mode: the rule lives in the Hyper-V firewall, read by its own cmdlet
        WindowsPolicy p = parse(json().replace("\"ourFirewallRules\":[]", "\"ourFirewallRules\":[],\"ourHyperVRules\":{\"Name\":"
                + "\"WSLNetDoctor-TCP-3000-from-LAN-HyperV\",\"DisplayName\":\"d\",\"Enabled\":\"True\",\"Direction\":\"Inbound\","
                + "\"Action\":\"Allow\",\"LocalPort\":\"3000\",\"InterfaceAlias\":\"WSL\"}"));
        assertThat(known(p.ourFirewallRules())).containsExactly(
                new FirewallRule("WSLNetDoctor-TCP-3000-from-LAN-HyperV", "d", true, "Inbound", "Allow", "3000", "WSL"));
        WindowsPolicy failed = parse(json().replace("\"ourFirewallRules\":[]", "\"ourFirewallRules\":[],\"ourHyperVRules\":{\"error\":\"Access is denied.\"}"));
        assertThat(failed.ourFirewallRules().unknownBecause()).contains("Access is denied.");
    }

    @Test
    void nothingIsNeverFine() {
        for (String nothing : List.of("", "   \r\n", "\uFEFF")) {
            WindowsPolicy p = PowerShellAnswer.parse(nothing.getBytes(StandardCharsets.UTF_8), 5, "PowerShell gave no answer (exit code 1)");
            assertThat(List.of(p.firewallProfiles(), p.ipHelper(), p.ourFirewallRules(), p.powerShell()))
                    .allSatisfy(f -> assertThat(f.unknownBecause()).isEqualTo("PowerShell gave no answer (exit code 1)"));
        }
        assertThat(parse("{\"firewallProfiles\": [").firewallProfiles().unknownBecause()).startsWith("PowerShell's answer is not JSON");
        assertThat(parse("\"System.Collections.Hashtable\"").ipHelper().unknownBecause()).isEqualTo("PowerShell's answer is not the one asked for");
        // A query that found none (an empty pipeline assigned: $null) is an empty list; a part missing is unknown.
        WindowsPolicy p = parse(json().replace("\"ourFirewallRules\":[]", "\"ourFirewallRules\":null").replace("\"nameRules\":[],", ""));
        assertThat(known(p.ourFirewallRules())).isEmpty();
        assertThat(p.nameRules().unknownBecause()).isEqualTo("PowerShell's answer has nothing on the name resolution policy");
    }

    @Test
    void enumsThatArriveAsNumbersAreMappedWithWindowsTables() {
        Json numbers = json()
                .replace("{\"Name\":\"Public\",\"Enabled\":\"True\",\"DefaultInboundAction\":\"Block\",\"AllowInboundRules\":\"False\",\"AllowLocalFirewallRules\":\"True\"}",
                        "{\"Name\":\"Public\",\"Enabled\":1,\"DefaultInboundAction\":4,\"AllowInboundRules\":0,\"AllowLocalFirewallRules\":2}")
                .replace("\"NetworkCategory\":\"Public\"", "\"NetworkCategory\":2")
                .replace("\"hyperVFirewall\":{\"Enabled\":\"True\",\"DefaultInboundAction\":\"Block\",\"DefaultOutboundAction\":\"Allow\"",
                        "\"hyperVFirewall\":{\"Enabled\":0,\"DefaultInboundAction\":2,\"DefaultOutboundAction\":0")
                .replace("\"ipHelper\":\"Running\"", "\"ipHelper\":4")
                .replace("\"languageMode\":\"FullLanguage\"", "\"languageMode\":3")
                .replace("\"ourFirewallRules\":[]", "\"ourFirewallRules\":[{\"Name\":\"WSLNetDoctor-1\",\"Enabled\":2,\"Direction\":1,\"Action\":4}]");
        WindowsPolicy p = parse(numbers);
        assertThat(known(p.firewallProfiles()).getLast()).isEqualTo(new FirewallProfile("Public", true, "Block", false, null, true, false));
        assertThat(known(p.networkProfiles())).containsExactly(new NetworkProfile("vEthernet (WSL)", "DomainAuthenticated"));
        assertThat(known(p.hyperVFirewall())).isEqualTo(new HyperVFirewall(false, "Allow", "NotConfigured", true, true));
        assertThat(known(p.ipHelper())).isEqualTo("Running");
        assertThat(known(p.powerShell()).languageMode()).isEqualTo("ConstrainedLanguage");
        assertThat(known(p.ourFirewallRules())).containsExactly(
                new FirewallRule("WSLNetDoctor-1", null, false, "Inbound", "Block", null, null));
        // A number outside the table is no value at all.
        assertThat(parse(json().replace("\"ipHelper\":\"Running\"", "\"ipHelper\":9")).ipHelper().unknownBecause())
                .contains("the unknown value 9");
    }

    @Test
    void dotNetDatesAreInstants() throws Exception {
        // 5.1 writes DateTime as "\/Date(ms)\/"; Get-Date's output as {value, DisplayHint, DateTime} (§4.2).
        assertThat(PowerShellAnswer.text(new TextNode("/Date(1720919582928)/"))).isEqualTo("2024-07-14T01:13:02.928Z");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"value\":\"\\/Date(0)\\/\",\"DisplayHint\":2,\"DateTime\":\"Thursday, January 1, 1970 12:00:00 AM\"}");
        assertThat(PowerShellAnswer.text(tree)).isEqualTo("1970-01-01T00:00:00Z");
        WindowsPolicy p = parse(json().replace("\"psVersion\":\"5.1.22621.4391\"", "\"psVersion\":\"\\/Date(0)\\/\""));
        assertThat(known(p.powerShell()).version()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void textWhereAnObjectBelongsIsAnAnswerCutShortNeverAValue() {
        // ConvertTo-Json's default depth 2 turns deeper objects into their ToString(): a type name, or a list joined by blanks.
        String cim = "Microsoft.Management.Infrastructure.CimInstance";
        assertThat(parse(json().replaceFirst("\"firewallProfiles\":\\[.*?\\}\\],", "\"firewallProfiles\":[\"" + cim + "\",\"" + cim + "\"],"))
                .firewallProfiles().unknownBecause()).contains("'" + cim + "' where the firewall profiles were expected");
        assertThat(parse(json().replaceFirst("\"hyperVFirewall\":\\{.*?\\},", "\"hyperVFirewall\":\"" + cim + "\","))
                .hyperVFirewall().unknownBecause()).contains(cim);
        assertThat(parse(json().replace("\"DefaultInboundAction\":\"Block\",\"DefaultOutboundAction\"",
                "\"DefaultInboundAction\":\"" + cim + "\",\"DefaultOutboundAction\"")).hyperVFirewall().unknownBecause()).contains(cim);
        assertThat(parse(json().replace("\"nameRules\":[]", "\"nameRules\":[{\"Namespace\":\".corp\",\"NameServers\":\"10.0.0.1 10.0.0.2\"}]"))
                .nameRules().unknownBecause()).contains("'10.0.0.1 10.0.0.2' where a list of names was expected");
        assertThat(parse(json().replace("\"firewallPolicyPublic\":{\"DoNotAllowExceptions\":1,\"AllowLocalPolicyMerge\":0}",
                "\"firewallPolicyPublic\":\"System.Management.Automation.PSCustomObject\"")).firewallProfiles().unknownBecause())
                .contains("group policy of the Public profile");
        // Lists of names as an older script gives them: an array, or one name as text.
        WindowsPolicy arrays = parse(json().replace("\"nameRules\":[]",
                "\"nameRules\":[{\"Namespace\":[\".a\",\".b\"],\"NameServers\":[\"10.0.0.1\",\"10.0.0.2\"]},{\"Namespace\":\".c\",\"NameServers\":\"fd00::1\"}]"));
        assertThat(known(arrays.nameRules())).containsExactly(new NameRule(".a", List.of("10.0.0.1", "10.0.0.2")),
                new NameRule(".b", List.of("10.0.0.1", "10.0.0.2")), new NameRule(".c", List.of("fd00::1")));
    }

    @Test
    void aFailedQueryIsUnknownWithWindowsOwnWords() {
        WindowsPolicy p = parse(json().replace("\"ipHelper\":\"Running\"", "\"ipHelper\":{\"error\":\"Access is denied.\"}")
                .replace("\"nameRules\":[]", "\"nameRules\":{\"error\":\"Der Zugriff wurde verweigert.\"}")
                .replace("\"hyperVFirewall\":{\"Enabled\"", "\"hyperVFirewallX\":{\"Enabled\"")
                .replace("\"psVersion\"", "\"hyperVFirewall\":{\"unsupported\":true},\"psVersion\""));
        assertThat(p.ipHelper().unknownBecause()).isEqualTo("Windows did not tell the IP Helper service: Access is denied.");
        assertThat(p.nameRules().unknownBecause()).endsWith(": Der Zugriff wurde verweigert.");
        assertThat(p.hyperVFirewall().unknownBecause()).isEqualTo("not on this Windows (the Hyper-V firewall came with Windows 11 22H2)");
        assertThat(known(p.firewallProfiles())).hasSize(2);
    }

    @Test
    void netshThatFailedOrSaidNothingIsUnknownNotNoRanges() {
        WindowsPolicy failed = parse(json().replaceFirst("\"lines\":\\[[^\\]]*\\],\"exit\":0",
                "\"lines\":[\"The requested operation requires elevation (Run as administrator).\",\"\"],\"exit\":1"));
        assertThat(failed.excludedPorts().unknownBecause()).contains("netsh could not list the reserved ports: The requested operation requires elevation");
        WindowsPolicy silent = parse(json().replaceFirst("\"lines\":\\[[^\\]]*\\]", "\"lines\":[]"));
        assertThat(silent.excludedPorts().unknownBecause()).contains("netsh listed nothing");
        // OEM text from a German netsh still has its numbers where they were.
        String german = new String("Portausschlussbereiche für das Protokoll \"tcp\"".getBytes(Charset.forName("IBM850")), StandardCharsets.ISO_8859_1);
        WindowsPolicy mangled = parse(json().replace("Protocol tcp Port Exclusion Ranges", german.replace("\"", "\\\"")));
        assertThat(known(mangled.excludedPorts())).hasSize(2);
    }

    @Test
    void aPortProxyRuleThatIsNotAddressSlashPortIsNotGuessed() {
        WindowsPolicy p = parse(json().replace("{\"0.0.0.0/8080\":\"172.20.1.2/8080\"}", "{\"0.0.0.0/8080\":\"wsl.local\"}"));
        assertThat(p.portProxies().unknownBecause()).contains("0.0.0.0/8080");
        WindowsPolicy v6 = parse(json().replace("\"portProxyv6tov6\":null", "\"portProxyv6tov6\":{\"::/2222\":\"::1/22\"}"));
        assertThat(known(v6.portProxies())).hasSize(2).last().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("v6tov6");
            assertThat(r.listenAddress()).isEqualTo("::");
            assertThat(r.connectAddress()).isEqualTo("::1");
        });
    }
}
