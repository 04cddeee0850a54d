// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.Fact;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.WindowsPolicy.FirewallProfile;
import dev.netdoctor.model.WindowsPolicy.FirewallRule;
import dev.netdoctor.model.WindowsPolicy.HyperVFirewall;
import dev.netdoctor.model.WindowsPolicy.NameRule;
import dev.netdoctor.model.WindowsPolicy.NetworkProfile;
import dev.netdoctor.model.WindowsPolicy.PortProxy;
import dev.netdoctor.model.WindowsPolicy.PortRange;
import dev.netdoctor.model.WindowsPolicy.Proxy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PowerShell batch against src/test/lab/fake-powershell.exe, which plays Windows PowerShell 5.1
 * with the quirks of research windows-side.md §9 items 8-10 and 13. Each test sets one quirk and
 * fails if the script or the reading of its answer does not handle it.
 */
class PowerShellBatchTest {
    static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @BeforeAll
    static void standInRuns() {
        assumeTrue(FakePowerShell.runs(), "Skipping: the powershell.exe stand-in needs python3");
    }

    private WindowsPolicy read(String... settings) throws InterruptedException {
        return PowerShellBatch.read(FakePowerShell.EXE, LIMIT, FakePowerShell.env(folder, settings));
    }

    private static <T> T known(Fact<T> fact) {
        assertThat(fact.unknownBecause()).as("why it is unknown").isNull();
        return fact.value();
    }

    private static List<Fact<?>> parts(WindowsPolicy p) {
        return List.of(p.firewallProfiles(), p.networkProfiles(), p.hyperVFirewall(), p.excludedPorts(), p.portProxies(),
                p.ipHelper(), p.nameRules(), p.proxy(), p.ourFirewallRules(), p.powerShell());
    }

    @Test
    void aStockWindows11IsReadWholeFromOneRun() throws Exception {
        WindowsPolicy p = read();
        assertThat(parts(p)).allSatisfy(f -> assertThat(f.unknownBecause()).as("every part is known").isNull());
        assertThat(known(p.firewallProfiles())).containsExactly(
                new FirewallProfile("Domain", true, "NotConfigured", null, null, null, null),
                new FirewallProfile("Private", true, "NotConfigured", null, null, null, null),
                new FirewallProfile("Public", true, "NotConfigured", null, null, null, null));
        assertThat(known(p.networkProfiles())).contains(new NetworkProfile("vEthernet (WSL (Hyper-V firewall))", "Public"));
        assertThat(known(p.hyperVFirewall())).isEqualTo(new HyperVFirewall(true, "Block", "Allow", true, true));
        assertThat(known(p.excludedPorts())).isEmpty();
        assertThat(known(p.portProxies())).isEmpty();
        assertThat(known(p.ipHelper())).isEqualTo("Running");
        assertThat(known(p.nameRules())).isEmpty();
        assertThat(known(p.proxy())).isEqualTo(new Proxy(false, null, null, null));
        assertThat(known(p.ourFirewallRules())).isEmpty();
        assertThat(known(p.powerShell()).version()).startsWith("5.1.");
        assertThat(known(p.powerShell()).languageMode()).isEqualTo("FullLanguage");
    }

