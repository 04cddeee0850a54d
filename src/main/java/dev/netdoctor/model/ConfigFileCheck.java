// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;
import java.util.Map;

/**
 * One settings file read with WSL's own rules.
 *
 * @param file      which file: {@link #WSLCONFIG} or {@link #WSL_CONF}
 * @param path      where it was read (null when it could not be found)
 * @param status    {@code read}, {@code missing} (WSL then uses its defaults), {@code not-found}
 *                  (no way to locate it from here) or {@code unreadable}
 * @param note      why, when it was not read
 * @param encoding  how it is saved, when read
 * @param settings  what WSL uses: key ({@code wsl2.networkingMode}) to value, first occurrence, values WSL accepts
 * @param stopsAt   /etc/wsl.conf: the line where the distro stops reading, else null
 * @param problems  every line WSL reads differently from how it looks
 */
public record ConfigFileCheck(String file, String path, String status, String note, String encoding, Map<String, String> settings,
                              Integer stopsAt, List<ConfigProblem> problems) {
    public static final String WSLCONFIG = ".wslconfig";
    public static final String WSL_CONF = "/etc/wsl.conf";
    public static final String READ = "read";
    public static final String MISSING = "missing";
    public static final String NOT_FOUND = "not-found";
    public static final String UNREADABLE = "unreadable";

    public ConfigFileCheck {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        problems = List.copyOf(problems);
    }

    public boolean read() {
        return READ.equals(status);
    }
}
