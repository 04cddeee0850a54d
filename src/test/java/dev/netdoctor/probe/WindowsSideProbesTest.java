// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RelayPort;
import dev.netdoctor.model.WindowsService;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.TestContext;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Windows-side checks run inside WSL (the app on the Linux it diagnoses): what can be seen
 * from there is seen (the distro's own listeners through WSL's relay filter, a connect to Windows'
 * address), and what needs the app on Windows is said instead of guessed. From Windows they run in
 * the lab (WindowsSideLabIT), where Windows is the gateway namespace.
 */
class WindowsSideProbesTest {
    private static Environment wsl(String mode, String gateway) {
        return Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", mode))
                .interfaces(Environments.LOOPBACK, new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of()))
                .defaultGateway(gateway).build();
    }

    private static TestContext context(DiagnosisRequest request, Environment env) {
        return new TestContext(request, new LocalLinuxSide(), env);
    }

    @Test
    void insideWslTheRelayCheckClassesTheDistrosListenersAndLeavesWindowsToTheWindowsApp() throws Exception {
        try (ServerSocket relayed = new ServerSocket(0, 5, InetAddress.ofLiteral("127.0.0.1"));
             ServerSocket ignored = new ServerSocket(0, 5, InetAddress.ofLiteral("127.0.0.2"))) {
            DiagnosisRequest request = new DiagnosisRequest(null, List.of(relayed.getLocalPort(), ignored.getLocalPort()), null, null, null);
            ProbeReport r = new LocalhostRelayProbe().run(context(request, wsl("nat", "198.18.1.1")));
            assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
            ProbeData.LocalhostRelay data = (ProbeData.LocalhostRelay) r.data();
            assertThat(data.seenFromWindows()).isFalse();
            RelayPort first = data.ports().get(0);
            RelayPort second = data.ports().get(1);
            assertThat(first.relayedTo("127.0.0.1")).as("a listener on 127.0.0.1 is relayed to Windows' 127.0.0.1").hasSize(1);
            assertThat(second.distroListeners()).hasSize(1);
            assertThat(second.relayedTo("127.0.0.1")).as("127.0.0.2 is ignored by the relay").isEmpty();
            assertThat(first.connects()).as("no connect from Windows is made from inside WSL").isEmpty();
            assertThat(first.distroAddress()).isEqualTo("198.18.1.2");
            assertThat(r.summary()).contains("1 of 1 listeners on addresses WSL's relay forwards")
                    .contains("0 of 1 listeners on addresses WSL's relay forwards");
            assertThat(r.evidence()).anySatisfy(e -> assertThat(e.summary()).contains("needs this app run on Windows"))
                    .anySatisfy(e -> assertThat(e.summary()).contains("WSL's relay ignores this address"));
        }
    }

    @Test
    void theRelayCheckSaysWhyItDoesNotRunOutsideWslTwoAndInMirroredMode() throws Exception {
        DiagnosisRequest request = new DiagnosisRequest(null, List.of(3000), null, null, null);
        Environment notWsl = Environments.linux().wsl(new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of())).build();
        assertThat(new LocalhostRelayProbe().run(context(request, notWsl)).status()).isEqualTo(ProbeStatus.SKIPPED);
        ProbeReport mirrored = new LocalhostRelayProbe().run(context(request, wsl("mirrored", null)));
        assertThat(mirrored.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(mirrored.summary()).contains("mirrored");
    }

    @Test
    void insideWslTheWindowsPortIsAskedOfTheGatewayAndWindowsListenersAreLeftUnknown() throws Exception {
        try (ServerSocket windowsProgram = new ServerSocket(0, 5, InetAddress.ofLiteral("127.0.0.1"))) {
            int open = windowsProgram.getLocalPort();
            int closed;
            try (ServerSocket gone = new ServerSocket(0, 5, InetAddress.ofLiteral("127.0.0.1"))) {
                closed = gone.getLocalPort();
            }
            DiagnosisRequest request = new DiagnosisRequest(null, List.of(), null, null, null).withWindowsPorts(List.of(open, closed));
            // the gateway stands for Windows' address here: a loopback address of this test machine
            ProbeReport r = new WindowsServiceProbe().run(context(request, wsl("nat", "127.0.0.1")));
            ProbeData.WindowsServices data = (ProbeData.WindowsServices) r.data();
            assertThat(data.seenFromWindows()).isFalse();
            WindowsService reached = data.ports().get(0);
            WindowsService refused = data.ports().get(1);
            assertThat(reached.listenersKnown()).as("Windows' listener table needs the app on Windows").isFalse();
            assertThat(reached.fromWindows()).isNull();
            assertThat(reached.fromDistro().result()).isEqualTo(ConnectResult.CONNECTED);
            assertThat(refused.fromDistro().result()).isEqualTo(ConnectResult.REFUSED);
            assertThat(r.parameters()).containsEntry("windows-address", "127.0.0.1");
            assertThat(r.evidence()).anySatisfy(e -> assertThat(e.summary()).contains("needs this app run on Windows"));
        }
    }

    @Test
    void inMirroredModeWslReachesWindowsAtLoopbackAndWithoutAGatewayTheCheckSaysWhy() throws Exception {
        assertThat(WindowsServiceProbe.windowsAddress(wsl("mirrored", "198.18.1.1"))).isEqualTo("127.0.0.1");
        assertThat(WindowsServiceProbe.windowsAddress(wsl("nat", "198.18.1.1"))).isEqualTo("198.18.1.1");
        DiagnosisRequest request = new DiagnosisRequest(null, List.of(), null, null, null).withWindowsPorts(List.of(5432));
        ProbeReport none = new WindowsServiceProbe().run(context(request, wsl("nat", null)));
        assertThat(none.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(none.summary()).contains("no default gateway");
    }

    @Test
    void theOtherDevicesCheckInsideWslSaysThatWindowsSideNeedsTheWindowsApp() throws Exception {
        DiagnosisRequest request = new DiagnosisRequest(null, List.of(3000), null, null, null).withOtherDevices();
        ProbeReport r = new OtherDevicesProbe().run(context(request, wsl("nat", "198.18.1.1")));
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(((ProbeData.OtherDevices) r.data()).seenFromWindows()).isFalse();
        assertThat(r.summary()).contains("need WSL Net Doctor run on Windows");
    }
}
