// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Technical details of an error, for the folded "Details" part of an error dialog. */
public final class Errors {
    private Errors() {
    }

    public static String details(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
