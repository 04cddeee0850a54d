package dev.netdoctor.model;

import java.util.List;

/**
 * Facts about the machine the diagnosis ran on. {@code synGiveUpSeconds} is how long a TCP
 * connect without its own time limit waits for an answer before the kernel gives up,
 * computed from {@code tcp_syn_retries}.
 */
public record Environment(String os, String kernel, WslFacts wsl, List<NetInterface> interfaces,
                          String defaultGateway, List<String> dnsServers, SshClientFacts sshClient,
                          Integer tcpSynRetries, Integer synGiveUpSeconds, List<String> notes) {
    public Environment {
        interfaces = List.copyOf(interfaces);
        dnsServers = List.copyOf(dnsServers);
        notes = List.copyOf(notes);
    }

    /** Linux's initial SYN timeout is 1 s and doubles with each retry (capped at 120 s). */
    public static int synGiveUpSeconds(int retries) {
        int total = 0;
        int rto = 1;
        for (int i = 0; i <= retries; i++) {
            total += rto;
            rto = Math.min(rto * 2, 120);
        }
        return total;
    }
}
