// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What WSL reads from one settings file: the settings it uses (first occurrence of each key,
 * with whether it took the value), everything it reads differently from how it looks, and for
 * /etc/wsl.conf the line where it stops reading.
 */
public record ConfigReading(ConfigFileKind file, TextEncoding encoding, List<Setting> settings, List<ConfigIssue> issues,
                            OptionalInt stopsAt) {
    public ConfigReading {
        settings = List.copyOf(settings);
        issues = List.copyOf(issues);
    }

    /**
     * A setting WSL reads. {@code key} is its name in WSL's table ({@code wsl2.networkingMode})
     * even where the file used the other name; {@code accepted} is false when WSL refused the
     * value and kept its default.
     */
    public record Setting(String key, String value, int line, boolean accepted) {}

    /** The value WSL uses for a key of its table (first occurrence), when the file sets one WSL accepts. */
    public Optional<String> value(String key) {
        return settings.stream().filter(s -> s.key().equalsIgnoreCase(key)).findFirst()
                .filter(Setting::accepted).map(Setting::value);
    }

    /** The first line that sets the key, accepted or not. */
    public Optional<Setting> first(String key) {
        return settings.stream().filter(s -> s.key().equalsIgnoreCase(key)).findFirst();
    }

    public List<ConfigIssue> issues(ConfigIssue.Kind kind) {
        return issues.stream().filter(i -> i.kind() == kind).toList();
    }
}
