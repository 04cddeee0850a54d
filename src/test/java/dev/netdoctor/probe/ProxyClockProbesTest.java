// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.ProxyAddress;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.testing.TestContext;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy check inside WSL (its variables, the distro's own port, Windows' address) and the clock
 * check from Windows (one date between two readings of Windows' clock). From Windows the proxy check
 * runs in the lab (ProxyClockLabIT), where the gateway namespace is Windows.
 */
class ProxyClockProbesTest {
    private static final DiagnosisRequest LOCAL = new DiagnosisRequest(null, List.of(), null, null, null);
    private static final long T0 = 1_765_000_000_000_000_000L;

    private static Environment wsl(String mode, String gateway) {
        return Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", mode))
                .interfaces(Environments.LOOPBACK, new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of()))
                .defaultGateway(gateway).build();
    }

    /** This Linux with the proxy variables the test gives. */
    private static LinuxSide withVariables(Map<String, String> variables) {
        LinuxSide real = new LocalLinuxSide();
        return new LinuxSide() {
            @Override public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
                return real.run(argv, stdin, timeout);
            }
            @Override public Optional<String> readFile(String path, int maxBytes) { return real.readFile(path, maxBytes); }
            @Override public boolean hasCommand(String name) { return real.hasCommand(name); }
            @Override public Optional<String> env(String name) { return Optional.ofNullable(variables.get(name)); }
            @Override public String describe() { return "this Linux"; }
        };
    }

    // ---- proxy, inside WSL -------------------------------------------------------------------

    @Test
    void aVariableOnLoopbackIsCheckedAgainstTheDistrosOwnPortAndWindowsAddress() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.ofLiteral("127.0.0.1"))) {
            free = s.getLocalPort();
        }
        // 127.0.0.9 stands in for Windows' address: nothing there either, and it refuses at once
        TestContext ctx = new TestContext(LOCAL, withVariables(Map.of("http_proxy", "http://me:secret@127.0.0.1:" + free + "/",
                "HTTPS_PROXY", "http://proxy.corp.example:8080")), wsl("nat", "127.0.0.9"));
        ProbeReport r = new LoopbackProxyProbe().run(ctx);
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        ProbeData.LoopbackProxy d = (ProbeData.LoopbackProxy) r.data();
        assertThat(d.seenFromWindows()).isFalse();
        assertThat(d.setBy()).isEqualTo("http_proxy");
        assertThat(d.proxy()).isEqualTo(new ProxyAddress("http", "127.0.0.1", free));
        assertThat(d.distroLoopback().result()).isEqualTo(ConnectResult.REFUSED);
        assertThat(d.distroToGateway().address()).isEqualTo("127.0.0.9");
        assertThat(d.windowsListeners()).as("Windows' listeners need the app on Windows").isNull();
        assertThat(r.summary() + r.evidence()).doesNotContain("secret");
        assertThat(r.evidence()).anySatisfy(e -> assertThat(e.summary()).contains("which in NAT mode is the distro itself"));
    }

    @Test
    void aProxyListeningInTheDistroIsSeenThere() throws Exception {
        try (ServerSocket local = new ServerSocket(0, 5, InetAddress.ofLiteral("127.0.0.1"))) {
            TestContext ctx = new TestContext(LOCAL, withVariables(Map.of("https_proxy", "127.0.0.1:" + local.getLocalPort())),
                    wsl("nat", "127.0.0.9"));
            ProbeData.LoopbackProxy d = (ProbeData.LoopbackProxy) new LoopbackProxyProbe().run(ctx).data();
            assertThat(d.distroLoopback().result()).isEqualTo(ConnectResult.CONNECTED);
        }
    }

    @Test
    void noVariableOnLoopbackAndTheCasesWithoutAnythingToCheck() throws Exception {
        ProbeReport none = new LoopbackProxyProbe().run(new TestContext(LOCAL,
                withVariables(Map.of("http_proxy", "http://10.0.0.8:3128")), wsl("nat", "198.18.1.1")));
        assertThat(none.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(((ProbeData.LoopbackProxy) none.data()).proxy()).isNull();
        ProbeReport mirrored = new LoopbackProxyProbe().run(new TestContext(LOCAL, withVariables(Map.of()), wsl("mirrored", null)));
        assertThat(mirrored.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(mirrored.summary()).contains("mirrored");
        Environment notWsl = Environments.linux().wsl(new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of())).build();
        assertThat(new LoopbackProxyProbe().run(new TestContext(LOCAL, withVariables(Map.of()), notWsl)).status()).isEqualTo(ProbeStatus.SKIPPED);
    }

    // ---- clock, from Windows -----------------------------------------------------------------

    /** Windows' clock: T0, then T0 + step for every later reading. */
    private static java.util.function.LongSupplier windowsClock(long stepNanos) {
        AtomicLong next = new AtomicLong(T0);
        return () -> next.getAndAdd(stepNanos);
    }

    @Test
    void oneDateBetweenTwoWindowsReadingsGivesTheSkewAndItsBound() throws Exception {
        ScriptedLinux distro = new ScriptedLinux("sh").asDistro()
                .answer("date +%s.%N", "1765000090.100000000\n")
                .answerStartingWith("sh -c if test -e /dev/ptp0", "ptp0 no\n");
        ProbeReport r = new ClockProbe(windowsClock(200_000_000L)).run(new TestContext(LOCAL, distro, wsl("nat", "198.18.1.1")));
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        ProbeData.Clock c = (ProbeData.Clock) r.data();
        assertThat(c.seenFromWindows()).isTrue();
        assertThat(c.reading().skewNanos()).isEqualTo(90_000_000_000L);
        assertThat(c.reading().errorBoundNanos()).isEqualTo(100_000_000L);
        assertThat(c.ptpDevice()).isFalse();
        assertThat(distro.asked).as("one date, then why").hasSize(2).first().isEqualTo("date +%s.%N");
        assertThat(r.summary()).contains("+90.0 s");
    }

    @Test
    void aSmallSkewAsksNothingMore() throws Exception {
        ScriptedLinux distro = new ScriptedLinux("sh").asDistro().answer("date +%s.%N", "1765000000.600000000\n");
        ProbeReport r = new ClockProbe(windowsClock(200_000_000L)).run(new TestContext(LOCAL, distro, wsl("nat", "198.18.1.1")));
        ProbeData.Clock c = (ProbeData.Clock) r.data();
        assertThat(c.reading().skewNanos()).isEqualTo(500_000_000L);
        assertThat(c.ptpDevice()).isNull();
        assertThat(distro.asked).containsExactly("date +%s.%N");
    }

    @Test
    void aDateThatFailsIsSaidNotGuessed() throws Exception {
        ScriptedLinux distro = new ScriptedLinux().asDistro().fail("date +%s.%N", 1, "date: cannot run");
        ProbeReport r = new ClockProbe(windowsClock(1)).run(new TestContext(LOCAL, distro, wsl("nat", "198.18.1.1")));
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(((ProbeData.Clock) r.data()).reading()).isNull();
        assertThat(((ProbeData.Clock) r.data()).error()).contains("date failed: date: cannot run");
    }

    @Test
    void insideWslTheClockCheckSaysItNeedsTheWindowsApp() throws Exception {
        ProbeReport r = new ClockProbe().run(new TestContext(LOCAL, new LocalLinuxSide(), wsl("nat", "198.18.1.1")));
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(r.summary()).contains("needs WSL Net Doctor run on Windows");
        assertThat(((ProbeData.Clock) r.data()).seenFromWindows()).isFalse();
    }
}
