// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default gateway read from the kernel's own table, for a user whose PATH has no ip or route. */
class ProcRouteTest {
    private static final String HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";

    @Test
    void theDefaultRouteGivesItsGatewayInDottedForm() {
        String table = HEADER
                + "eth0\t000112C6\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
                + "eth0\t00000000\t010112C6\t0003\t0\t0\t0\t00000000\t0\t0\t0\n";
        assertThat(DistroNetwork.defaultGatewayFromProcRoute(table)).isEqualTo("198.18.1.1");
    }

    @Test
    void withoutAnUpDefaultRouteThroughAGatewayThereIsNone() {
        assertThat(DistroNetwork.defaultGatewayFromProcRoute(HEADER)).isNull();
        assertThat(DistroNetwork.defaultGatewayFromProcRoute(HEADER + "eth0\t00000000\t010112C6\t0002\t0\t0\t0\t00000000\t0\t0\t0\n")).isNull();
        assertThat(DistroNetwork.defaultGatewayFromProcRoute(HEADER + "eth0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0\n")).isNull();
        assertThat(DistroNetwork.defaultGatewayFromProcRoute("garbage\nx y z\n")).isNull();
    }
}
