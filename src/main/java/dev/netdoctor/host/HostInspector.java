// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WslFacts;
import oshi.SystemInfo;
import oshi.hardware.NetworkIF;
import oshi.software.os.NetworkParams;
import oshi.software.os.OperatingSystem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Facts about the machine. On a Linux that is the app's own: OSHI for what the operating system
 * reports (interfaces, MTU, gateway, DNS, the live TCP table with owning processes), the
 * {@link LinuxSide} for what only Linux itself can say (WSL kernel, networking mode, the user's
 * ssh client). For a WSL distro reached from Windows, OSHI sees Windows: the distro's network and
 * TCP table are read inside it, and OSHI gives Windows' own facts beside them.
 */
public final class HostInspector {
    private static final System.Logger LOG = System.getLogger(HostInspector.class.getName());

    private static final Duration CALL = Duration.ofSeconds(10);
    /** /proc/net/tcp has one 150-byte line per socket: room for thousands. */
    private static final int PROC_TABLE_CAP = 2 * 1024 * 1024;

    private final LinuxSide linux;
    private final SystemInfo systemInfo = new SystemInfo();
    private final WindowsHost windows;

    /** Windows' PowerShell is the one {@link WindowsHost#POWERSHELL_PROPERTY} names, or Windows' own. */
    public HostInspector(LinuxSide linux) {
        this(linux, (java.nio.file.Path) null);
    }

    /**
     * @param powershellExe the powershell.exe that reads Windows' settings when the app runs on
     *                      Windows; null: the one {@link WindowsHost#POWERSHELL_PROPERTY} names, or Windows' own
     */
    public HostInspector(LinuxSide linux, java.nio.file.Path powershellExe) {
        this(linux, linux.throughWsl().isPresent() ? WindowsHost.ofThisMachine(powershellExe) : null);
    }

    /**
     * @param windows Windows' side when the app runs on Windows (perhaps with its settings read
     *                ahead, see {@link WindowsHost#readPolicyAhead()}); ignored inside Linux
     */
    public HostInspector(LinuxSide linux, WindowsHost windows) {
        this.linux = linux;
        this.windows = linux.throughWsl().isEmpty() ? null : windows != null ? windows : WindowsHost.ofThisMachine(null);
    }

    public LinuxSide linux() {
        return linux;
    }

    /**
     * Windows' own side, when the app runs on Windows and diagnoses a distro through wsl.exe;
     * empty inside Linux, where Windows' facts need the app on Windows.
     */
    public Optional<WindowsHost> windows() {
        return Optional.ofNullable(windows);
    }

