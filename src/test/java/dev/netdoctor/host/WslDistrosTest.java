// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.Environment;
import dev.netdoctor.model.TcpConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opening a distro from Windows, and reading its facts, through the fake wsl.exe: every way it
 * can fail says so plainly, and what the distro has (or lacks) shows in the facts.
 */
class WslDistrosTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fakeRuns() {
        assumeTrue(FakeWsl.runs(), "Skipping: needs bash and iconv");
    }

    private String fake(Map<String, String> env) {
        return FakeWsl.with(dir, env);
    }

    @Test
    void noWslExe() {
        assertThatThrownBy(() -> WslDistros.open(dir.resolve("wsl.exe").toString(), null, n -> { }))
                .isInstanceOf(WslUnavailableException.class).hasMessageContaining("WSL is not installed here")
                .hasMessageContaining("wsl --install");
    }

    @Test
    void noDistroInstalledQuotesWslExe() {
        assertThatThrownBy(() -> WslDistros.open(fake(Map.of("FAKE_WSL_DISTROS", "")), null, n -> { }))
                .isInstanceOf(WslUnavailableException.class)
                .hasMessageContaining("WSL has no Linux distro installed")
                .hasMessageContaining("wsl --install -d Ubuntu")
                .hasMessageContaining("(wsl.exe says: Windows Subsystem for Linux has no installed distributions.");
    }

    @Test
    void wsl1IsNamedAndTheWayOutGiven() {
        assertThatThrownBy(() -> WslDistros.open(fake(Map.of("FAKE_WSL_DISTROS", "Old:Stopped:1:default")), null, n -> { }))
                .hasMessageContaining("The distro Old runs WSL 1").hasMessageContaining("wsl --set-version Old 2");
    }

    @Test
    void aDistroThatCannotStartSaysWhyInWslsWords() {
        List<String> notes = new ArrayList<>();
        assertThatThrownBy(() -> WslDistros.open(fake(Map.of("FAKE_WSL_DISTROS", "Lab:Broken:2:default")), null, notes::add))
                .hasMessageContaining("The WSL distro Lab could not be started: The virtual machine could not be started because "
                        + "a required feature is not installed. Error code: Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_SERVICE_NOT_AVAILABLE.")
                .hasMessageContaining("wsl --shutdown");
        assertThat(notes).singleElement().asString().contains("not running").contains("starts it");
    }

    @Test
    void theDefaultIsTakenAndAStoppedDistroStarts() throws Exception {
        List<String> notes = new ArrayList<>();
        WslLinuxSide side = WslDistros.open(fake(Map.of("FAKE_WSL_DISTROS", "Debian:Running:2,Ubuntu:Stopped:2:default")), "", notes::add);
        assertThat(side.distro()).isEqualTo("Ubuntu");
        assertThat(notes).singleElement().asString().startsWith("The distro Ubuntu is not running");
        assertThat(WslDistros.open(fake(Map.of("FAKE_WSL_DISTROS", "Debian:Running:2,Ubuntu:Stopped:2:default")), "debian", n -> { })
                .distro()).isEqualTo("Debian");
    }

    @Test
    void versionsAndANamedDistroStartWhileWslExeLists() throws Exception {
        Path calls = dir.resolve("calls.txt");
        // Every call takes 1.5 s before it answers: a call begun only after the list ended would
        // be written after "end list", however busy the machine.
        String exe = fake(Map.of("FAKE_WSL_DELAY_MS", "1500", "FAKE_WSL_FIRST_DELAY_MS", "1500", "FAKE_WSL_CALLS", calls.toString(),
                "FAKE_WSL_STATE", dir.resolve("state").toString()));
        try (WslLinuxSide side = WslDistros.open(exe, "Lab", n -> { })) {
            assertThat(side.version().wsl()).isNotBlank();
            assertThat(side.status().defaultDistro()).isEqualTo("Lab");
        }
        List<String> lines = java.nio.file.Files.readAllLines(calls);
        assertThat(lines).contains("end list");
        assertThat(lines.subList(0, lines.indexOf("end list"))).contains("begin version", "begin status", "begin exec");
        // the answers asked for ahead were the ones taken, not asked for again
        assertThat(lines.stream().filter(l -> l.equals("begin version") || l.equals("begin status"))).hasSize(2);
    }

    @Test
    void aNameWrittenOtherwiseThanListedIsStartedAsListed() throws Exception {
        Path calls = dir.resolve("calls.txt");
        String exe = fake(Map.of("FAKE_WSL_DISTROS", "Debian:Running:2:default", "FAKE_WSL_CALLS", calls.toString(),
                "FAKE_WSL_STATE", dir.resolve("state").toString()));
        try (WslLinuxSide side = WslDistros.open(exe, "debian", n -> { })) {
            assertThat(side.distro()).isEqualTo("Debian");
            assertThat(side.run(List.of("true"), java.time.Duration.ofSeconds(10)).succeeded()).isTrue();
        }
    }

    @Test
    void theDistrosNetworkAndWindowsFactsComeThroughWslExe() throws Exception {
        HostInspector inspector = new HostInspector(new WslLinuxSide(FakeWsl.FAKE, "Lab"));
        Environment env = inspector.inspect(null);
        assertThat(env.interfaces()).extracting(i -> i.name()).contains("lo");
        assertThat(env.windows()).isNotNull();
        assertThat(env.windows().wsl()).isEqualTo("WSL 2.3.26.0, WSL kernel 5.15.167.4-1, Windows 10.0.26100.2605");
        assertThat(env.windows().defaultDistro()).isEqualTo("Lab");
        assertThat(env.windows().defaultVersion()).isEqualTo(2);
    }

    @Test
    void aDistroWithoutIproute2SaysWhichPackageIsMissing() throws Exception {
        Path bin = FakeWsl.pathWithout(dir, List.of("ip", "ss"));
        String exe = fake(Map.of("FAKE_WSL_PATH", bin.toString()));
        HostInspector inspector = new HostInspector(new WslLinuxSide(exe, "Lab"));
        Environment env = inspector.inspect(null);
        assertThat(env.interfaces()).isEmpty();
        assertThat(env.notes()).anySatisfy(n -> assertThat(n)
                .isEqualTo("The ip command is not installed on the WSL distro Lab (package iproute2), so its network interfaces are not known."));
        // Without ss the kernel's own table still shows the socket, without an owner.
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<TcpConnection> rows = inspector.tcpConnections();
            assertThat(rows).anySatisfy(c -> {
                assertThat(c.state()).isEqualTo(TcpConnection.LISTEN);
                assertThat(c.localAddress()).isEqualTo("127.0.0.1");
                assertThat(c.localPort()).isEqualTo(server.getLocalPort());
                assertThat(c.pid()).isEqualTo(-1);
            });
        }
    }

    @Test
    void theDistrosTableIsReadWithSsAndWindowsRowsAreMarked() throws Exception {
        assumeTrue(new LocalLinuxSide().hasCommand("ss"), "Skipping: needs ss");
        HostInspector inspector = new HostInspector(new WslLinuxSide(FakeWsl.FAKE, "Lab"));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(inspector.tcpConnections()).anySatisfy(c -> {
                assertThat(c.state()).isEqualTo(TcpConnection.LISTEN);
                assertThat(c.localPort()).isEqualTo(server.getLocalPort());
                assertThat(c.onWindows()).isFalse();
            });
            // Here "Windows" is this machine too: the watcher sees the socket in both tables, told apart.
            assertThat(inspector.watchedConnections()).filteredOn(c -> c.localPort() == server.getLocalPort())
                    .extracting(TcpConnection::onWindows).contains(true, false);
        }
    }
}
