// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The wizard's words, from messages.properties (English first). */
public final class Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.netdoctor.ui.messages");

    private Texts() {
    }

    public static String get(String key, Object... args) {
        try {
            // Always through MessageFormat: the bundle writes an apostrophe as '' everywhere.
            return MessageFormat.format(BUNDLE.getString(key), args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
