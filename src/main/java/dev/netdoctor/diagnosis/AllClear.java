// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The all-clear of a run without a target, said as what was checked and worked ("names resolve
 * and the default gateway answers; WSL's settings files read as written"), built only from the
 * checks of this run that completed and passed. A check that did not run, did not finish or did
 * not pass is never claimed: it is named as not confirmed, and then the verdict is not sure.
 */
final class AllClear {
    private AllClear() {
    }

    /** What worked, in a short form for the title and a full one for the explanation. */
    private record Works(String shortly, String fully) {
    }

    /** Raised only when no rule raised anything about this computer. */
    static Finding ofThisComputer(Observations obs) {
        List<Works> works = new ArrayList<>();
        List<String> unconfirmed = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        boolean wayOut = obs.outcome(ProbeId.NAME_RESOLUTION).isPresent() || obs.outcome(ProbeId.DNS_SERVERS).isPresent()
                || obs.outcome(ProbeId.DEFAULT_GATEWAY).isPresent();
        windowsSide(obs, works, unconfirmed, evidence);
        names(obs, works, unconfirmed, evidence);
        gateway(obs, works, unconfirmed, evidence);
        settings(obs, works, unconfirmed, evidence);
        ports(obs, works, unconfirmed, evidence);
        String title = works.isEmpty() ? Words.get("finding.ENVIRONMENT_ONLY.title")
                : capitalised(list(works.stream().map(Works::shortly).toList()));
        StringBuilder explanation = new StringBuilder();
        if (!works.isEmpty()) {
            explanation.append(Words.get("finding.ENVIRONMENT_ONLY.works", list(works.stream().map(Works::fully).toList()))).append(' ');
        }
        if (!unconfirmed.isEmpty()) {
            explanation.append(Words.get("finding.ENVIRONMENT_ONLY.unconfirmed", String.join("; ", unconfirmed))).append(' ');
        }
        if (!wayOut) {
            explanation.append(Words.get("finding.ENVIRONMENT_ONLY.wayOutNotChecked")).append(' ');
        }
        explanation.append(Words.get("finding.ENVIRONMENT_ONLY.giveTarget"));
        // Sure only of what was checked, and only when nothing that was looked at is left unconfirmed.
        Confidence confidence = works.isEmpty() ? Confidence.LOW : unconfirmed.isEmpty() ? Confidence.HIGH : Confidence.MEDIUM;
        return new Finding(FindingId.ENVIRONMENT_ONLY, Severity.INFO, confidence, title, explanation.toString(), evidence, List.of());
    }

