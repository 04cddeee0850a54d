// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.TcpConnection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SocketTableTest {
    private static TcpConnection row(String state, String remote, int pid) {
        return new TcpConnection(state, "198.18.1.2", 40000 + pid, remote, 22, pid, "ssh", "ssh host", 0, false);
    }

    @Test
    void ageCountsFromTheFirstSnapshotThatSawTheSocket() {
        AtomicLong clock = new AtomicLong(1000);
        List<TcpConnection> rows = new ArrayList<>(List.of(row("SYN_SENT", "198.19.1.2", 7)));
        SocketTable table = new SocketTable(() -> List.copyOf(rows), clock::get);
        assertThat(table.snapshot().getFirst().ageMillis()).isZero();
        clock.addAndGet(1500);
        assertThat(table.snapshot().getFirst().ageMillis()).isEqualTo(1500);
        rows.clear();
        table.snapshot();
        rows.add(row("SYN_SENT", "198.19.1.2", 7));
        clock.addAndGet(500);
        assertThat(table.snapshot().getFirst().ageMillis()).as("a socket that went away starts over").isZero();
    }

    @Test
    void findsSocketsWaitingForTheTarget() {
        List<TcpConnection> rows = List.of(row("SYN_SENT", "198.19.1.2", 1), row("ESTABLISHED", "198.19.1.2", 2),
                row("SYN_SENT", "198.19.1.3", 3), row("SYN_SENT", "::ffff:198.19.1.2", 4));
        assertThat(SocketTable.synSentTo(rows, "198.19.1.2", 22)).extracting(TcpConnection::pid).containsExactly(1, 4);
    }

    @Test
    void anUnknownOwnerIsSaidNotGuessed() {
        assertThat(new TcpConnection("SYN_SENT", "a", 1, "b", 2, -1, null, null, 0, false).owner()).isEqualTo("unknown process");
    }
}