    static final String BUSY_MACHINE = """
            {"firewallProfiles": [
               {"Name": "Domain", "Enabled": "True", "DefaultInboundAction": "NotConfigured", "DefaultOutboundAction": "NotConfigured",
                "AllowInboundRules": "NotConfigured", "AllowLocalFirewallRules": "NotConfigured"},
               {"Name": "Private", "Enabled": "False", "DefaultInboundAction": "Allow", "DefaultOutboundAction": "NotConfigured",
                "AllowInboundRules": "True", "AllowLocalFirewallRules": "True"},
               {"Name": "Public", "Enabled": "True", "DefaultInboundAction": "Block", "DefaultOutboundAction": "Allow",
                "AllowInboundRules": "False", "AllowLocalFirewallRules": "False"}],
             "firewallPolicy": {"Public": {"DoNotAllowExceptions": 1, "AllowLocalPolicyMerge": 0}, "Domain": {"EnableFirewall": 1}},
             "networkProfiles": [
               {"Name": "Netz", "InterfaceAlias": "以太网", "InterfaceIndex": 3, "NetworkCategory": "DomainAuthenticated"},
               {"Name": "Sieć", "InterfaceAlias": "Połączenie sieciowe Bluetooth", "InterfaceIndex": 9, "NetworkCategory": "Private"}],
             "hyperVFirewall": {"Enabled": "True", "DefaultInboundAction": "Allow", "DefaultOutboundAction": "Block",
                                "LoopbackEnabled": "False", "AllowHostPolicyMerge": "NotConfigured"},
             "excludedPorts": {"ipv4": [[5357, 5357, false], [50000, 50059, true]], "ipv6": [[61222, 61321, false]]},
             "portProxies": {"v4tov4": [{"listenAddress": "0.0.0.0", "listenPort": 8080, "connectAddress": "172.20.1.2", "connectPort": 80}],
                             "v6tov4": [{"listenAddress": "::", "listenPort": 2222, "connectAddress": "127.0.0.1", "connectPort": 22}]},
             "ipHelper": "Stopped",
             "nrpt": [{"Namespace": ".corp.example", "NameServers": ["10.1.1.1", "10.1.1.2"]},
                      {"Namespace": ".lab.example", "NameServers": ["fd00::53"]}],
             "proxy": {"ProxyEnable": 1, "ProxyServer": "proxy.corp.example:3128", "ProxyOverride": "<local>;*.corp.example"},
             "firewallRules": [
               {"Name": "WSLNetDoctor-5432", "DisplayName": "WSL Net Doctor: PostgreSQL from WSL", "Enabled": "True",
                "Direction": "Inbound", "Action": "Allow", "Protocol": "TCP", "LocalPort": ["5432"],
                "InterfaceAlias": ["vEthernet (WSL)"]},
               {"Name": "SomeoneElse", "DisplayName": "Not ours", "Direction": "Inbound", "Action": "Block"}]}
            """;

    @Test
    void everyPartOfABusyMachineArrivesAsWindowsHasIt() throws Exception {
        // German netsh and the cp850 console: neither may touch what arrives, the localized aliases included.
        WindowsPolicy p = read("FAKE_PS_MACHINE", FakePowerShell.machine(folder, BUSY_MACHINE).toString(),
                "FAKE_PS_LANG", "de", "FAKE_PS_OEM", "cp850");
        assertThat(known(p.firewallProfiles())).containsExactly(
                new FirewallProfile("Domain", true, "NotConfigured", null, null, null, null),
                new FirewallProfile("Private", false, "Allow", true, true, null, null),
                new FirewallProfile("Public", true, "Block", false, false, true, false));
        assertThat(known(p.networkProfiles())).containsExactly(
                new NetworkProfile("以太网", "DomainAuthenticated"),
                new NetworkProfile("Połączenie sieciowe Bluetooth", "Private"));
        assertThat(known(p.hyperVFirewall())).isEqualTo(new HyperVFirewall(true, "Allow", "Block", false, null));
        assertThat(known(p.excludedPorts())).containsExactly(
                new PortRange("IPv4", 5357, 5357, false), new PortRange("IPv4", 50000, 50059, true),
                new PortRange("IPv6", 61222, 61321, false));
        assertThat(known(p.portProxies())).containsExactly(
                new PortProxy("v4tov4", "0.0.0.0", 8080, "172.20.1.2", 80), new PortProxy("v6tov4", "::", 2222, "127.0.0.1", 22));
        assertThat(known(p.ipHelper())).isEqualTo("Stopped");
        assertThat(known(p.nameRules())).containsExactly(
                new NameRule(".corp.example", List.of("10.1.1.1", "10.1.1.2")), new NameRule(".lab.example", List.of("fd00::53")));
        assertThat(known(p.proxy())).isEqualTo(new Proxy(true, "proxy.corp.example:3128", null, "<local>;*.corp.example"));
        assertThat(known(p.ourFirewallRules())).containsExactly(new FirewallRule("WSLNetDoctor-5432",
                "WSL Net Doctor: PostgreSQL from WSL", true, "Inbound", "Allow", "5432", "vEthernet (WSL)"));
    }

