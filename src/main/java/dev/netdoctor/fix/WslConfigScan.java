// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.SectionBuffer;
import dev.netdoctor.config.WslConfigSyntax;
import dev.netdoctor.config.WslConfigSyntax.BrokenHeader;
import dev.netdoctor.config.WslConfigSyntax.Header;
import dev.netdoctor.config.WslConfigSyntax.Parsed;
import dev.netdoctor.config.WslConfigSyntax.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Where a .wslconfig sets one {@code [wsl2]} key (networkingMode, dnsTunneling) in a place WSL
 * honours, and where a new setting would go if it sets none.
 *
 * @param settings      every line of that key WSL honours, in file order
 * @param insertionPoint the line index a new setting is inserted at: right after the last
 *                      setting of the first {@code [wsl2]} section (after its header if it has
 *                      none), so it stays clear of comments and blank lines that usually
 *                      introduce the next section; empty without a {@code [wsl2]} header
 */
record WslConfigScan(List<Found> settings, OptionalInt insertionPoint) {
    static final String NETWORKING_MODE = "networkingMode";
    static final String DNS_TUNNELING = "dnsTunneling";
    static final String WSL2 = "wsl2";
    static final String EXPERIMENTAL = "experimental";

    /** A line of the key WSL honours, with its section in lower case. */
    record Found(int index, String section, Setting setting) {
        int lineNumber() {
            return index + 1;
        }
    }

    WslConfigScan {
        settings = List.copyOf(settings);
    }

    /** Where {@code key}, one of WSL's {@code [wsl2]} keys that {@code [experimental]} also names, is set. */
    static WslConfigScan of(List<WslConfigLine> lines, String key) {
        List<Parsed> parsed = lines.stream().map(line -> WslConfigSyntax.parse(line.content())).toList();
        return new WslConfigScan(honouredSettings(parsed, key), insertionPoint(parsed));
    }

    /**
     * The setting WSL uses: WSL's own parser (ConfigKey::Parse in microsoft/WSL) treats
     * {@code wsl2.networkingMode} and the legacy {@code experimental.networkingMode} (and so for
     * dnsTunneling) as one
     * setting, keeps the first occurrence in the file and warns about the rest. The edit does
     * not rely on this: it leaves exactly one honoured line.
     */
    Optional<Found> effective() {
        return settings.stream().findFirst();
    }

    private static List<Found> honouredSettings(List<Parsed> parsed, String key) {
        List<Found> found = new ArrayList<>();
        SectionBuffer section = SectionBuffer.EMPTY;
        for (int i = 0; i < parsed.size(); i++) {
            section = section.after(parsed.get(i));
            if (parsed.get(i) instanceof Setting setting && setting.key().equalsIgnoreCase(key)) {
                String name = section.name().toLowerCase(Locale.ROOT);
                if (name.equals(WSL2) || name.equals(EXPERIMENTAL)) {
                    found.add(new Found(i, name, setting));
                }
            }
        }
        return found;
    }

    private static OptionalInt insertionPoint(List<Parsed> parsed) {
        OptionalInt header = IntStream.range(0, parsed.size())
                .filter(i -> parsed.get(i) instanceof Header(String name) && name.equalsIgnoreCase(WSL2))
                .findFirst();
        if (header.isEmpty()) {
            return OptionalInt.empty();
        }
        int after = header.getAsInt();
        // A broken header ends the section too: past it, WSL files keys under a mangled name.
        for (int i = after + 1; i < parsed.size() && !(parsed.get(i) instanceof Header || parsed.get(i) instanceof BrokenHeader); i++) {
            if (parsed.get(i) instanceof Setting) {
                after = i;
            }
        }
        return OptionalInt.of(after + 1);
    }
}
