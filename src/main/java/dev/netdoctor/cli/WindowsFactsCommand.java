// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.WindowsProcess;
import dev.netdoctor.model.WindowsRoute;
import dev.netdoctor.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What Windows says about its network and settings, read as the logged-on user without
 * administrator rights, on its own (no WSL needed): for a help desk that wants to see what the
 * diagnosis sees, and for checking the reads on a real Windows.
 */
@Command(name = "windows-facts", mixinStandardHelpOptions = true,
        description = {"Prints what Windows says about its network and settings: adapters, routes, TCP listeners with their programs, "
                + "WSL's relay, the firewall, reserved ports, port proxies, name rules and proxy.",
                "Read without administrator rights, with one PowerShell start; a fact that cannot be read says why."})
public final class WindowsFactsCommand implements Callable<Integer> {
    /** The JSON document's version: its fields are those of the records it is made of. */
    static final int SCHEMA_VERSION = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Option(names = "--powershell-exe", paramLabel = "PATH", description = "The powershell.exe to read Windows' settings with, if not Windows' own.")
    Path powershellExe;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WindowsHost windows = WindowsHost.ofThisMachine(powershellExe);
        Fact<List<WindowsInterface>> interfaces = windows.interfaces();
        Fact<List<WindowsRoute>> routes = windows.routes();
        List<TcpConnection> listeners = windows.listeners();
        List<WindowsProcess> relays = windows.relays();
        WindowsPolicy policy = windows.policy();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schemaVersion", SCHEMA_VERSION);
            doc.put("interfaces", interfaces);
            doc.put("routeTable", routes);
            doc.put("listeners", listeners);
            doc.put("relays", relays);
            doc.put("policy", policy);
            try {
                out.println(JsonReport.mapper().writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                spec.commandLine().getErr().println("wsl-net-doctor: " + e.getOriginalMessage());
                return ExitCodes.INCOMPLETE;
            }
        } else {
            WindowsFacts facts = new WindowsFacts(null, null, null, null, null, List.of(), interfaces, routes, null, policy);
            for (WindowsFacts.Row row : facts.rows()) {
                if (row.value() != null && !row.label().equals("WSL") && !row.label().startsWith("WSL adapter")) {
                    out.println(row.label() + ": " + row.value());
                }
            }
            out.println("Adapters: " + interfaces.get().map(l -> String.join("; ", l.stream()
                    .map(i -> i.shownName() + " " + String.join(" ", i.addresses())).toList())).orElse("unknown: " + interfaces.unknownBecause()));
            out.println("TCP listeners: " + listeners.size() + (relays.isEmpty() ? "; WSL's relay is not running"
                    : "; WSL's relay: " + String.join(", ", relays.stream().map(WindowsProcess::toString).toList())));
        }
        out.flush();
        return ExitCodes.NO_PROBLEM;
    }
}