    @Test
    void netshIsReadByItsShapeInEveryLanguage() throws Exception {
        Path machine = FakePowerShell.machine(folder, """
                {"excludedPorts": {"ipv4": [[1025, 1124, false], [50000, 50059, true]], "ipv6": []}}""");
        for (String language : List.of("en", "de", "es")) {
            WindowsPolicy p = read("FAKE_PS_MACHINE", machine.toString(), "FAKE_PS_LANG", language);
            assertThat(known(p.excludedPorts())).as(language).containsExactly(
                    new PortRange("IPv4", 1025, 1124, false), new PortRange("IPv4", 50000, 50059, true));
        }
    }

    @Test
    void constrainedLanguageModeReadsEverythingToo() throws Exception {
        // AppLocker/WDAC machines: no method calls, no property setting on non-core types (§4.1).
        WindowsPolicy p = read("FAKE_PS_LANGUAGE", "ConstrainedLanguage");
        assertThat(parts(p)).allSatisfy(f -> assertThat(f.unknownBecause()).isNull());
        assertThat(known(p.powerShell()).languageMode()).isEqualTo("ConstrainedLanguage");
    }

    @Test
    void windows10SaysTheHyperVFirewallIsNotThereAndReadsTheRest() throws Exception {
        WindowsPolicy p = read("FAKE_PS_WINDOWS_BUILD", "19045");
        assertThat(p.hyperVFirewall().unknownBecause()).isEqualTo(
                "not on this Windows (the Hyper-V firewall came with Windows 11 22H2)");
        assertThat(known(p.firewallProfiles())).hasSize(3);
        assertThat(known(p.ourFirewallRules())).isEmpty();
    }

    @Test
    void theStandInWrappedWithItsSettingsIsAPathLikeWindowsOwn() throws Exception {
        // What a test passes as --powershell-exe: the settings travel inside the wrapper.
        Path wrapper = FakePowerShell.with(folder, FakePowerShell.env(folder, "FAKE_PS_WINDOWS_BUILD", "19045"));
        WindowsPolicy p = PowerShellBatch.read(wrapper, LIMIT);
        assertThat(p.hyperVFirewall().unknownBecause()).startsWith("not on this Windows");
        assertThat(known(p.ipHelper())).isEqualTo("Running");
    }

    @Test
    void aReadWindowsRefusesIsUnknownWithWindowsReasonAndTheOthersAreRead() throws Exception {
        Path machine = FakePowerShell.machine(folder, """
                {"denied": ["Get-DnsClientNrptPolicy", "Get-NetFirewallHyperVVMSetting"]}""");
        WindowsPolicy p = read("FAKE_PS_MACHINE", machine.toString());
        assertThat(p.nameRules().unknownBecause()).contains("Access is denied.");
        assertThat(p.hyperVFirewall().unknownBecause()).contains("Access is denied.");
        assertThat(known(p.firewallProfiles())).hasSize(3);
        // The same reads as an administrator succeed: the refusal was the elevation, not the query.
        WindowsPolicy elevated = read("FAKE_PS_MACHINE", machine.toString(), "FAKE_PS_ELEVATED", "1");
        assertThat(known(elevated.nameRules())).isEmpty();
        assertThat(known(elevated.hyperVFirewall()).defaultInboundAction()).isEqualTo("Block");
    }

    @Test
    void aMissingServiceIsUnknownNotStopped() throws Exception {
        WindowsPolicy p = read("FAKE_PS_MACHINE", FakePowerShell.machine(folder, "{\"ipHelper\": null}").toString());
        assertThat(p.ipHelper().unknownBecause()).contains("Cannot find any service with service name 'iphlpsvc'.");
    }

    @Test
    void exactlyOnePowerShellStartsPerRead() throws Exception {
        Path starts = folder.resolve("starts");
        WindowsPolicy p = read("FAKE_PS_STARTS", starts.toString(), "FAKE_PS_DELAY_MS", "600");
        assertThat(known(p.powerShell()).millis()).isPositive();
        assertThat(Files.readAllLines(starts)).hasSize(1);
    }

