// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.Fact;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.WindowsProcess;
import dev.netdoctor.model.WindowsRoute;
import oshi.SystemInfo;
import oshi.hardware.NetworkIF;
import oshi.software.os.NetworkParams;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Windows' own side, read as the logged-on user without administrator rights: OSHI for what it
 * gives (adapters with their friendly names, routes, the TCP table with every owner's pid and
 * name), and one PowerShell run for the settings OSHI lacks (firewall, reserved ports, port
 * proxies). Every read either gives a value or says why it could not; none throws.
 */
public final class WindowsHost {
    /** The system property naming the powershell.exe to run (tests: the stand-in); unset, Windows' own. */
    public static final String POWERSHELL_PROPERTY = "netdoctor.powershellExe";

    /**
     * How long the one PowerShell run may take: Windows PowerShell 5.1 starts in 0.3-2 s
     * (windows-side.md §4.1), a busy laptop's antivirus may double that.
     */
    public static final Duration POWERSHELL_LIMIT = Duration.ofSeconds(10);

    /**
     * The powershell.exe {@link #POWERSHELL_PROPERTY} names, or Windows' own: for those that start
     * it without an option of their own (the wizard's firewall fix).
     */
    public static java.nio.file.Path powershellExe() {
        return Optional.ofNullable(System.getProperty(POWERSHELL_PROPERTY)).filter(s -> !s.isBlank())
                .map(java.nio.file.Path::of).orElseGet(PowerShellBatch::defaultExe);
    }

    private final SystemInfo systemInfo;
    private final Function<Duration, WindowsPolicy> policyReader;
    private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<WindowsPolicy>> policyAhead =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * @param policyReader reads the policy facts once (one PowerShell start) within the time given
     */
    public WindowsHost(SystemInfo systemInfo, Function<Duration, WindowsPolicy> policyReader) {
        this.systemInfo = systemInfo;
        this.policyReader = policyReader;
    }

