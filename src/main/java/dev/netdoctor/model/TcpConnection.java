// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * One row of the live TCP table. {@code pid} is -1 when the owner is unknown (we never guess);
 * {@code ageMillis} is how long we have seen this socket in this state. {@code onWindows} marks
 * a row of Windows' own table, watched next to the distro's when the app runs on Windows.
 * {@code processAgeMillis} is how long the owning program has been running, 0 when the system
 * does not say: a socket seen for 2 s may belong to an ssh that has waited for minutes.
 */
public record TcpConnection(String state, String localAddress, int localPort, String remoteAddress,
                            int remotePort, int pid, String processName, String commandLine,
                            long ageMillis, boolean ours, boolean onWindows, long processAgeMillis) {
    /** A row whose program's running time is not known. */
    public TcpConnection(String state, String localAddress, int localPort, String remoteAddress,
                         int remotePort, int pid, String processName, String commandLine, long ageMillis, boolean ours, boolean onWindows) {
        this(state, localAddress, localPort, remoteAddress, remotePort, pid, processName, commandLine, ageMillis, ours, onWindows, 0);
    }

    /** A row of the Linux side's own table. */
    public TcpConnection(String state, String localAddress, int localPort, String remoteAddress,
                         int remotePort, int pid, String processName, String commandLine, long ageMillis, boolean ours) {
        this(state, localAddress, localPort, remoteAddress, remotePort, pid, processName, commandLine, ageMillis, ours, false);
    }

    public static final String SYN_SENT = "SYN_SENT";
    public static final String LISTEN = "LISTEN";
    public static final String ESTABLISHED = "ESTABLISHED";

    public boolean synSent() {
        return SYN_SENT.equals(state);
    }

    public String owner() {
        String who = pid < 0 ? "unknown process" : (processName == null || processName.isEmpty() ? "pid " + pid : processName + " (pid " + pid + ")");
        return onWindows ? who + " on Windows" : who;
    }

    /** The same row, seen for {@code millis} so far. */
    public TcpConnection withAge(long millis) {
        return new TcpConnection(state, localAddress, localPort, remoteAddress, remotePort, pid, processName, commandLine, millis, ours, onWindows,
                processAgeMillis);
    }
}
