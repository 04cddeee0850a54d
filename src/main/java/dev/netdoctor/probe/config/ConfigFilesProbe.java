// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.config;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigIssue;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigReading;
import dev.netdoctor.host.WslConfigLocation;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.ConfigProblem;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.ProbeContext;
import dev.netdoctor.probe.ProbeReport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Reads {@code %UserProfile%\.wslconfig} and the distro's {@code /etc/wsl.conf} with WSL's own
 * rules ({@link ConfigReader}): what WSL uses from them, and every line it reads differently from
 * how it looks. Read-only: the files are opened for reading and nothing else.
 */
public final class ConfigFilesProbe implements Probe {
    public static final ProbeId ID = ProbeId.CONFIG_FILES;
    /** Larger than any settings file people write; WSL itself reads no more than it needs either. */
    static final int MAX_BYTES = ProbeContext.SETTINGS_FILE_MAX_BYTES;

    @Override
    public ProbeId id() {
        return ID;
    }

    @Override
    public String title() {
        return "Read WSL's settings files as WSL reads them";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    /** Finding .wslconfig from inside WSL asks Windows' cmd.exe, which is slow to start (each call bounded at 8 s). */
    @Override
    public Duration timeLimit(ProbeContext context) {
        return Duration.ofSeconds(20);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        List<Evidence> evidence = new ArrayList<>();
        ConfigFileCheck wslconfig = wslconfig(ctx);
        ConfigFileCheck wslConf = wslConf(ctx);
        for (ConfigFileCheck check : List.of(wslconfig, wslConf)) {
            evidence.add(Evidence.of(describe(check)));
        }
        int problems = wslconfig.problems().size() + wslConf.problems().size();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(ConfigFileCheck.WSLCONFIG, wslconfig.path() == null ? wslconfig.status() : wslconfig.path());
        parameters.put(ConfigFileCheck.WSL_CONF, wslConf.path());
        String summary = problems == 0 ? "WSL reads its settings files as they look"
                : dev.netdoctor.model.Words.get("probe.config.summary", problems);
        return ProbeReport.completed(summary, parameters, new ProbeData.ConfigFiles(List.of(wslconfig, wslConf)), evidence);
    }

    private static ConfigFileCheck wslconfig(ProbeContext ctx) throws InterruptedException {
        String given = ctx.request().configPaths().wslconfig();
        Optional<Path> path = given != null ? Optional.of(Path.of(given)) : WslConfigLocation.find(ctx.linux());
        if (path.isEmpty()) {
            return notRead(ConfigFileCheck.WSLCONFIG, null, ConfigFileCheck.NOT_FOUND,
                    "There is no Windows user folder to look in from here (this is not WSL, or Windows' cmd.exe cannot be run).");
        }
        try (InputStream in = Files.newInputStream(path.get())) {
            return checked(ConfigFileKind.WSLCONFIG, path.get().toString(), in.readNBytes(MAX_BYTES));
        } catch (NoSuchFileException e) {
            return notRead(ConfigFileCheck.WSLCONFIG, path.get().toString(), ConfigFileCheck.MISSING,
                    "There is no .wslconfig, so WSL uses its defaults (NAT networking, DNS tunneling on in WSL 2.2.1 and later).");
        } catch (IOException | SecurityException e) {
            return notRead(ConfigFileCheck.WSLCONFIG, path.get().toString(), ConfigFileCheck.UNREADABLE, "It cannot be read: " + e.getMessage());
        }
    }

    private static ConfigFileCheck wslConf(ProbeContext ctx) {
        String path = ctx.wslConfPath();
        Optional<byte[]> bytes = ctx.readSettingsFile(path);
        if (bytes.isEmpty()) {
            return notRead(ConfigFileCheck.WSL_CONF, path, ConfigFileCheck.MISSING,
                    "There is no " + path + " (or it cannot be read), so the distro uses its defaults.");
        }
        // The file's own bytes: a UTF-16 or Latin-1 wsl.conf decoded as UTF-8 first was misreported.
        return checked(ConfigFileKind.WSL_CONF, path, bytes.get());
    }

    /** One file's bytes, read as WSL reads them, as the model holds it. */
    public static ConfigFileCheck checked(ConfigFileKind kind, String path, byte[] bytes) {
        ConfigReading reading = ConfigReader.read(kind, bytes);
        Map<String, String> settings = new LinkedHashMap<>();
        reading.settings().stream().filter(ConfigReading.Setting::accepted)
                .forEach(s -> settings.putIfAbsent(s.key(), ConfigReader.readable(s.value())));
        List<ConfigProblem> problems = reading.issues().stream().map(ConfigFilesProbe::problem).toList();
        return new ConfigFileCheck(kind.display(), path, ConfigFileCheck.READ, null, reading.encoding().display(), settings,
                reading.stopsAt().isPresent() ? reading.stopsAt().getAsInt() : null, problems);
    }

    private static ConfigProblem problem(ConfigIssue issue) {
        return new ConfigProblem(findingOf(issue.kind()), issue.reason(), issue.line(), issue.text(), issue.key(), issue.what(),
                !issue.repairs().isEmpty());
    }

    /** The finding each kind of settings-file issue belongs to: a new kind does not compile until it has one. */
    public static FindingId findingOf(ConfigIssue.Kind kind) {
        return switch (kind) {
            case LINE_IGNORED -> FindingId.WSLCONFIG_LINE_IGNORED;
            case DUPLICATE_KEY -> FindingId.WSLCONFIG_DUPLICATE_KEY;
            case ENCODING -> FindingId.WSLCONFIG_ENCODING;
            case PARSING_STOPS -> FindingId.WSL_CONF_PARSING_STOPS;
        };
    }

    private static ConfigFileCheck notRead(String file, String path, String status, String note) {
        return new ConfigFileCheck(file, path, status, note, null, Map.of(), null, List.of());
    }

    private static String describe(ConfigFileCheck check) {
        if (!check.read()) {
            return check.file() + ": " + check.note();
        }
        String settings = check.settings().isEmpty() ? "no setting WSL uses" : String.join(", ",
                check.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        return check.file() + " (" + check.path() + ", " + check.encoding() + "): " + settings
                + (check.problems().isEmpty() ? "; every line reads as it looks." : "; "
                + dev.netdoctor.model.Words.get("probe.config.readDifferently", check.problems().size()));
    }
}
