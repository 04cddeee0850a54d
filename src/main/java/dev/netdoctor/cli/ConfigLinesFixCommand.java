// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fix config-lines}: the rewrites check-config offers, one finding at a time, through the safe pipeline. */
@Command(name = "config-lines", mixinStandardHelpOptions = true,
        description = {"Rewrites a line of .wslconfig or /etc/wsl.conf that WSL reads differently from how it looks.",
                "One finding of check-config at a time: a line moved into the section WSL reads it in, the key name WSL",
                "knows, a value WSL accepts, backslashes doubled; a setting written twice commented out; a line that stops",
                "wsl.conf as a # comment; a UTF-16 file as UTF-8. Shows the change, keeps a backup, checks it with the same",
                "reader, can be undone."},
        footer = {"", "Examples:", "  wsl-net-doctor fix config-lines --in wslconfig --finding wslconfig-line-ignored --dry-run",
                "  sudo wsl-net-doctor fix config-lines --in wsl-conf --finding wsl-conf-parsing-stops"})
final class ConfigLinesFixCommand implements Callable<Integer> {
    enum In { wslconfig, wsl_conf }

    static final class InConverter implements CommandLine.ITypeConverter<In> {
        @Override
        public In convert(String value) {
            return switch (value) {
                case "wslconfig" -> In.wslconfig;
                case "wsl-conf" -> In.wsl_conf;
                default -> throw new CommandLine.TypeConversionException(Words.get("cli.fix.in", value));
            };
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "wslconfig|wsl-conf", converter = InConverter.class,
            description = "Which file: wslconfig (Windows' .wslconfig) or wsl-conf (the distro's /etc/wsl.conf).")
    In in;

    @Option(names = "--finding", required = true, paramLabel = "ID",
            description = "The finding whose lines to rewrite: wslconfig-line-ignored, wslconfig-duplicate-key, wslconfig-encoding or wsl-conf-parsing-stops.")
    String finding;

    @Option(names = "--wslconfig", paramLabel = "PATH", description = "The .wslconfig file; found through WSL interop by default.")
    Path wslconfig;

    @Option(names = "--wsl-conf", paramLabel = "PATH", defaultValue = ConfigFileCheck.WSL_CONF,
            description = "The distro's wsl.conf, ${DEFAULT-VALUE} by default (through wsl.exe a full path).")
    String wslConf;

    @Option(names = "--dry-run", description = "Show the change and write nothing.")
    boolean dryRun;

    @CommandLine.Mixin
    WslOptions wsl = new WslOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FindingId findingId = FindingId.of(finding).orElse(null);
        if (findingId == null || !CheckConfigCommand.FINDINGS.contains(findingId) || findingId == FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE) {
            err.println("wsl-net-doctor: " + Words.get("cli.fix.whichFinding"));
            return ExitCodes.BAD_INPUT;
        }
        boolean wslConfFile = in == In.wsl_conf;
        if (findingId == FindingId.WSL_CONF_PARSING_STOPS && !wslConfFile) {
            err.println("wsl-net-doctor: " + Words.get("cli.fix.parsingStopsInWslConf"));
            return ExitCodes.BAD_INPUT;
        }
        FixPlan.RewriteConfigLines plan = new FixPlan.RewriteConfigLines(wslConfFile ? ConfigFileCheck.WSL_CONF : ConfigFileCheck.WSLCONFIG, findingId);
        FixWiring.Choices choices = new FixWiring.Choices("none", false, false);
        if (!wslConfFile) {
            LocalLinuxSide here = new LocalLinuxSide();
            return FixCommand.wireAndApply(out, err, plan, FixCommand.places(here, LocalConfigFiles.forThisUser(), null, wslconfig, wslConf),
                    choices, List.of(), dryRun, "");
        }
        LinuxSide linux = wsl.linuxSideOrSayWhy(err);
        if (linux == null) {
            return ExitCodes.INCOMPLETE;
        }
        String wslConf = WslOptions.wslConfPath(this.wslConf, linux, err);
        if (wslConf == null) {
            return ExitCodes.BAD_INPUT;
        }
        return FixCommand.wireAndApply(out, err, plan, FixCommand.places(linux, ConfigFiles.of(linux), null, null, wslConf), choices,
                List.of(), dryRun, wsl.sameLinux(linux));
    }
}