    @Test
    void aPowerShellThatDoesNotAnswerInTimeIsKilledAndSaidSo() throws Exception {
        Path starts = folder.resolve("starts");
        WindowsPolicy p = PowerShellBatch.read(FakePowerShell.EXE, Duration.ofSeconds(1),
                FakePowerShell.env(folder, "FAKE_PS_DELAY_MS", "60000", "FAKE_PS_STARTS", starts.toString()));
        assertThat(parts(p)).allSatisfy(f -> assertThat(f.unknownBecause()).isEqualTo("PowerShell did not answer within 1 s"));
        long pid = Long.parseLong(Files.readAllLines(starts).getFirst().strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the stand-in was killed").isFalse();
    }

    @Test
    void aPowerShellThatCannotStartMakesEveryFactUnknownSayingSo() throws Exception {
        WindowsPolicy p = PowerShellBatch.read(folder.resolve("no-such-powershell.exe"), LIMIT, Map.of());
        assertThat(parts(p)).allSatisfy(f -> assertThat(f.unknownBecause())
                .startsWith("Windows PowerShell could not be started: "));
    }

    @Test
    void aPowerShellThatEndsWithoutAnswerIsNeverFine() throws Exception {
        // The stand-in refuses a code page it does not play: it ends with its complaint and writes nothing.
        WindowsPolicy p = read("FAKE_PS_OEM", "cp999");
        assertThat(parts(p)).allSatisfy(f -> assertThat(f.unknownBecause())
                .startsWith("PowerShell gave no answer (exit code 2: fake powershell.exe: code page cp999 is not modelled"));
    }

    @Test
    void theScriptUsesTheSafeWaysOnly() {
        String script = PowerShellBatch.script(Path.of("/tmp/answer's file.json"));
        assertThat(script).doesNotContainIgnoringCase("[Console]");
        assertThat(script).contains("ConvertTo-Json -InputObject $h -Depth 6 -Compress | Out-File -Encoding utf8 -LiteralPath "
                + "'/tmp/answer''s file.json'");
        for (String list : List.of("firewallProfiles", "networkProfiles", "nameRules", "ourFirewallRules")) {
            assertThat(script).as(list).contains("try { $h['" + list + "'] = @(");
        }
        assertThat(script.lines().filter(l -> l.contains("Get-") || l.contains("netsh")))
                .allSatisfy(l -> assertThat(l).contains("try {").contains("catch { $h['"));
        // Enums by name, turned so in PowerShell: 5.1's ConvertTo-Json would give numbers.
        for (String e : List.of("Enabled", "DefaultInboundAction", "NetworkCategory", "Direction", "Action", "LoopbackEnabled")) {
            assertThat(script).as(e).contains("@{n='" + e + "';e={[string]$_." + e + "}}");
        }
        // None of 6.x's options, which 5.1 does not have (§4.2).
        assertThat(script).doesNotContain("-AsArray").doesNotContain("-EnumsAsStrings");
    }

    @Test
    void theScriptGoesAsEncodedCommandSoNoQuoteIsLostOnWindows() {
        String script = PowerShellBatch.script(Path.of("C:\\Users\\Zoë\\AppData\\Local\\Temp\\a.json"));
        List<String> argv = PowerShellBatch.command(Path.of("powershell.exe"), script);
        assertThat(argv.subList(0, 4)).containsExactly("powershell.exe", "-NoProfile", "-NonInteractive", "-EncodedCommand");
        assertThat(new String(Base64.getDecoder().decode(argv.get(4)), StandardCharsets.UTF_16LE)).isEqualTo(script);
        // CreateProcess takes at most 32,767 characters of command line, a long temp folder included.
        String longFolder = "C:\\Users\\" + "x".repeat(200) + "\\AppData\\Local\\Temp\\netdoctor-ps-1234567890.json";
        int line = String.join(" ", PowerShellBatch.command(PowerShellBatch.defaultExe(),
                PowerShellBatch.script(Path.of(longFolder)))).length();
        assertThat(line).isLessThan(32_767);
    }

    @Test
    void whereTheRealPowerShellIs() {
        String root = System.getenv("SystemRoot");
        assertThat(PowerShellBatch.defaultExe()).isEqualTo(Path.of(root == null || root.isBlank() ? "C:\\Windows" : root,
                "System32", "WindowsPowerShell", "v1.0", "powershell.exe"));
    }

    // --- our firewall rules: written elevated, read back ------------------------------------------

    @Test
    void aRuleWrittenThroughUacIsReadBackAsOurs() throws Exception {
        Path log = folder.resolve("elevated.log");
        Map<String, String> env = FakePowerShell.env(folder, "FAKE_PS_LOG", log.toString());
        String add = "New-NetFirewallRule -Name 'WSLNetDoctor-tcp-5432' -DisplayName 'WSL Net Doctor: port 5432 from WSL' "
                + "-Direction Inbound -Action Allow -Protocol TCP -LocalPort 5432 -InterfaceAlias 'vEthernet (WSL)'";
        String encoded = Base64.getEncoder().encodeToString(add.getBytes(StandardCharsets.UTF_16LE));
        Ran ran = standIn(env, "$p = Start-Process -FilePath powershell.exe -Verb RunAs -Wait -PassThru -ArgumentList "
                + "'-NoProfile','-NonInteractive','-EncodedCommand','" + encoded + "'; exit $p.ExitCode");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(Files.readAllLines(log)).containsExactly("elevated: powershell.exe -NoProfile -NonInteractive -EncodedCommand " + encoded);
        WindowsPolicy p = PowerShellBatch.read(FakePowerShell.EXE, LIMIT, env);
        assertThat(known(p.ourFirewallRules())).containsExactly(new FirewallRule("WSLNetDoctor-tcp-5432",
                "WSL Net Doctor: port 5432 from WSL", true, "Inbound", "Allow", "5432", "vEthernet (WSL)"));
    }

    @Test
    void withoutElevationOrWithUacDeclinedNothingIsWritten() throws Exception {
        Map<String, String> env = FakePowerShell.env(folder, "FAKE_PS_UAC", "decline");
        Ran plain = standIn(env, "New-NetFirewallRule -Name 'WSLNetDoctor-1' -DisplayName x -Protocol TCP -LocalPort 1");
        assertThat(plain.exit()).isEqualTo(1);
        assertThat(plain.err()).contains("Access is denied.");
        Ran declined = standIn(env, "Start-Process -FilePath powershell.exe -Verb RunAs -Wait -ArgumentList '-Command','exit'");
        assertThat(declined.exit()).isEqualTo(1);
        assertThat(declined.err()).contains("The operation was canceled by the user.");
        assertThat(known(PowerShellBatch.read(FakePowerShell.EXE, LIMIT, env).ourFirewallRules())).isEmpty();
    }

    @Test
    void removingARuleRemovesExactlyThatOneAndAGoneRuleIsAnError() throws Exception {
        Map<String, String> admin = FakePowerShell.env(folder, "FAKE_PS_ELEVATED", "1");
        for (String port : List.of("5432", "6379")) {
            Ran added = standIn(admin, "New-NetFirewallRule -Name 'WSLNetDoctor-tcp-" + port + "' -DisplayName 'WSL Net Doctor "
                    + port + "' -Direction Inbound -Action Allow -Protocol TCP -LocalPort " + port + " -ErrorAction Stop | Out-Null");
            assertThat(added.exit()).as(added.err()).isZero();
        }
        Ran again = standIn(admin, "New-NetFirewallRule -Name 'WSLNetDoctor-tcp-5432' -DisplayName x -ErrorAction Stop");
        assertThat(again.err()).contains("Cannot create a file when that file already exists.");
        assertThat(standIn(admin, "Remove-NetFirewallRule -Name 'WSLNetDoctor-tcp-5432' -ErrorAction Stop").exit()).isZero();
        assertThat(known(PowerShellBatch.read(FakePowerShell.EXE, LIMIT, admin).ourFirewallRules()))
                .extracting(FirewallRule::name).containsExactly("WSLNetDoctor-tcp-6379");
        Ran gone = standIn(admin, "Remove-NetFirewallRule -Name 'WSLNetDoctor-tcp-5432' -ErrorAction Stop");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("No MSFT_NetFirewallRule objects found with property 'Name' equal to "
                + "'WSLNetDoctor-tcp-5432'.  Verify the value of the property and retry.");
    }

    // --- the pitfalls themselves, shown on the stand-in, and what the reading makes of them -------

    @Test
    void printingInsteadOfTheFileWouldGarbleLocalizedNamesInTheOemCodePage() throws Exception {
        Path machine = FakePowerShell.machine(folder, """
                {"networkProfiles": [{"InterfaceAlias": "Połączenie sieciowe", "NetworkCategory": "Public"}]}""");
        Map<String, String> env = FakePowerShell.env(folder, "FAKE_PS_MACHINE", machine.toString(), "FAKE_PS_OEM", "cp437");
        Ran printed = standIn(env, "ConvertTo-Json -Compress -InputObject @(Get-NetConnectionProfile | Select-Object InterfaceAlias)");
        assertThat(new String(printed.out(), StandardCharsets.UTF_8)).doesNotContain("Połączenie");
        assertThat(new String(printed.out(), Charset.forName("IBM437"))).contains("Po??czenie");
        assertThat(known(PowerShellBatch.read(FakePowerShell.EXE, LIMIT, env).networkProfiles()))
                .containsExactly(new NetworkProfile("Połączenie sieciowe", "Public"));
    }

    @Test
    void constrainedLanguageRefusesTheConsoleEncodingWhichIsWhyTheScriptNeverSetsIt() throws Exception {
        Ran ran = standIn(FakePowerShell.env(folder, "FAKE_PS_LANGUAGE", "ConstrainedLanguage"),
                "[Console]::OutputEncoding = [System.Text.Encoding]::UTF8");
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).contains("Cannot set property. Property setting is supported only on core types in this language mode.");
    }

