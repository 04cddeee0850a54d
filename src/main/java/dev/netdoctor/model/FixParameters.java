// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * The names of an applicable fix's parameters, as JSON and scripts read them ({@code pattern},
 * {@code target}, ...), and the values some of them may take: named once, here.
 */
public final class FixParameters {
    public static final String PATTERN = "pattern";
    public static final String TARGET = "target";
    public static final String MODE = "mode";
    public static final String FILE = "settings-file";
    public static final String FINDING = "settings-finding";

    /** The files a settings-line rewrite may name. */
    public static final List<String> CONFIG_FILES = List.of(ConfigFileCheck.WSLCONFIG, ConfigFileCheck.WSL_CONF);

    private FixParameters() {
    }
}
