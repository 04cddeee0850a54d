// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.Standpoint;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.FixPlan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * From a {@link FixPlan} to what applying it needs, in one place for the wizard and the CLI
 * alike: the store and the file, the edit, the check that runs after writing, whether WSL must
 * restart, and, where this process may not write the file (root's wsl.conf from inside Linux),
 * the sudo command that runs the same fix. One switch over the sealed plan without a default: a
 * new plan does not compile until it is wired here, and both faces get it at once.
 */
public final class FixWiring {
    private FixWiring() {
    }

    /**
     * Where the files are, as the face found them.
     *
     * @param linux     the Linux being diagnosed: its ssh config is fixed and checked with its ssh -G; a WSL
     *                  distro's wsl.conf is written in it as root
     * @param files     that Linux's files (this computer's, or the distro's through wsl.exe)
     * @param sshConfig the ssh config to fix; null: ~/.ssh/config there
     * @param wslconfig finds Windows' .wslconfig (a file of this computer); asked only by the plans that edit it
     * @param wslConf   the distro's wsl.conf, a path inside that Linux
     * @param mayWrite  whether this process may write a file of this computer there (the wsl.conf inside Linux)
     * @param clock     the date the ssh fix writes into its comment
     */
    public record Places(LinuxSide linux, ConfigFiles files, String sshConfig, WslconfigFinder wslconfig, String wslConf,
                         Predicate<String> mayWrite, Clock clock) {
    }

    /** Finds .wslconfig; empty when it cannot be found from here. */
    public interface WslconfigFinder {
        Optional<String> find() throws Exception;
    }

    /**
     * What the user chose beyond the plan.
     *
     * @param ipqos          the IPQoS the ssh fix writes ("none" unless the CLI's --value says otherwise)
     * @param checkTarget    whether ssh -G also checks the plan's target host (the wizard's plan names one; the CLI's
     *                       --hosts is a pattern only)
     * @param rewriteUtf16   whether a .wslconfig saved as UTF-16 may be rewritten as UTF-8: the CLI's --rewrite-utf16;
     *                       the wizard's preview, which states the rewrite before anything is written, is that consent
     */
    public record Choices(String ipqos, boolean checkTarget, boolean rewriteUtf16) {
    }

    /** Finds the check once the preview has read the file. */
    public interface VerifierFactory {
        Verifier create(SafeApply.Preview preview) throws InterruptedException;
    }

    /** The plan edits .wslconfig and it cannot be found from here: the face asks for it (the wizard) or says how to give it (the CLI). */
    public static final class NoWslconfig extends Exception {
        private static final long serialVersionUID = 1L;

        public NoWslconfig() {
            super("cannot find your Windows profile's .wslconfig from here");
        }
    }

    /**
     * What applying one plan needs. Close it after use: the wsl.conf of a distro is written
     * through a root session of wsl.exe, which keeps a relay running in the distro.
     *
     * @param needsSudo   the command to run instead, when this process may not write the file; nothing must
     *                    be written then
     * @param restartsWsl whether the change takes effect only after WSL restarts
     */
    public record Wired(ConfigFiles files, String file, Function<byte[], EditResult> edit, VerifierFactory verifier,
                        boolean restartsWsl, Optional<String> needsSudo, AutoCloseable closer) implements AutoCloseable {
        /** The file as people read it: a distro's path also names the distro. */
        public String where() {
            return files.where(file);
        }

        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    /** The CLI's fix for one finding's lines in wsl.conf, as a sudo command names it. */
    public static String configLinesCommand(String finding) {
        return "fix config-lines --in wsl-conf --finding " + finding;
    }

    /** The CLI's fix of the distro's MTU at start, as a sudo command names it. */
    public static String mtuCommand(FixPlan.DistroMtuAtBoot mtu) {
        return "fix wsl-mtu --mtu " + mtu.mtu() + (mtu.device().equals(DEFAULT_DEVICE) ? "" : " --device " + mtu.device());
    }

    /** The distro's interface in WSL's NAT and mirrored modes alike. */
    public static final String DEFAULT_DEVICE = "eth0";

    /**
     * Which file a plan writes, as the faces tell the user: a face adds nothing for a new plan.
     * {@link #WINDOWS_FIREWALL} is no file: a rule in Windows' firewall, added with administrator
     * rights by {@link WindowsFirewallFix}, not through {@link #wire}.
     */
    public enum Writes { SSH_CONFIG, WSLCONFIG, WSL_CONF, WINDOWS_FIREWALL, NOTHING }

    /** Which file {@code plan} writes ({@link Writes#NOTHING} for steps the user follows). */
    public static Writes writes(FixPlan plan) {
        return switch (plan) {
            case FixPlan.SshIpqosNone ssh -> Writes.SSH_CONFIG;
            case FixPlan.WslconfigSetting setting -> Writes.WSLCONFIG;
            case FixPlan.LetWslWriteResolvConf resolvConf -> Writes.WSL_CONF;
            case FixPlan.DistroMtuAtBoot mtu -> Writes.WSL_CONF;
            case FixPlan.RewriteConfigLines lines -> lines.file().equals(ConfigFileCheck.WSL_CONF) ? Writes.WSL_CONF : Writes.WSLCONFIG;
            case FixPlan.WindowsFirewallRule rule -> Writes.WINDOWS_FIREWALL;
            case FixPlan.ByHand steps -> Writes.NOTHING;
        };
    }

    /**
     * Whether this face can make the change itself from where the app stands, or can only show the
     * command to run: a Windows firewall rule is added by asking Windows for administrator rights,
     * which only the app running on Windows can do (inside WSL the user copies the command into
     * PowerShell run as administrator). Files are written from either side.
     */
    public static boolean appliesFrom(FixPlan plan, Standpoint standpoint) {
        return switch (writes(plan)) {
            case WINDOWS_FIREWALL -> switch (standpoint) {
                case WINDOWS -> true;
                case THIS_LINUX -> false;
            };
            case SSH_CONFIG, WSLCONFIG, WSL_CONF -> true;
            case NOTHING -> false;
        };
    }

    /**
     * How the firewall rule is added and read back on this computer (Windows), through the
     * powershell.exe {@code exe}: started once to ask for administrator rights, and unelevated to
     * read our rules back.
     */
    public static WindowsFirewallFix firewall(LinuxSide thisComputer, String exe) {
        return new WindowsFirewallFix(new ElevatedPowerShell(thisComputer, exe, ElevatedPowerShell.PROMPT_LIMIT),
                FirewallRulesRead.of(thisComputer, exe));
    }

    /**
     * What applying {@code plan} needs; empty for a plan that writes no file: steps
     * ({@link FixPlan.ByHand}), and a Windows firewall rule, which {@link #firewall} adds.
     *
     * @throws NoWslconfig when the plan edits .wslconfig and it cannot be found
     */
    public static Optional<Wired> wire(FixPlan plan, Places places, Choices choices) throws Exception {
        return switch (plan) {
            case FixPlan.SshIpqosNone ssh -> Optional.of(ssh(ssh, places, choices));
            case FixPlan.WslconfigSetting setting -> Optional.of(wslconfig(places,
                    original -> WslConfigEdit.set(original, setting.setting(), setting.value(), choices.rewriteUtf16()),
                    preview -> new WslConfigOracle(setting.setting(), setting.value())));
            case FixPlan.LetWslWriteResolvConf resolvConf -> {
                WslConfPlace place = WslConfPlace.of(places.linux(), places.wslConf(), places.mayWrite());
                // the edit's words name the file it edits, which may not be /etc/wsl.conf
                yield Optional.of(new Wired(place.files(), place.file(), original -> WslConfEdit.letWslWriteResolvConf(original, place.file()),
                        preview -> new WslConfOracle(place.files(), preview.original()), true, place.needsSudo(), place));
            }
            case FixPlan.DistroMtuAtBoot mtu -> {
                WslConfPlace place = WslConfPlace.of(places.linux(), places.wslConf(), places.mayWrite());
                yield Optional.of(new Wired(place.files(), place.file(), original -> WslConfMtuEdit.setMtuAtBoot(original, mtu, place.file()),
                        preview -> new WslConfMtuOracle(place.files(), mtu, preview.original()), true,
                        place.sudoFor(mtuCommand(mtu)), place));
            }
            case FixPlan.RewriteConfigLines lines when lines.file().equals(ConfigFileCheck.WSL_CONF) -> {
                WslConfPlace place = WslConfPlace.of(places.linux(), places.wslConf(), places.mayWrite());
                yield Optional.of(new Wired(place.files(), place.file(), ConfigRepairOracle.edit(lines),
                        preview -> new ConfigRepairOracle(place.files(), lines, preview.original()), true,
                        place.sudoFor(configLinesCommand(lines.finding().id())), place));
            }
            case FixPlan.RewriteConfigLines lines -> {
                ConfigFiles files = LocalConfigFiles.forThisUser();
                yield Optional.of(wslconfig(places, ConfigRepairOracle.edit(lines),
                        preview -> new ConfigRepairOracle(files, lines, preview.original())));
            }
            case FixPlan.WindowsFirewallRule rule -> Optional.empty();
            case FixPlan.ByHand steps -> Optional.empty();
        };
    }

    /** The ssh config of the Linux being diagnosed, checked with its own ssh -G before and after. */
    private static Wired ssh(FixPlan.SshIpqosNone ssh, Places places, Choices choices) throws Exception {
        ConfigFiles files = places.files();
        String home = files.home();
        String file = places.sshConfig() != null ? places.sshConfig() : files.inFolder(files.inFolder(home, ".ssh"), "config");
        String pattern = ssh.pattern();
        String ipqos = choices.ipqos();
        List<String> samples = choices.checkTarget() ? List.of(ssh.target()) : List.of();
        LocalDate today = LocalDate.now(places.clock());
        return new Wired(files, file,
                original -> SshConfigEdit.setIpqos(original, pattern, ipqos, today, samples, SshIncludes.under(files, home)),
                preview -> new SshConfigOracle(places.linux(), preview.existed() ? preview.file() : null, preview.original(),
                        pattern, ipqos, samples), false, Optional.empty(), () -> { });
    }

    /** Windows' .wslconfig: always a file of this computer (Windows' own profile, or reached through /mnt/c from WSL). */
    private static Wired wslconfig(Places places, Function<byte[], EditResult> edit, VerifierFactory verifier) throws Exception {
        String file = places.wslconfig().find().orElseThrow(NoWslconfig::new);
        return new Wired(LocalConfigFiles.forThisUser(), file, edit, verifier, true, Optional.empty(), () -> { });
    }
}
