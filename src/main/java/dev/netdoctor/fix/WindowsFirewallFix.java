// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.Fact;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.WindowsPolicy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds and removes the firewall rule of a {@link FixPlan.WindowsFirewallRule}: the rule's own
 * command run with administrator rights ({@link ElevatedPowerShell}), and the rules read back
 * without them before and after (the oracle: the fix is applied only when the rule is there as
 * planned, undone only when it is gone). Windows' firewall is no file, so nothing of
 * {@link SafeApply} applies; its guarantees are kept here in their own form: look first, change
 * only after the user's yes, check after, and undo exactly what was added, by its name.
 */
public final class WindowsFirewallFix {
    /** Reads the rules of ours ({@link WindowsPolicy#OUR_RULE_PREFIX}) that are there now, unelevated, in one firewall. */
    @FunctionalInterface
    public interface RuleReader {
        /** @param hyperV the Hyper-V firewall's rules; else Windows Defender Firewall's */
        Fact<List<WindowsPolicy.FirewallRule>> ourRules(boolean hyperV) throws InterruptedException;
    }

    /** How an apply or undo ended. */
    public enum Outcome {
        /** Added (or removed), and read back so. */
        DONE,
        /** Nothing to do: the rule was already there as planned (or already gone). */
        ALREADY,
        /** Windows' administrator prompt was declined: nothing changed. */
        DECLINED
    }

    /**
     * @param verification what reading the rules back showed, in words; for {@link Outcome#DECLINED} why Windows did not
     *                     run the command, in PowerShell's words
     * @param undo         the command that removes the rule, for PowerShell run as administrator
     */
    public record Result(Outcome outcome, String rule, String verification, String undo) {
    }

    private final ElevatedPowerShell elevated;
    private final RuleReader rules;

    public WindowsFirewallFix(ElevatedPowerShell elevated, RuleReader rules) {
        this.elevated = Objects.requireNonNull(elevated, "elevated");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Adds the rule, unless it is there already; the user has said yes to it. */
    public Result apply(FixPlan.WindowsFirewallRule plan) throws FixException, InterruptedException {
        List<WindowsPolicy.FirewallRule> before = read(plan.hyperV(), "nothing was changed");
        Optional<WindowsPolicy.FirewallRule> there = find(before, plan.rule());
        if (there.isPresent()) {
            Optional<String> differs = differs(plan, there.get());
            if (differs.isPresent()) {
                throw new FixException("A rule named " + plan.rule() + " is there already, but " + differs.get()
                        + ". Nothing was changed; remove it first (in PowerShell run as administrator: " + plan.removeCommand() + ").");
            }
            return new Result(Outcome.ALREADY, plan.rule(), "the rule " + plan.rule() + " is there already: " + describe(there.get()),
                    plan.removeCommand());
        }
        Optional<String> notRun = elevated.run(plan.addCommand(), plan.removeCommand());
        if (notRun.isPresent()) {
            return new Result(Outcome.DECLINED, plan.rule(), notRun.get(), null);
        }
        List<WindowsPolicy.FirewallRule> after = read(plan.hyperV(), "the command ran, but whether the rule is there is not known; its undo is "
                + plan.removeCommand());
        WindowsPolicy.FirewallRule added = find(after, plan.rule()).orElseThrow(() -> new FixException("The command ran as"
                + " administrator, but no rule named " + plan.rule() + " is there now, so the fix is not applied."));
        Optional<String> differs = differs(plan, added);
        if (differs.isPresent()) {
            throw new FixException("The rule " + plan.rule() + " was added, but " + differs.get() + ". To take it away, run in"
                    + " PowerShell run as administrator: " + plan.removeCommand());
        }
        return new Result(Outcome.DONE, plan.rule(), "read back: " + describe(added), plan.removeCommand());
    }

    /**
     * Removes the rule named {@code rule}, one of ours, and nothing else; the user has said yes.
     *
     * @throws dev.netdoctor.model.InvalidInputException when the name is not one our fix gives its rules
     */
    public Result undo(String rule) throws FixException, InterruptedException {
        String remove = FixPlan.WindowsFirewallRule.removeCommand(rule);
        boolean hyperV = FixPlan.WindowsFirewallRule.inHyperV(rule);
        if (find(read(hyperV, "nothing was changed"), rule).isEmpty()) {
            return new Result(Outcome.ALREADY, rule, "no rule named " + rule + " is there: nothing to remove", null);
        }
        Optional<String> notRun = elevated.run(remove, remove);
        if (notRun.isPresent()) {
            return new Result(Outcome.DECLINED, rule, notRun.get(), remove);
        }
        if (find(read(hyperV, "the command ran, but whether the rule is gone is not known"), rule).isPresent()) {
            throw new FixException("The command ran as administrator, but the rule " + rule + " is still there.");
        }
        return new Result(Outcome.DONE, rule, "read back: no rule named " + rule + " is there", null);
    }

    private List<WindowsPolicy.FirewallRule> read(boolean hyperV, String consequence) throws FixException, InterruptedException {
        Fact<List<WindowsPolicy.FirewallRule>> now = rules.ourRules(hyperV);
        return now.get().orElseThrow(() -> new FixException("Windows' firewall rules could not be read (" + now.unknownBecause()
                + "), so " + consequence + "."));
    }

    private static Optional<WindowsPolicy.FirewallRule> find(List<WindowsPolicy.FirewallRule> rules, String name) {
        return rules.stream().filter(r -> name.equals(r.name())).findFirst();
    }

    /**
     * How the rule read back differs from the plan, if it does: what decides what it lets through
     * (on, inbound, allow, the port, WSL's adapter or WSL's VM), in words. A Hyper-V rule is read
     * back with its VM creator where a Windows Defender rule has its adapter. The NAT LAN rule's
     * limits (the local subnet, the Private and Domain profiles) are not read back.
     */
    static Optional<String> differs(FixPlan.WindowsFirewallRule plan, WindowsPolicy.FirewallRule rule) {
        if (!rule.enabled()) {
            return Optional.of("it is turned off");
        }
        if (!"Inbound".equalsIgnoreCase(rule.direction())) {
            return Optional.of("it is for " + rule.direction() + " traffic, not Inbound");
        }
        if (!"Allow".equalsIgnoreCase(rule.action())) {
            return Optional.of("its action is " + rule.action() + ", not Allow");
        }
        if (!plan.port().equals(rule.localPorts())) {
            return Optional.of("it is for port " + rule.localPorts() + ", not " + plan.port());
        }
        return switch (plan.scope()) {
            case FixPlan.WindowsFirewallRule.FROM_WSL -> plan.interfaceAlias().equals(rule.interfaceAlias()) ? Optional.empty()
                    : Optional.of("it is for the adapter " + rule.interfaceAlias() + ", not " + plan.interfaceAlias());
            case FixPlan.WindowsFirewallRule.FROM_LAN_MIRRORED -> WindowsPolicy.WSL_VM_CREATOR.equalsIgnoreCase(rule.interfaceAlias())
                    ? Optional.empty() : Optional.of("it is for the VM creator " + rule.interfaceAlias() + ", not WSL's");
            default -> Optional.empty();
        };
    }

    private static String describe(WindowsPolicy.FirewallRule rule) {
        return rule.name() + ", " + (rule.enabled() ? "on" : "off") + ", " + rule.direction() + ", " + rule.action() + ", TCP port "
                + rule.localPorts() + (rule.interfaceAlias() == null || rule.interfaceAlias().isEmpty() ? "" : ", adapter "
                + rule.interfaceAlias());
    }
}