    @Test
    void anUnflattenedScriptGetsNumbersForEnumsAndTextForDeepListsWhichAreMappedOrRefused() throws Exception {
        // The mistakes §4.5 guards against: raw CIM objects, no [string], default -Depth 2.
        Path machine = FakePowerShell.machine(folder, BUSY_MACHINE);
        Path answer = folder.resolve("naive.json");
        Ran ran = standIn(FakePowerShell.env(folder, "FAKE_PS_MACHINE", machine.toString()),
                "$h = @{firewallProfiles = @(Get-NetFirewallProfile); nameRules = @(Get-DnsClientNrptPolicy); "
                        + "networkProfiles = @(Get-NetConnectionProfile); firewallPolicyDomain = $null; "
                        + "firewallPolicyPrivate = $null; firewallPolicyPublic = $null}\n"
                        + "ConvertTo-Json -InputObject $h | Out-File -Encoding utf8 -FilePath '" + answer + "'");
        assertThat(ran.exit()).as(ran.err()).isZero();
        String raw = Files.readString(answer);
        assertThat(raw).contains("\"Enabled\":  1").contains("\"NameServers\":  \"10.1.1.1 10.1.1.2\"")
                .contains("\"CimClass\":  \"ROOT/StandardCimv2:MSFT_NetFirewallProfile\"");
        WindowsPolicy p = PowerShellAnswer.parse(Files.readAllBytes(answer), 1, "none");
        assertThat(known(p.networkProfiles())).contains(new NetworkProfile("以太网", "DomainAuthenticated"));
        assertThat(known(p.firewallProfiles()).getLast()).isEqualTo(
                new FirewallProfile("Public", true, "Block", false, false, null, null));
        assertThat(p.nameRules().unknownBecause()).contains("'10.1.1.1 10.1.1.2' where a list of names was expected");
    }

    record Ran(int exit, byte[] out, String err) {
    }

    /** The stand-in run on a script of a test's own, as PowerShellBatch starts it. */
    static Ran standIn(Map<String, String> env, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PowerShellBatch.command(FakePowerShell.EXE, script));
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[][] streams = new byte[2][];
        Thread err = Thread.ofVirtual().start(() -> {
            try {
                streams[1] = p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                streams[1] = new byte[0];
            }
        });
        streams[0] = p.getInputStream().readAllBytes();
        err.join();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), streams[0], new String(streams[1], Charset.forName("IBM437")));
    }
}
