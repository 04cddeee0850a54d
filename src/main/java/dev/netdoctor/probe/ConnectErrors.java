// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ConnectResult;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Turns the JDK's connect exceptions into what they mean on the network. */
final class ConnectErrors {
    private ConnectErrors() {
    }

    static ConnectResult classify(Throwable e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof NoRouteToHostException || msg.contains("no route") || msg.contains("unreachable")) {
            return ConnectResult.UNREACHABLE;
        }
        if (e instanceof SocketTimeoutException || msg.contains("timed out")) {
            return ConnectResult.TIMED_OUT;
        }
        if (e instanceof ConnectException || msg.contains("refused")) {
            return ConnectResult.REFUSED;
        }
        return ConnectResult.ERROR;
    }
}
