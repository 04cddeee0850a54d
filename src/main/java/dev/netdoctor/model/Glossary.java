// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The technical terms that appear in evidence and technical details, each with one line a
 * non-expert can read. The wizard's "Technical details" and the report list the terms their text
 * uses; the plain words of a finding use none of them.
 */
public final class Glossary {
    /** A term, how to spot it, and the key of its explanation in {@link Words}' bundle. */
    private record Term(Pattern pattern, String explanationKey) {
    }

    private static final Map<String, Term> TERMS = new LinkedHashMap<>();

    private static void term(String name, String regex, String explanationKey) {
        TERMS.put(name, new Term(Pattern.compile(regex), explanationKey));
    }

    static {
        term("IPQoS", "\\bIPQoS\\b", "glossary.ipqos");
        term("DSCP / ToS", "\\b(DSCP|ToS)\\b", "glossary.dscp");
        term("af21, cs1, ef, lowdelay, throughput", "\\b(af[1-4][1-3]|cs[0-7]|ef|lowdelay|throughput)\\b", "glossary.tags");
        term("SYN", "\\bSYN\\b", "glossary.syn");
        term("SYN-SENT", "\\bSYN[-_]SENT\\b", "glossary.synSent");
        term("ConnectTimeout / tcp_syn_retries", "\\b(ConnectTimeout|tcp_syn_retries)\\b", "glossary.connectTimeout");
        term("ssh -G", "ssh -G", "glossary.sshG");
        term("loopback0", "\\bloopback0\\b", "glossary.loopback0");
        term("policy rule / table", "\\b(Policy rule|table \\d+|lookup \\d+)\\b", "glossary.policy");
        term("MTU", "\\bMTU\\b", "glossary.mtu");
        term("NAT", "\\bNAT\\b", "glossary.nat");
        term("mirrored networking", "\\bmirrored\\b", "glossary.mirrored");
        term("host key / known_hosts", "\\b(host key|known_hosts)\\b", "glossary.hostKey");
    }

    private Glossary() {
    }

    /** The terms {@code text} uses, in glossary order, with their one-line explanations. */
    public static Map<String, String> termsIn(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        TERMS.forEach((name, term) -> {
            if (term.pattern().matcher(text).find()) {
                found.put(name, Words.get(term.explanationKey()));
            }
        });
        return found;
    }

    /** The terms a finding's technical details use (its evidence lines and outputs). */
    public static Map<String, String> termsIn(Finding finding) {
        StringBuilder text = new StringBuilder();
        for (Evidence e : finding.evidence()) {
            text.append(e.summary()).append('\n');
            if (e.command() != null) {
                text.append(e.command()).append('\n');
            }
        }
        return termsIn(text.toString());
    }
}