    /**
     * The full environment scan; each part that fails becomes a note, never an exception. Its
     * parts that do not need each other run at once: each is a few commands (through wsl.exe's
     * relay a round trip each), and one after another they were most of a healthy run's start.
     */
    public Environment inspect(Target target) throws InterruptedException {
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService parts = java.util.concurrent.Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().daemon().name("inspect-", 0).factory());
        try {
            java.util.concurrent.Future<SshClientFacts> ssh = parts.submit(() -> new SshClientInspector(linux).inspect(target));
            java.util.concurrent.Future<Integer> retries = parts.submit(() -> linux.readFile("/proc/sys/net/ipv4/tcp_syn_retries", 64)
                    .map(String::strip).flatMap(HostInspector::parseInt).orElse(null));
            java.util.concurrent.Future<WslReads> wslReads = parts.submit(this::wslReads);
            OperatingSystem os = systemInfo.getOperatingSystem();
            String osName = os.getFamily() + " " + os.getVersionInfo();

            List<NetInterface> interfaces;
            String gateway = null;
            List<String> dns = List.of();
            WindowsFacts windows = null;
            Optional<WslDistroAccess> throughWsl = linux.throughWsl();
            if (throughWsl.isPresent()) {
                // OSHI sees Windows here: the distro's own network comes from the distro. Windows'
                // settings take one PowerShell start (0.3-2 s): it runs while wsl.exe answers (and
                // started earlier still where the caller read it ahead).
                this.windows.readPolicyAhead();
                java.util.concurrent.Future<List<String>> nameServers = parts.submit(() -> linux.readFile("/etc/resolv.conf", 64 * 1024)
                        .map(DistroNetwork::nameServers).orElse(List.of()));
                java.util.concurrent.Future<String> distroGateway = parts.submit(this::distroGateway);
                interfaces = distroInterfaces(notes);
                gateway = part(distroGateway);
                dns = part(nameServers);
                windows = windowsFacts(throughWsl.get(), gateway, notes);
            } else {
                interfaces = interfaces(notes);
                try {
                    NetworkParams params = os.getNetworkParams();
                    gateway = blankToNull(params.getIpv4DefaultGateway());
                    dns = Arrays.stream(params.getDnsServers()).filter(s -> !s.isBlank()).toList();
                } catch (RuntimeException e) {
                    notes.add("Gateway and DNS could not be read: " + e.getMessage());
                }
                if (gateway == null) {
                    // OSHI asks route/ip on the PATH, and a plain user's PATH on Debian has no sbin: the
                    // kernel's own table needs no command.
                    gateway = linux.readFile("/proc/net/route", 64 * 1024).map(DistroNetwork::defaultGatewayFromProcRoute).orElse(null);
                }
            }

            WslReads reads = part(wslReads);
            String kernel = reads.osRelease() == null ? null : reads.osRelease().strip();
            Integer tries = part(retries);
            Integer giveUp = tries == null ? null : Environment.synGiveUpSeconds(tries);
            return new Environment(osName, kernel, reads.detect(interfaces), interfaces, gateway, dns, part(ssh), tries, giveUp,
                    List.copyOf(notes), windows);
        } finally {
            // Nothing of the scan outlives it: where it was stopped, its parts (and their commands) are too.
            parts.shutdownNow();
        }
    }

    /**
     * A part of the scan that ran on its own thread; its commands are bounded by their own limits.
     * What it threw is thrown here, as if it had run on this thread.
     */
    private static <T> T part(java.util.concurrent.Future<T> part) throws InterruptedException {
        try {
            return part.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(cause);
        }
    }

    private List<NetInterface> distroInterfaces(List<String> notes) throws InterruptedException {
        if (!linux.hasCommand("ip")) {
            notes.add("The ip command is not installed on " + linux.describe() + " (package iproute2), so its network "
                    + "interfaces are not known.");
            return List.of();
        }
        CommandRun r = linux.run(List.of("ip", "-j", "addr", "show"), CALL);
        if (!r.succeeded()) {
            notes.add("The network interfaces of " + linux.describe() + " could not be read: " + r.stderr().strip());
            return List.of();
        }
        return DistroNetwork.interfaces(r.stdout());
    }

    private String distroGateway() throws InterruptedException {
        if (!linux.hasCommand("ip")) {
            return null;
        }
        CommandRun r = linux.run(List.of("ip", "-j", "route", "show", "default"), CALL);
        return r.succeeded() ? DistroNetwork.defaultGateway(r.stdout()) : null;
    }

    /** Windows' side of a distro seen from Windows: wsl.exe's versions and status, its adapters and routes, its settings. */
    private WindowsFacts windowsFacts(WslDistroAccess distro, String distroGateway, List<String> notes) throws InterruptedException {
        WslVersion version = distro.version();
        WslStatus status = distro.status();
        Fact<List<WindowsInterface>> all = windows.interfaces();
        if (!all.known()) {
            notes.add("Windows' network adapters could not be read: " + all.unknownBecause());
        }
        // WSL's adapter is the one holding the distro's gateway: its name is translated and changed between WSL versions.
        WindowsInterface wslAdapter = all.get().flatMap(list -> WindowsHost.adapterHolding(distroGateway, list)).orElse(null);
        List<NetInterface> adapters = wslAdapter == null ? List.of() : List.of(new NetInterface(wslAdapter.shownName(), wslAdapter.mtu(),
                wslAdapter.up(), bare(wslAdapter.addresses().stream().filter(a -> !a.contains(":")).toList()),
                bare(wslAdapter.addresses().stream().filter(a -> a.contains(":")).toList())));
        return new WindowsFacts(version.describe(), version.windows(), status.defaultDistro(), status.defaultVersion(),
                status.raw(), adapters, all, windows.routes(), wslAdapter, windows.awaitPolicy());
    }

    /** Addresses without their prefix length. */
    private static List<String> bare(List<String> addresses) {
        return addresses.stream().map(a -> a.contains("/") ? a.substring(0, a.indexOf('/')) : a).toList();
    }

    /** What tells WSL apart, read from the Linux side; the interfaces' names are added once known. */
    private record WslReads(String osRelease, String procVersion, String distro, String wslinfo) {
        WslFacts detect(List<NetInterface> interfaces) {
            return WslDetector.detect(osRelease, procVersion, distro, wslinfo, interfaces.stream().map(NetInterface::name).toList());
        }
    }

    private WslReads wslReads() throws InterruptedException {
        String osRelease = linux.readFile("/proc/sys/kernel/osrelease", 4096).orElse(null);
        String procVersion = linux.readFile("/proc/version", 4096).orElse(null);
        String distro = linux.env("WSL_DISTRO_NAME").orElse(null);
        String wslinfo = null;
        if (linux.hasCommand("wslinfo")) {
            var run = linux.run(List.of("wslinfo", "--networking-mode"), Duration.ofSeconds(3));
            if (run.succeeded()) {
                wslinfo = run.stdout().strip();
            }
        }
        return new WslReads(osRelease, procVersion, distro, wslinfo);
    }

    private List<NetInterface> interfaces(List<String> notes) {
        List<NetInterface> result = new ArrayList<>();
        try {
            for (NetworkIF nif : systemInfo.getHardware().getNetworkIFs(true)) {
                boolean up = nif.getIfOperStatus() == NetworkIF.IfOperStatus.UP
                        || nif.getIfOperStatus() == NetworkIF.IfOperStatus.UNKNOWN && nif.getIPv4addr().length > 0;
                result.add(new NetInterface(nif.getName(), (int) nif.getMTU(), up,
                        Arrays.asList(nif.getIPv4addr()), Arrays.asList(nif.getIPv6addr())));
            }
        } catch (RuntimeException e) {
            notes.add("Network interfaces could not be read: " + e.getMessage());
        }
        return result;
    }

    /**
     * The Linux side's TCP table now, with owning processes where the system tells them: OSHI's
     * on this machine, the distro's own (read with ss) when the app runs on Windows. Ages are
     * filled in by {@link SocketTable}, which watches over time.
     */
    public List<TcpConnection> tcpConnections() {
        return linux.throughWsl().map(this::distroConnections).orElseGet(() -> oshiConnections(false));
    }

    /**
     * What the socket watcher looks at: the Linux side's table and, when the app runs on Windows,
     * Windows' own too, where the app's baseline checks and a Windows ssh.exe show.
     */
    public List<TcpConnection> watchedConnections() {
        Optional<WslDistroAccess> distro = linux.throughWsl();
        if (distro.isEmpty()) {
            return oshiConnections(false);
        }
        List<TcpConnection> rows = new ArrayList<>(distroConnections(distro.get()));
        rows.addAll(oshiConnections(true));
        return rows;
    }

    private List<TcpConnection> distroConnections(WslDistroAccess distro) {
        try {
            CommandRun r = linux.run(List.of("sh", "-c", DistroSockets.SCRIPT), CALL);
            if (r.succeeded()) {
                return DistroSockets.fromSs(r.stdout(), distro::isOurs, distro::ranJustNow);
            }
            // No ss (iproute2 missing): the kernel's own tables still tell states, not owners.
            List<TcpConnection> rows = new ArrayList<>();
            linux.readFile("/proc/net/tcp", PROC_TABLE_CAP).map(DistroSockets::fromProc).ifPresent(rows::addAll);
            linux.readFile("/proc/net/tcp6", PROC_TABLE_CAP).map(DistroSockets::fromProc).ifPresent(rows::addAll);
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private List<TcpConnection> oshiConnections(boolean onWindows) {
        return OshiTcpTable.read(systemInfo, onWindows);
    }

    static String address(byte[] bytes) {
        return OshiTcpTable.address(bytes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
