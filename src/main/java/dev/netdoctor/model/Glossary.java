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
    private record Term(Pattern pattern, String explanation) {
    }

    private static final Map<String, Term> TERMS = new LinkedHashMap<>();

    private static void term(String name, String regex, String explanation) {
        TERMS.put(name, new Term(Pattern.compile(regex), explanation));
    }

    static {
        term("IPQoS", "\\bIPQoS\\b", "ssh's setting for the priority tag it puts on its packets; \"none\" means no tag.");
        term("DSCP / ToS", "\\b(DSCP|ToS)\\b", "the priority tag in each IP packet's header; some networks drop tagged packets.");
        term("af21, cs1, ef, lowdelay, throughput", "\\b(af[1-4][1-3]|cs[0-7]|ef|lowdelay|throughput)\\b",
                "names of priority tags; OpenSSH uses af21 and cs1 by default since version 10, lowdelay and throughput before.");
        term("SYN", "\\bSYN\\b", "the first packet of a TCP connection: \"may I connect?\"");
        term("SYN-SENT", "\\bSYN[-_]SENT\\b", "a connection that has asked to connect and is still waiting for any answer.");
        term("ConnectTimeout / tcp_syn_retries", "\\b(ConnectTimeout|tcp_syn_retries)\\b",
                "how long a program waits for that answer: without ConnectTimeout, Linux retries tcp_syn_retries times, about two minutes.");
        term("ssh -G", "ssh -G", "prints the settings ssh would really use for a host, after reading your config files.");
        term("loopback0", "\\bloopback0\\b", "the interface WSL's mirrored networking adds; it carries 127.0.0.1 traffic to Windows.");
        term("policy rule / table", "\\b(Policy rule|table \\d+|lookup \\d+)\\b",
                "routing rules that choose a separate routing table for some connections before the normal routes.");
        term("MTU", "\\bMTU\\b", "the largest packet a network link carries; bigger packets are split or, when that is not allowed, lost.");
        term("NAT", "\\bNAT\\b", "WSL's default networking: Linux sits behind Windows, which forwards its connections.");
        term("mirrored networking", "\\bmirrored\\b", "WSL's networking mode in which Linux uses Windows' own network interfaces.");
        term("host key / known_hosts", "\\b(host key|known_hosts)\\b", "the key that proves a server is the one you mean; ssh remembers them in known_hosts.");
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
                found.put(name, term.explanation());
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
