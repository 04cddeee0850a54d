// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.system;

import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.ConfigProblem;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.ui.Texts;

import java.util.ArrayList;
import java.util.List;

/** Turns the environment scan into a checklist a non-expert can read. */
public final class SystemChecklist {
    private SystemChecklist() {
    }

    public static List<CheckItem> of(Environment env, boolean sshMatters) {
        List<CheckItem> items = new ArrayList<>();
        items.add(new CheckItem(CheckItem.Status.OK, Texts.get("system.os"), env.os() + (env.kernel() == null ? "" : " · kernel " + env.kernel())));
        WslFacts wsl = env.wsl();
        items.add(switch (wsl.kind()) {
            case WSL2 -> new CheckItem(CheckItem.Status.OK, Texts.get("system.wsl"), wsl.describe().replaceFirst(", networking: .*", ""));
            case WSL1 -> new CheckItem(CheckItem.Status.NOTE, Texts.get("system.wsl"), Texts.get("system.wsl1"));
            case NOT_WSL -> new CheckItem(CheckItem.Status.NOTE, Texts.get("system.wsl"), Texts.get("system.notWsl"));
        });
        if (wsl.kind() == WslFacts.Kind.WSL2) {
            boolean mirrored = "mirrored".equals(wsl.networkingMode());
            items.add(new CheckItem(mirrored ? CheckItem.Status.NOTE : CheckItem.Status.OK, Texts.get("system.mode"),
                    (wsl.networkingMode() == null ? Texts.get("system.unknown") : wsl.networkingMode())
                            + (mirrored ? " — " + Texts.get("system.mode.mirroredNote") : "")
                            + (wsl.modeSource() != null && wsl.modeSource().startsWith("inferred") ? " (" + Texts.get("system.inferred") + ")" : "")));
        }
        for (NetInterface i : env.interfaces()) {
            if (i.name().equals("lo")) {
                continue;
            }
            boolean small = i.mtu() > 0 && i.mtu() < 1400;
            items.add(new CheckItem(!i.up() || small ? CheckItem.Status.NOTE : CheckItem.Status.OK, Texts.get("system.interface", i.name()),
                    "MTU " + i.mtu() + (i.ipv4().isEmpty() ? "" : " · " + String.join(", ", i.ipv4()))
                            + (i.up() ? "" : " · " + Texts.get("system.down")) + (small ? " · " + Texts.get("system.smallMtu") : "")));
        }
        items.add(env.defaultGateway() == null
                ? new CheckItem(CheckItem.Status.PROBLEM, Texts.get("system.gateway"), Texts.get("system.noGateway"))
                : new CheckItem(CheckItem.Status.OK, Texts.get("system.gateway"), env.defaultGateway()));
        items.add(new CheckItem(env.dnsServers().isEmpty() ? CheckItem.Status.NOTE : CheckItem.Status.OK, Texts.get("system.dns"),
                env.dnsServers().isEmpty() ? Texts.get("system.none") : String.join(", ", env.dnsServers())));
        if (env.sshClient().installed()) {
            items.add(new CheckItem(CheckItem.Status.OK, Texts.get("system.ssh"), env.sshClient().version()));
            String q = env.sshClient().interactiveQos();
            if (q != null) {
                boolean marked = DscpClass.parse(q).map(DscpClass::marked).orElse(false);
                items.add(new CheckItem(marked ? CheckItem.Status.NOTE : CheckItem.Status.OK, Texts.get("system.ipqos"),
                        env.sshClient().effective().getOrDefault("ipqos", q) + (marked ? " — " + Texts.get("system.ipqos.marked") : "")));
            }
        } else {
            items.add(new CheckItem(sshMatters ? CheckItem.Status.PROBLEM : CheckItem.Status.NOTE, Texts.get("system.ssh"),
                    env.sshClient().note() == null ? Texts.get("system.none") : env.sshClient().note()));
        }
        if (env.windows() != null) {
            // Windows' own facts, worded once in the model for this page and the reports alike
            for (WindowsFacts.Row row : env.windows().rows()) {
                items.add(new CheckItem(row.notable() ? CheckItem.Status.NOTE : CheckItem.Status.OK,
                        row.label().equals("WSL") ? Texts.get("system.windows.wsl") : row.label(), row.value(), Texts.get("system.section.windows")));
            }
        }
        env.notes().forEach(n -> items.add(new CheckItem(CheckItem.Status.NOTE, Texts.get("system.note"), n)));
        return items;
    }

    /**
     * The lines in the order the page shows them: those of no section first (this Linux, WSL's
     * settings files, notes), then each section's together, in the order the sections first come.
     * The settings files are read after Windows' facts, and must not land under their heading.
     */
    public static List<CheckItem> bySection(List<CheckItem> items) {
        java.util.Map<String, List<CheckItem>> sections = new java.util.LinkedHashMap<>();
        List<CheckItem> out = new ArrayList<>();
        for (CheckItem item : items) {
            if (item.section() == null) {
                out.add(item);
            } else {
                sections.computeIfAbsent(item.section(), k -> new ArrayList<>()).add(item);
            }
        }
        sections.values().forEach(out::addAll);
        return out;
    }

    /**
     * One line per settings file (what WSL uses from it), and one per line WSL reads otherwise,
     * with what WSL does with it.
     */
    public static List<CheckItem> settingsFiles(ProbeData.ConfigFiles config) {
        List<CheckItem> items = new ArrayList<>();
        for (ConfigFileCheck file : config.files()) {
            String label = Texts.get("system.config", file.file());
            if (!file.read()) {
                // not found from here (not WSL) is no news; missing means WSL's defaults
                if (!ConfigFileCheck.NOT_FOUND.equals(file.status())) {
                    items.add(new CheckItem(ConfigFileCheck.UNREADABLE.equals(file.status()) ? CheckItem.Status.NOTE : CheckItem.Status.OK,
                            label, file.note()));
                }
                continue;
            }
            String uses = file.settings().isEmpty() ? Texts.get("system.config.defaults")
                    : String.join(", ", file.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            items.add(new CheckItem(file.problems().isEmpty() ? CheckItem.Status.OK : CheckItem.Status.NOTE, label,
                    file.problems().isEmpty() ? Texts.get("system.config.asWritten", uses)
                            : Texts.get("system.config.otherwise", file.problems().size(), uses)));
            for (ConfigProblem p : file.problems()) {
                String where = p.line() == 0 ? Texts.get("system.config.wholeFile", file.file())
                        : Texts.get("system.config.line", file.file(), p.line());
                items.add(new CheckItem(CheckItem.Status.NOTE, where, (p.line() == 0 ? "" : p.text().replace("\n", " \\ ") + " \u2014 ") + p.what()));
            }
        }
        return items;
    }
}