    /**
     * Windows as this machine shows it, its settings read through {@code powershellExe} (null:
     * the one {@link #POWERSHELL_PROPERTY} names, or Windows' own).
     */
    public static WindowsHost ofThisMachine(java.nio.file.Path powershellExe) {
        java.nio.file.Path exe = powershellExe != null ? powershellExe : powershellExe();
        return new WindowsHost(new SystemInfo(), limit -> {
            try {
                return PowerShellBatch.read(exe, limit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return WindowsPolicy.unknown("the run was stopped before PowerShell answered");
            }
        });
    }

    /** Every adapter Windows lists, loopback and tunnels without a hardware address included (VPNs often have none). */
    public Fact<List<WindowsInterface>> interfaces() {
        try {
            List<WindowsInterface> result = new ArrayList<>();
            for (NetworkIF nif : systemInfo.getHardware().getNetworkIFs(true)) {
                List<String> addresses = new ArrayList<>();
                String[] v4 = nif.getIPv4addr();
                Short[] masks = nif.getSubnetMasks();
                for (int i = 0; i < v4.length; i++) {
                    addresses.add(v4[i] + (i < masks.length && masks[i] != null ? "/" + masks[i] : ""));
                }
                String[] v6 = nif.getIPv6addr();
                Short[] prefixes = nif.getPrefixLengths();
                for (int i = 0; i < v6.length; i++) {
                    addresses.add(v6[i] + (i < prefixes.length && prefixes[i] != null ? "/" + prefixes[i] : ""));
                }
                boolean up = nif.getIfOperStatus() == NetworkIF.IfOperStatus.UP
                        || nif.getIfOperStatus() == NetworkIF.IfOperStatus.UNKNOWN && v4.length > 0;
                result.add(new WindowsInterface(nif.getIndex(), blankToEmpty(nif.getIfAlias()), shownDescription(nif),
                        (int) nif.getMTU(), up, addresses));
            }
            return Fact.known(result);
        } catch (RuntimeException | LinkageError e) {
            return Fact.unknown("Windows did not list its network adapters: " + e.getMessage());
        }
    }

    /** Windows' route table (OSHI 7.5 reads it with GetIpForwardTable2; no rights needed). */
    public Fact<List<WindowsRoute>> routes() {
        try {
            List<WindowsRoute> result = new ArrayList<>();
            for (NetworkParams.IPRoute r : systemInfo.getOperatingSystem().getNetworkParams().getRoutes()) {
                result.add(new WindowsRoute(OshiTcpTable.address(r.getDestination()), r.getPrefixLength(),
                        r.isGateway() ? OshiTcpTable.address(r.getGateway()) : null, r.getInterfaceIndex(),
                        (int) Math.min(Integer.MAX_VALUE, r.getMetric())));
            }
            return Fact.known(result);
        } catch (RuntimeException | LinkageError e) {
            return Fact.unknown("Windows did not give its route table: " + e.getMessage());
        }
    }

    /**
     * The adapter WSL's distro reaches Windows through: the one that holds the distro's gateway
     * address. Never found by its name, which Windows translates and WSL changed between versions.
     */
    public static Optional<WindowsInterface> adapterHolding(String address, List<WindowsInterface> interfaces) {
        if (address == null) {
            return Optional.empty();
        }
        return interfaces.stream().filter(i -> i.holds(address)).findFirst();
    }

    /** Every TCP listener on Windows, each with its owner's pid and name. */
    public List<TcpConnection> listeners() {
        try {
            return OshiTcpTable.read(systemInfo, true).stream().filter(c -> TcpConnection.LISTEN.equals(c.state())).toList();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    /** Windows' TCP listeners on {@code port}, each with its owner's pid and name (Windows names every owner, no rights needed). */
    public List<TcpConnection> listeners(int port) {
        return OshiTcpTable.read(systemInfo, true).stream()
                .filter(c -> TcpConnection.LISTEN.equals(c.state()) && c.localPort() == port).toList();
    }

    /**
     * WSL's localhost relay processes: {@code wslrelay} (and {@code wslhost} of older WSL). Only
     * one started with {@code --mode 1} relays ports; {@code --mode 0} is the debug console.
     */
    public List<WindowsProcess> relays() {
        try {
            OperatingSystem os = systemInfo.getOperatingSystem();
            List<WindowsProcess> found = new ArrayList<>();
            for (OSProcess p : os.getProcesses()) {
                if (WindowsProcess.isRelayName(p.getName())) {
                    found.add(new WindowsProcess(p.getProcessID(), p.getName(), OshiTcpTable.commandLine(p.getCommandLine())));
                }
            }
            return found;
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    /**
     * Starts the one PowerShell read of {@link #policy()} now, on a thread of its own, for the
     * next {@link #awaitPolicy()} to take: PowerShell takes 0.3-2 s to start, which then passes
     * while wsl.exe lists and starts the distro. Does nothing when a read is under way already.
     */
    public void readPolicyAhead() {
        java.util.concurrent.FutureTask<WindowsPolicy> task = new java.util.concurrent.FutureTask<>(this::policy);
        if (policyAhead.compareAndSet(null, task)) {
            Thread.ofPlatform().daemon().name("windows-settings").start(task);
        }
    }

    /**
     * The settings read ahead by {@link #readPolicyAhead()}, or read now when none was started.
     * Bounded: the read kills PowerShell at its own limit.
     */
    public WindowsPolicy awaitPolicy() throws InterruptedException {
        java.util.concurrent.Future<WindowsPolicy> read = policyAhead.getAndSet(null);
        if (read == null) {
            return policy();
        }
        try {
            // The read kills PowerShell at its own limit; this bound only guards against a hang in Java.
            return read.get(POWERSHELL_LIMIT.plusSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return WindowsPolicy.unknown("Windows' settings could not be read: " + e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            read.cancel(true);
            return WindowsPolicy.unknown("PowerShell did not answer in time");
        } catch (InterruptedException e) {
            read.cancel(true);
            throw e;
        }
    }

    /** Stops a read started ahead that nobody will take (the distro could not be opened). */
    public void cancelAhead() {
        java.util.concurrent.Future<WindowsPolicy> read = policyAhead.getAndSet(null);
        if (read != null) {
            read.cancel(true);
        }
    }

    /** Firewall, reserved ports, port proxies, name rules, proxy: one PowerShell run, at most {@link #POWERSHELL_LIMIT}. */
    public WindowsPolicy policy() {
        try {
            return policyReader.apply(POWERSHELL_LIMIT);
        } catch (RuntimeException e) {
            return WindowsPolicy.unknown("Windows' settings could not be read: " + e.getMessage());
        }
    }

    private static String shownDescription(NetworkIF nif) {
        String d = nif.getDisplayName();
        return d == null || d.isBlank() ? nif.getName() : d.strip();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
