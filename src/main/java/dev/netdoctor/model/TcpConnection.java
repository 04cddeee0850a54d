package dev.netdoctor.model;

/**
 * One row of the live TCP table. {@code pid} is -1 when the owner is unknown (we never guess);
 * {@code ageMillis} is how long we have seen this socket in this state.
 */
public record TcpConnection(String state, String localAddress, int localPort, String remoteAddress,
                            int remotePort, int pid, String processName, String commandLine,
                            long ageMillis, boolean ours) {
    public static final String SYN_SENT = "SYN_SENT";
    public static final String LISTEN = "LISTEN";
    public static final String ESTABLISHED = "ESTABLISHED";

    public boolean synSent() {
        return SYN_SENT.equals(state);
    }

    public String owner() {
        return pid < 0 ? "unknown process" : (processName == null || processName.isEmpty() ? "pid " + pid : processName + " (pid " + pid + ")");
    }
}
