// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.host.FakePowerShell;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "Windows" for the firewall fix's tests: the powershell.exe stand-in ({@link FakePowerShell})
 * with this test's own state folder, so the rules elevated runs wrote and the elevated runs it
 * logged are this test's only. The stand-in refuses firewall writes unelevated, plays Windows'
 * administrator prompt (accepted or declined) and keeps the rules written elevated.
 */
public final class FirewallStandIn {
    /** The stand-in, as the app is pointed at it. */
    public static final Path EXE = FakePowerShell.EXE;

    private final Path folder;
    private final Map<String, String> env;

    /** A stock Windows 11 with {@code machineRules} (the stand-in's rule format) there before any fix. */
    public FirewallStandIn(Path folder, String uac, String machineRules) {
        this.folder = folder;
        env = FakePowerShell.env(folder, "FAKE_PS_MACHINE", FakePowerShell.machine(folder, "{\"firewallRules\": " + machineRules + "}").toString(),
                "FAKE_PS_LOG", log().toString(), "FAKE_PS_STARTS", folder.resolve("starts.log").toString(), "FAKE_PS_UAC", uac);
    }

    /** Whether the stand-in can run here (it needs python3). */
    public static boolean runs() {
        return FakePowerShell.runs();
    }

    /** The same Windows, with another setting of the stand-in (FAKE_PS_...). */
    public FirewallStandIn with(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** This computer, where powershell.exe is started, with the stand-in's settings in its environment. */
    public LinuxSide windows() {
        return new LocalLinuxSide(LinuxSide.DEFAULT_OUTPUT_CAP, Map.copyOf(env));
    }

    /**
     * A powershell.exe that is the stand-in with this Windows' settings, for faces that start
     * powershell.exe from the JVM's own environment (the CLI): a small script beside the state.
     */
    public Path wrapper() throws IOException {
        StringBuilder sh = new StringBuilder("#!/bin/sh\n");
        env.forEach((k, v) -> sh.append("export ").append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
        sh.append("exec '").append(EXE).append("' \"$@\"\n");
        Path script = folder.resolve("powershell.exe");
        Files.writeString(script, sh.toString(), StandardCharsets.UTF_8);
        script.toFile().setExecutable(true);
        return script;
    }

    public Path log() {
        return folder.resolve("elevated.log");
    }

    /** The commands the elevated PowerShells were given (their -EncodedCommand decoded), in order. */
    public List<String> elevatedCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        if (!Files.exists(log())) {
            return commands;
        }
        Pattern encoded = Pattern.compile("-EncodedCommand ([A-Za-z0-9+/=]+)");
        for (String line : Files.readAllLines(log(), StandardCharsets.UTF_8)) {
            Matcher m = encoded.matcher(line);
            commands.add(m.find() ? ElevatedPowerShell.decode(m.group(1)) : line);
        }
        return commands;
    }

    /** How many powershell.exe processes were started, of any kind. */
    public long starts() throws IOException {
        Path starts = folder.resolve("starts.log");
        return Files.exists(starts) ? Files.readAllLines(starts).size() : 0;
    }

    /** The rules elevated runs wrote, Windows Defender Firewall's then the Hyper-V firewall's, as the stand-in keeps them. */
    public List<JsonNode> writtenRules() throws IOException {
        Path state = folder.resolve("ps-state").resolve("state.json");
        List<JsonNode> rules = new ArrayList<>();
        if (Files.exists(state)) {
            JsonNode tree = new ObjectMapper().readTree(state.toFile());
            tree.path("firewallRules").forEach(rules::add);
            tree.path("hyperVRules").forEach(rules::add);
        }
        return rules;
    }
}