    /** The way out's name: resolved through the system resolver, or at least a DNS server that answers. */
    private static void names(Observations obs, List<Works> works, List<String> unconfirmed, List<Evidence> evidence) {
        Optional<ProbeOutcome> lookup = obs.outcome(ProbeId.NAME_RESOLUTION);
        Optional<ProbeOutcome> servers = obs.outcome(ProbeId.DNS_SERVERS);
        if (lookup.isEmpty() && servers.isEmpty()) {
            return;
        }
        evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.NAME_RESOLUTION));
        evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.DNS_SERVERS));
        evidence.addAll(DnsRules.partialAnswers(obs));
        Optional<ProbeData.Resolution> resolved = obs.data(ProbeId.NAME_RESOLUTION, ProbeData.Resolution.class)
                .filter(ProbeData.Resolution::resolved);
        if (resolved.isPresent()) {
            works.add(new Works(Words.get("allClear.names.short"),
                    Words.get("allClear.names", resolved.get().host(), resolved.get().addresses().getFirst())));
            return;
        }
        List<String> answered = obs.data(ProbeId.DNS_SERVERS, ProbeData.DnsServers.class)
                .map(d -> d.servers().stream().filter(s -> d.replies().stream()
                        .anyMatch(r -> r.server().equals(s) && r.outcome().serverAnswered())).toList())
                .orElse(List.of());
        if (!answered.isEmpty()) {
            works.add(new Works(Words.get("allClear.dns.short"), Words.get("allClear.dns", String.join(Words.get("list.and"), answered))));
        }
        unconfirmed.add(Words.get("allClear.unconfirmed.names", lookupWhy(obs, lookup)));
    }

    /** Why the name did not resolve, in the words of the check that tried. */
    private static String lookupWhy(Observations obs, Optional<ProbeOutcome> lookup) {
        Optional<ProbeData.Resolution> res = obs.data(ProbeId.NAME_RESOLUTION, ProbeData.Resolution.class);
        if (res.isPresent() && res.get().error() != null) {
            return res.get().error(); // what each server answered is in the evidence
        }
        return lookup.map(AllClear::notFinished).orElse(Words.get("allClear.notRun"));
    }

    /** The default gateway answering ping: the first step of the way out. Its silence is not a fault. */
    private static void gateway(Observations obs, List<Works> works, List<String> unconfirmed, List<Evidence> evidence) {
        Optional<ProbeOutcome> outcome = obs.outcome(ProbeId.DEFAULT_GATEWAY);
        if (outcome.isEmpty()) {
            return;
        }
        evidence.addAll(outcome.get().evidence());
        Optional<ProbeData.Ping> ping = obs.data(ProbeId.DEFAULT_GATEWAY, ProbeData.Ping.class);
        if (ping.isPresent() && ping.get().answered()) {
            works.add(new Works(Words.get("allClear.gateway.short"), Words.get("allClear.gateway", ping.get().address())));
        } else if (ping.isPresent()) {
            unconfirmed.add(Words.get("allClear.unconfirmed.gatewaySilent", ping.get().address()));
        } else if (outcome.get().status() == ProbeStatus.COMPLETED) {
            unconfirmed.add(Words.get("allClear.unconfirmed.noGateway"));
        } else {
            unconfirmed.add(Words.get("allClear.unconfirmed.gateway", notFinished(outcome.get())));
        }
    }

    /** WSL's settings files, read by WSL's own rules: only the files that were there and read are claimed. */
    private static void settings(Observations obs, List<Works> works, List<String> unconfirmed, List<Evidence> evidence) {
        Optional<ProbeOutcome> outcome = obs.outcome(ProbeId.CONFIG_FILES);
        if (outcome.isEmpty()) {
            return;
        }
        List<ConfigFileCheck> files = obs.data(ProbeId.CONFIG_FILES, ProbeData.ConfigFiles.class).map(ProbeData.ConfigFiles::files).orElse(List.of());
        List<String> read = files.stream().filter(ConfigFileCheck::read).map(ConfigFileCheck::file).toList();
        List<String> unreadable = files.stream().filter(f -> ConfigFileCheck.UNREADABLE.equals(f.status())).map(ConfigFileCheck::file).toList();
        if (!read.isEmpty()) {
            evidence.add(Evidence.of(outcome.get().summary()));
            works.add(new Works(Words.get("allClear.settings.short"), Words.get("allClear.settings", String.join(Words.get("list.and"), read))));
        }
        if (!unreadable.isEmpty()) {
            unconfirmed.add(Words.get("allClear.unconfirmed.settings", String.join(Words.get("list.and"), unreadable)));
        } else if (files.isEmpty() && outcome.get().status() != ProbeStatus.COMPLETED) {
            unconfirmed.add(Words.get("allClear.unconfirmed.settingsNotRead", notFinished(outcome.get())));
        }
    }

    /** This computer reaching its own ports (and the user's service ports, when given). */
    private static void ports(Observations obs, List<Works> works, List<String> unconfirmed, List<Evidence> evidence) {
        Optional<ProbeOutcome> outcome = obs.outcome(ProbeId.LOOPBACK_SELF_TEST);
        if (outcome.isEmpty()) {
            return;
        }
        if (obs.data(ProbeId.LOOPBACK_SELF_TEST, ProbeData.LoopbackSelfTest.class).isPresent()) {
            evidence.addAll(outcome.get().evidence());
            evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.SERVICE_PORTS));
            works.add(new Works(Words.get("allClear.ports.short"), Words.get("allClear.ports")));
        } else {
            unconfirmed.add(Words.get("allClear.unconfirmed.ports", notFinished(outcome.get())));
        }
    }

    /**
     * What the question was about when it was Windows and WSL reaching each other: said first, in
     * the words of the symptom, and only what a check saw work.
     */
    private static void windowsSide(Observations obs, List<Works> works, List<String> unconfirmed, List<Evidence> evidence) {
        obs.outcome(ProbeId.LOCALHOST_RELAY).ifPresent(o -> {
            Optional<ProbeData.LocalhostRelay> relay = obs.data(ProbeId.LOCALHOST_RELAY, ProbeData.LocalhostRelay.class);
            if (relay.isEmpty()) {
                unconfirmed.add(Words.get("allClear.unconfirmed.localhost", notFinished(o)));
                return;
            }
            evidence.addAll(o.evidence());
            for (dev.netdoctor.model.RelayPort p : relay.get().ports()) {
                if (!relay.get().seenFromWindows()) {
                    if (!p.distroListeners().isEmpty()) {
                        unconfirmed.add(Words.get("allClear.unconfirmed.localhostFromWindows", p.port()));
                    }
                } else if (p.connects().stream().anyMatch(c -> !c.address().equals(p.distroAddress()) && c.works())) {
                    works.add(new Works(Words.get("allClear.localhost.short", p.port()), Words.get("allClear.localhost", p.port())));
                }
            }
        });
        obs.outcome(ProbeId.WINDOWS_SERVICE).ifPresent(o -> {
            Optional<ProbeData.WindowsServices> services = obs.data(ProbeId.WINDOWS_SERVICE, ProbeData.WindowsServices.class);
            if (services.isEmpty()) {
                unconfirmed.add(Words.get("allClear.unconfirmed.windowsService", notFinished(o)));
                return;
            }
            evidence.addAll(o.evidence());
            services.get().ports().stream()
                    .filter(s -> s.fromDistro() != null && s.fromDistro().result() == dev.netdoctor.model.ConnectResult.CONNECTED)
                    .forEach(s -> works.add(new Works(Words.get("allClear.windowsService.short", s.port()),
                            Words.get("allClear.windowsService", s.windowsAddress(), s.port()))));
        });
        obs.data(ProbeId.OTHER_DEVICES, ProbeData.OtherDevices.class).ifPresent(d -> {
            boolean proven = obs.data(ProbeData.Vantage.class).filter(ProbeData.Vantage::loggedIn)
                    .filter(v -> !v.checks().isEmpty() && v.checks().stream().allMatch(dev.netdoctor.model.VantageCheck::reachable)).isPresent();
            String ports = d.ports().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            if (proven) {
                works.add(new Works(Words.get("allClear.otherDevices.short", ports), Words.get("allClear.otherDevices", ports)));
            } else {
                unconfirmed.add(Words.get("allClear.unconfirmed.otherDevices", ports));
            }
        });
    }

    /** How the check ended, in words; its own message (an exception's name) stays in the details. */
    private static String notFinished(ProbeOutcome o) {
        return o.status() == ProbeStatus.SKIPPED ? Words.get("allClear.notRun")
                : Words.get("allClear.ended", o.status().words().toLowerCase(Locale.ROOT));
    }

    /** "a", "a and b", "a, b and c". */
    private static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + Words.get("list.and") + items.getLast();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
