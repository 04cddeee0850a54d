// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * Facts about the machine the diagnosis ran on. {@code synGiveUpSeconds} is how long a TCP
 * connect without its own time limit waits for an answer before the kernel gives up,
 * computed from {@code tcp_syn_retries}. {@code interfaces} are the Linux side's; {@code windows}
 * is set when the app runs on Windows and diagnoses a distro through wsl.exe, else null.
 */
public record Environment(String os, String kernel, WslFacts wsl, List<NetInterface> interfaces,
                          String defaultGateway, List<String> dnsServers, SshClientFacts sshClient,
                          Integer tcpSynRetries, Integer synGiveUpSeconds, List<String> notes, WindowsFacts windows) {
    public Environment {
        interfaces = List.copyOf(interfaces);
        dnsServers = List.copyOf(dnsServers);
        notes = List.copyOf(notes);
    }

    /** Facts about a Linux that is the app's own machine (no Windows side). */
    public Environment(String os, String kernel, WslFacts wsl, List<NetInterface> interfaces, String defaultGateway,
                       List<String> dnsServers, SshClientFacts sshClient, Integer tcpSynRetries, Integer synGiveUpSeconds,
                       List<String> notes) {
        this(os, kernel, wsl, interfaces, defaultGateway, dnsServers, sshClient, tcpSynRetries, synGiveUpSeconds, notes, null);
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
