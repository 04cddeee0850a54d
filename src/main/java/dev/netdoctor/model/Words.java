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
 * brace as <code>'{'</code>. A whole number is filled in as its plain digits: most are ports,
 * milliseconds and byte counts, which MessageFormat would group by the locale ("port 2,222").
 */
public final class Words {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.netdoctor.model.words");

    private Words() {
    }

    /** The text for {@code key} with its {0}, {1}… filled in; {@code !key!} when the bundle lacks it. */
    public static String get(String key, Object... args) {
        try {
            MessageFormat format = new MessageFormat(BUNDLE.getString(key));
            return format.format(plain(args, format.getFormatsByArgumentIndex()));
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /**
     * Whole numbers as plain digits, except where the text chooses by the number: a
     * {@code {0,choice,1#1 line|1<{0} lines}} needs the number itself (one, or many). A choice
     * whose text holds a {0} is read once more as a pattern: keep apostrophes out of it.
     */
    private static Object[] plain(Object[] args, java.text.Format[] formats) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            boolean chooses = i < formats.length && formats[i] != null;
            if (!chooses && (out[i] instanceof Integer || out[i] instanceof Long || out[i] instanceof Short || out[i] instanceof Byte)) {
                out[i] = out[i].toString();
            }
        }
        return out;
    }
}
