// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.model.NetInterface;

import java.util.ArrayList;
import java.util.List;

/**
 * The network of a Linux we reach only through commands (a WSL distro seen from Windows, where
 * OSHI sees Windows' adapters instead): interfaces from {@code ip -j addr show}, the default
 * gateway from {@code ip -j route show default}, name servers from /etc/resolv.conf. Pure
 * parsing; unreadable input gives empty answers, never an exception.
 */
public final class DistroNetwork {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DistroNetwork() {
    }

    public static List<NetInterface> interfaces(String ipAddrJson) {
        List<NetInterface> result = new ArrayList<>();
        JsonNode root = tree(ipAddrJson);
        for (JsonNode link : root) {
            String name = link.path("ifname").asText("");
            if (name.isEmpty()) {
                continue;
            }
            List<String> v4 = new ArrayList<>();
            List<String> v6 = new ArrayList<>();
            for (JsonNode a : link.path("addr_info")) {
                String local = a.path("local").asText("");
                if (!local.isEmpty()) {
                    ("inet6".equals(a.path("family").asText()) ? v6 : v4).add(local);
                }
            }
            String oper = link.path("operstate").asText("");
            boolean flaggedUp = false;
            for (JsonNode flag : link.path("flags")) {
                flaggedUp |= "UP".equals(flag.asText());
            }
            // Loopback and some virtual links report UNKNOWN while working: count them up when flagged UP.
            boolean up = "UP".equals(oper) || "UNKNOWN".equals(oper) && flaggedUp;
            result.add(new NetInterface(name, link.path("mtu").asInt(0), up, v4, v6));
        }
        return result;
    }

    /** The gateway of the first default route, or null. */
    /**
     * The IPv4 default gateway from the kernel's {@code /proc/net/route}: the first line whose
     * destination and mask are 0 and whose flags have RTF_UP and RTF_GATEWAY; the address is hex
     * in the machine's (little-endian on x86 and arm64) byte order. Null when there is none.
     */
    public static String defaultGatewayFromProcRoute(String table) {
        for (String line : table.lines().skip(1).toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || !f[1].equals("00000000") || !f[7].equals("00000000")) {
                continue;
            }
            try {
                int flags = Integer.parseInt(f[3], 16);
                long gw = Long.parseLong(f[2], 16);
                if ((flags & 0x3) != 0x3 || gw == 0) {
                    continue;
                }
                return (gw & 0xff) + "." + ((gw >> 8) & 0xff) + "." + ((gw >> 16) & 0xff) + "." + ((gw >> 24) & 0xff);
            } catch (NumberFormatException e) {
                // not a route line
            }
        }
        return null;
    }

    public static String defaultGateway(String routeJson) {
        for (JsonNode route : tree(routeJson)) {
            String gw = route.path("gateway").asText("");
            if (!gw.isEmpty()) {
                return gw;
            }
        }
        return null;
    }

    /** The "nameserver" lines of a resolv.conf, in order. */
    public static List<String> nameServers(String resolvConf) {
        List<String> servers = new ArrayList<>();
        for (String line : resolvConf.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")) {
                servers.add(words[1]);
            }
        }
        return servers;
    }

    private static JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createArrayNode();
        }
        try {
            JsonNode root = JSON.readTree(json);
            return root.isArray() ? root : JSON.createArrayNode();
        } catch (Exception e) {
            return JSON.createArrayNode();
        }
    }
}
