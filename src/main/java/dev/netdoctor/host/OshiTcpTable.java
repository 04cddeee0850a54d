// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.TcpConnection;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TCP table of the machine the app runs on, through OSHI, with each owner's name: this Linux's,
 * or Windows' (where GetExtendedTcpTable names every owner's pid without administrator rights).
 */
final class OshiTcpTable {
    private static final System.Logger LOG = System.getLogger(OshiTcpTable.class.getName());

    private OshiTcpTable() {
    }

    static List<TcpConnection> read(SystemInfo systemInfo, boolean onWindows) {
        OperatingSystem os = systemInfo.getOperatingSystem();
        List<InternetProtocolStats.IPConnection> raw = os.getInternetProtocolStats().getConnections();
        Map<Integer, Optional<OSProcess>> processes = new HashMap<>();
        List<TcpConnection> rows = new ArrayList<>();
        // Our own probes include child processes (the user's ssh that we run): those are ours too.
        Set<Long> ourPids = new HashSet<>();
        ourPids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(h -> ourPids.add(h.pid()));
        for (InternetProtocolStats.IPConnection c : raw) {
            if (!c.getType().startsWith("tcp")) {
                continue;
            }
            int pid = c.getowningProcessId();
            Optional<OSProcess> proc = pid < 0 ? Optional.empty()
                    : processes.computeIfAbsent(pid, p -> Optional.ofNullable(os.getProcess(p)));
            rows.add(new TcpConnection(c.getState().name(), address(c.getLocalAddress()), c.getLocalPort(),
                    address(c.getForeignAddress()), c.getForeignPort(), pid,
                    proc.map(OSProcess::getName).orElse(null),
                    proc.map(OSProcess::getCommandLine).map(OshiTcpTable::commandLine).orElse(null),
                    0, ourPids.contains((long) pid), onWindows, proc.map(OSProcess::getUpTime).filter(t -> t > 0).orElse(0L)));
        }
        return rows;
    }

    /** OSHI gives NUL-separated arguments on Linux; show them as one line. */
    static String commandLine(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replace('\0', ' ').strip();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static String address(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return "*";
        }
        try {
            InetAddress a = InetAddress.getByAddress(bytes);
            return a.getHostAddress();
        } catch (UnknownHostException e) {
            LOG.log(System.Logger.Level.DEBUG, "odd address length {0}", bytes.length);
            return "?";
        }
    }
}
