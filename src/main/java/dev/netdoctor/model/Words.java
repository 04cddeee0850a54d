// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word a user reads, in the wizard, the report, the CLI and the findings: one bundle,
 * words.properties beside this class (English first), so a wording is changed in one place and
 * can be translated. It lives in {@code model} because every layer may import the model; the
 * bundle sits in this package so that the module finds it as its own resource, and the class
 * path alike.
 *
 * <p>Values go through {@link MessageFormat}: the bundle writes an apostrophe as {@code ''} and a
 * brace as <code>'{'</code>. Give numbers that are not amounts (ports, milliseconds in a table)
 * as strings, or MessageFormat groups their digits by the locale ("8,443").
 */
public final class Words {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.netdoctor.model.words");

    private Words() {
    }

    /** The text for {@code key} with its {0}, {1}… filled in; {@code !key!} when the bundle lacks it. */
    public static String get(String key, Object... args) {
        try {
            return MessageFormat.format(BUNDLE.getString(key), args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
