// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.RelayConnect;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A connect the app makes itself, then a short read: when the app runs on Windows its sockets are
 * Windows', so this is exactly what a browser on Windows gets. WSL's relay accepts first and closes
 * at once when it cannot reach the app inside WSL (windows-side.md §1.4), which a bare connect
 * would call success.
 */
final class WindowsConnects {
    /** How long the connection is read: a closing relay closes within milliseconds; a quiet web server just waits. */
    static final Duration READ_MOMENT = Duration.ofMillis(400);

    private WindowsConnects() {
    }

    static RelayConnect connect(String address, String label, int port, Duration timeout) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.ofLiteral(address), port), (int) Math.max(1, timeout.toMillis()));
            long millis = millisSince(start);
            s.setSoTimeout((int) READ_MOMENT.toMillis());
            boolean closed;
            try {
                InputStream in = s.getInputStream();
                closed = in.read() < 0;
            } catch (SocketTimeoutException quiet) {
                closed = false;
            } catch (IOException reset) {
                closed = true;
            }
            return new RelayConnect(address, label, ConnectResult.CONNECTED, closed, millis, null);
        } catch (IOException | IllegalArgumentException e) {
            return new RelayConnect(address, label, ConnectErrors.classify(e), false, millisSince(start), e.getMessage());
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
