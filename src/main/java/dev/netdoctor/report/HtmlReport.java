// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.Words;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report as one XHTML document with its CSS: what the PDF is rendered from, and what can
 * be saved as HTML. Written for a help-desk engineer: verdict first, then the question and the
 * machine, the findings with their evidence, the checks as a timeline, what was changed, and
 * every raw command and output in the appendix, wrapped, never cut.
 */
public final class HtmlReport {
    /** Paper the PDF is laid out for. */
    public enum Paper {
        A4("A4"), LETTER("letter");

        final String css;

        Paper(String css) {
            this.css = css;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss xxx '('VV')'", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN_FIXED = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss xxx", Locale.ENGLISH);

    private final StringBuilder b = new StringBuilder(64 * 1024);
    private final ReportData report;
    private final DiagnosisResult r;
    private final Map<String, String> bookmarks = new LinkedHashMap<>();

    private HtmlReport(ReportData report) {
        this.report = report;
        this.r = report.result();
    }

    public static String render(ReportData report, Paper paper) {
        return new HtmlReport(report).document(paper);
    }

    private String document(Paper paper) {
        StringBuilder body = new StringBuilder();
        String head = header();
        String question = section("question", Words.get("report.question"), question());
        String machine = section("machine", Words.get("report.machine"), machine());
        String findings = section("findings", Words.get("report.findings"), findings());
        String dns = r.probes().stream().map(p -> p.dataAs(ProbeData.DnsServers.class)).flatMap(java.util.Optional::stream)
                .findFirst().map(d -> section("dns", Words.get("report.dns"), dns(d))).orElse("");
        String settings = r.probes().stream().map(p -> p.dataAs(ProbeData.ConfigFiles.class)).flatMap(java.util.Optional::stream)
                .findFirst().map(c -> section("settings", Words.get("report.settings"), settingsFiles(c))).orElse("");
        String timeline = section("checks", Words.get("report.checks"), timeline());
        String fixes = section("fixes", Words.get("report.fixes"), fixes());
        String appendix = section("appendix", Words.get("report.appendix"), appendix());
        String terms = terms();
        body.append(head).append(question).append(machine).append(findings).append(dns).append(settings).append(timeline).append(fixes).append(appendix);
        if (!terms.isEmpty()) {
            body.append(section("terms", Words.get("report.terms"), terms));
        }
        StringBuilder doc = new StringBuilder();
        doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(esc(title())).append("</title>\n")
                .append("<meta name=\"subject\" content=\"").append(esc(r.verdict())).append("\"/>\n")
                .append("<meta name=\"author\" content=\"WSL Net Doctor\"/>\n")
                .append("<style>\n").append(css(paper)).append("</style>\n<bookmarks>\n");
        bookmarks.forEach((id, name) -> doc.append("<bookmark name=\"").append(esc(name)).append("\" href=\"#").append(id).append("\"/>\n"));
        doc.append("</bookmarks>\n</head>\n<body>\n").append(body).append("</body>\n</html>\n");
        return doc.toString();
    }

    private String title() {
        return Words.get("report.name") + (r.request().target() == null ? "" : " — " + r.request().target());
    }

    private String header() {
        StringBuilder h = new StringBuilder();
        String verdictClass = r.problemFound() ? "problem" : r.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING) ? "warning" : "ok";
        h.append("<div class=\"masthead\"><div class=\"product\">WSL Net Doctor <span class=\"version\">").append(esc(r.toolVersion()))
                .append("</span></div><div class=\"when\">").append(esc(when())).append("</div></div>\n");
        h.append("<h1 id=\"verdict\">").append(esc(title())).append("</h1>\n");
        bookmarks.put("verdict", Words.get("report.verdict"));
        h.append("<div class=\"verdict ").append(verdictClass).append("\"><div class=\"label\">").append(esc(Words.get("report.verdict"))).append("</div><div class=\"text\">")
                .append(esc(r.verdict())).append("</div></div>\n");
        if (report.redacted()) {
            h.append("<p class=\"redacted\">").append(esc(Words.get("report.redacted"))).append("</p>\n");
        }
        if (!r.complete()) {
            h.append("<p class=\"note\">").append(esc(Words.get("report.incomplete"))).append("</p>\n");
        }
        return h.toString();
    }

    private String when() {
        try {
            return r.startedAt().atZoneSameInstant(java.time.ZoneId.systemDefault()).format(WHEN);
        } catch (RuntimeException e) {
            return r.startedAt().format(WHEN_FIXED);
        }
    }

    private String question() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(Words.get("report.target"), r.request().target() == null ? Words.get("report.target.none") : r.request().target());
        rows.put(Words.get("report.servicePorts"), r.request().servicePorts().isEmpty() ? Words.get("system.none") : r.request().servicePorts().stream()
                .map(String::valueOf).collect(Collectors.joining(", ")));
        rows.put(Words.get("report.vantage"), r.request().vantage() == null ? Words.get("system.none") : r.request().vantage());
        rows.put(Words.get("report.limits"), Words.get("report.limits.value", String.valueOf(r.request().attemptTimeoutMillis()),
                String.valueOf(r.request().deadlineMillis() / 1000)));
        rows.put(Words.get("report.took"), Words.get("report.ms", String.valueOf(r.durationMillis())));
        return keyValues(rows);
    }

    private String machine() {
        Environment e = r.environment();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(Words.get("report.system"), e.os());
        rows.put(Words.get("report.kernel"), Objects.toString(e.kernel(), Words.get("system.unknown")));
        rows.put(Words.get("system.wsl"), e.wsl().describe());
        if (e.wsl().distro() != null) {
            rows.put(Words.get("report.distro"), e.wsl().distro());
        }
        if (e.wsl().modeSource() != null) {
            rows.put(Words.get("report.modeFrom"), e.wsl().modeSource());
        }
        rows.put(Words.get("system.gateway"), Objects.toString(e.defaultGateway(), Words.get("system.none")));
        rows.put(Words.get("system.dns"), e.dnsServers().isEmpty() ? Words.get("system.none") : String.join(", ", e.dnsServers()));
        rows.put(Words.get("report.openssh"), e.sshClient().installed() ? e.sshClient().version()
                : Objects.toString(e.sshClient().note(), Words.get("report.openssh.none")));
        e.sshClient().effective().forEach((k, v) -> rows.put("ssh -G " + k, v));
        if (e.synGiveUpSeconds() != null) {
            rows.put(Words.get("report.synGiveUp"), Words.get("report.synGiveUp.value", String.valueOf(e.synGiveUpSeconds()), String.valueOf(e.tcpSynRetries())));
        }
        for (int i = 0; i < e.notes().size(); i++) {
            rows.put(e.notes().size() == 1 ? Words.get("system.note") : Words.get("report.noteN", String.valueOf(i + 1)), e.notes().get(i));
        }
        if (e.windows() != null) {
            e.windows().summary().forEach((k, v) -> rows.put(Words.get("report.windowsFact", k), v));
        }
        StringBuilder s = new StringBuilder(keyValues(rows));
        s.append("<h3>").append(esc(Words.get("report.interfaces"))).append("</h3>\n<table class=\"grid\"><thead><tr><th>")
                .append(esc(Words.get("report.interface"))).append("</th><th>MTU</th><th>").append(esc(Words.get("report.interface.state")))
                .append("</th><th>IPv4</th><th>IPv6</th></tr></thead><tbody>\n");
        for (NetInterface i : e.interfaces()) {
            s.append("<tr><td>").append(esc(i.name())).append("</td><td class=\"num\">").append(i.mtu()).append("</td><td>")
                    .append(esc(Words.get(i.up() ? "report.up" : "system.down"))).append("</td><td>").append(esc(String.join(", ", i.ipv4()))).append("</td><td>")
                    .append(esc(String.join(", ", i.ipv6()))).append("</td></tr>\n");
        }
        s.append("</tbody></table>\n");
        return s.toString();
    }

    private String findings() {
        StringBuilder s = new StringBuilder();
        if (r.findings().isEmpty()) {
            s.append("<p>").append(esc(Words.get("report.noFindings"))).append("</p>\n");
        }
        int n = 0;
        for (Finding f : r.findings()) {
            String id = "finding-" + (++n);
            bookmarks.put(id, Words.get("report.findingBookmark", f.title()));
            s.append("<div class=\"finding ").append(f.severity().id()).append("\">\n<h3 id=\"").append(id).append("\">")
                    .append(esc(f.title())).append("</h3>\n<p class=\"meta\"><span class=\"badge ").append(f.severity().id()).append("\">")
                    .append(esc(f.severity().words())).append("</span> <span class=\"confidence\">")
                    .append(esc(f.confidence().words())).append("</span> <code>").append(esc(f.id()))
                    .append("</code></p>\n<p>").append(esc(f.explanation())).append("</p>\n");
            if (!f.evidence().isEmpty()) {
                s.append("<table class=\"grid evidence\"><thead><tr><th>").append(esc(Words.get("report.evidence"))).append("</th></tr></thead><tbody>\n");
                for (Evidence e : f.evidence()) {
                    s.append("<tr><td>").append(esc(e.summary()));
                    if (e.command() != null) {
                        s.append("<div class=\"cmd\">$ ").append(command(e.command())).append("</div>");
                    }
                    s.append("</td></tr>\n");
                }
                s.append("</tbody></table>\n");
            }
            if (!f.fixes().isEmpty()) {
                s.append("<p class=\"fixes-head\">").append(esc(Words.get("report.whatFixesIt"))).append("</p>\n<ul class=\"fixes\">\n");
                for (FixSuggestion fix : f.fixes()) {
                    s.append("<li><b>").append(esc(fix.title())).append("</b> <code>").append(esc(fix.id())).append("</code><br/>")
                            .append(esc(fix.detail())).append("</li>\n");
                }
                s.append("</ul>\n");
            }
            s.append("</div>\n");
        }
        return s.toString();
    }

    /** Each check with its parameters, outcome and time, and a bar showing when it ran. */
    private String timeline() {
        long total = Math.max(1, r.probes().stream().mapToLong(p -> p.startedAfterMillis() + p.durationMillis()).max().orElse(1));
        StringBuilder s = new StringBuilder("<table class=\"grid timeline\"><colgroup><col style=\"width: 20%\"/><col style=\"width: 20%\"/>"
                + "<col style=\"width: 29%\"/><col style=\"width: 9%\"/><col style=\"width: 9%\"/><col style=\"width: 13%\"/></colgroup>"
                + "<thead><tr><th>" + esc(Words.get("report.check")) + "</th><th>" + esc(Words.get("report.parameters")) + "</th><th>"
                + esc(Words.get("report.outcome")) + "</th><th class=\"num\">" + esc(Words.get("report.start")) + "</th><th class=\"num\">"
                + esc(Words.get("report.time")) + "</th><th class=\"bar\">0 – " + esc(Words.get("report.ms", String.valueOf(total)))
                + "</th></tr></thead><tbody>\n");
        for (ProbeOutcome p : r.probes()) {
            double left = 100.0 * p.startedAfterMillis() / total;
            double width = Math.max(0.8, 100.0 * p.durationMillis() / total);
            s.append("<tr><td><b>").append(esc(p.title())).append("</b><br/><code>").append(esc(p.probeId())).append("</code></td><td>")
                    .append(parameters(p.parameters()))
                    .append("</td><td><span class=\"status ").append(p.status().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(esc(p.status().words())).append("</span> ").append(esc(Objects.toString(p.summary(), "")))
                    .append("</td><td class=\"num\">").append(esc(Words.get("report.ms", String.valueOf(p.startedAfterMillis()))))
                    .append("</td><td class=\"num\">").append(esc(Words.get("report.ms", String.valueOf(p.durationMillis())))).append("</td><td class=\"bar\"><div class=\"track\"><div class=\"span\" style=\"margin-left: ")
                    .append(String.format(Locale.ROOT, "%.1f", Math.min(left, 99.2))).append("%; width: ")
                    .append(String.format(Locale.ROOT, "%.1f", Math.min(width, 100 - Math.min(left, 99.2)))).append("%\"></div></div></td></tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }

    private String fixes() {
        StringBuilder s = new StringBuilder();
        Set<String> offered = new java.util.LinkedHashSet<>();
        r.findings().forEach(f -> f.fixes().forEach(x -> offered.add(x.title() + " (" + x.id() + ")")));
        s.append("<h3>").append(esc(Words.get("report.offered"))).append("</h3>\n");
        if (offered.isEmpty()) {
            s.append("<p>").append(esc(Words.get("report.offered.none"))).append("</p>\n");
        } else {
            s.append("<ul>");
            offered.forEach(o -> s.append("<li>").append(esc(o)).append("</li>"));
            s.append("</ul>\n");
        }
        s.append("<h3>").append(esc(Words.get("report.done"))).append("</h3>\n");
        if (report.fixHistory().isEmpty()) {
            s.append("<p>").append(esc(Words.get("report.done.none"))).append("</p>\n");
        }
        for (FixRecord fr : report.fixHistory()) {
            s.append("<div class=\"fixrecord\"><p><b>").append(esc(fr.title())).append("</b>: ").append(esc(fr.action()))
                    .append(fr.at() == null ? "" : " " + esc(Words.get("report.at", fr.at().toString()))).append("</p>\n");
            Map<String, String> rows = new LinkedHashMap<>();
            if (fr.file() != null) {
                rows.put(Words.get("report.file"), fr.file());
            }
            if (fr.backup() != null) {
                rows.put(Words.get("report.backup"), fr.backup());
            }
            if (fr.verification() != null) {
                rows.put(Words.get("report.checked"), fr.verification());
            }
            s.append(keyValues(rows));
            if (fr.diff() != null && !fr.diff().isBlank()) {
                s.append("<pre class=\"diff\">").append(diffHtml(fr.diff())).append("</pre>\n");
            }
            s.append("</div>\n");
        }
        if (report.verification() != null) {
            DiagnosisResult after = report.verification();
            s.append("<h3>").append(esc(Words.get("report.verification"))).append("</h3>\n<table class=\"grid\"><thead><tr><th></th><th>")
                    .append(esc(Words.get("verify.col.before"))).append("</th><th>").append(esc(Words.get("verify.col.after")))
                    .append("</th></tr></thead><tbody>\n")
                    .append("<tr><td>").append(esc(Words.get("verify.verdict"))).append("</td><td>").append(esc(r.verdict())).append("</td><td>").append(esc(after.verdict())).append("</td></tr>\n");
            Set<String> afterIds = after.findings().stream().map(Finding::id).collect(Collectors.toSet());
            for (Finding f : r.findings()) {
                if (f.severity() != Severity.INFO) {
                    s.append("<tr><td>").append(esc(f.title())).append("</td><td>").append(esc(Words.get("verify.found"))).append("</td><td>")
                            .append(esc(Words.get(afterIds.contains(f.id()) ? "verify.still" : "verify.gone"))).append("</td></tr>\n");
                }
            }
            s.append("</tbody></table>\n");
        }
        return s.toString();
    }

    private static String diffHtml(String diff) {
        StringBuilder s = new StringBuilder();
        for (String line : diff.split("\n", -1)) {
            String cls = line.startsWith("+") && !line.startsWith("+++") ? "add" : line.startsWith("-") && !line.startsWith("---") ? "del"
                    : line.startsWith("@@") ? "hunk" : "";
            s.append(cls.isEmpty() ? esc(line) : "<span class=\"" + cls + "\">" + esc(line) + "</span>").append('\n');
        }
        return s.toString();
    }

    /** Every command and its output, and the socket table, in full. */
    private String appendix() {
        StringBuilder s = new StringBuilder();
        for (ProbeOutcome p : r.probes()) {
            boolean any = p.evidence().stream().anyMatch(e -> e.output() != null) || p.error() != null;
            if (!any) {
                continue;
            }
            s.append("<h3>").append(esc(p.title())).append(" <code>").append(esc(p.probeId())).append("</code></h3>\n");
            if (p.error() != null) {
                s.append("<p class=\"note\">").append(esc(p.error())).append("</p>\n");
            }
            for (Evidence e : p.evidence()) {
                if (e.output() == null && e.command() == null) {
                    continue;
                }
                s.append("<p class=\"evidence-head\">").append(esc(e.summary())).append("</p>\n<pre>");
                if (e.command() != null) {
                    s.append("<span class=\"prompt\">$ ").append(command(e.command())).append("</span>\n");
                }
                s.append(esc(Objects.toString(e.output(), "").stripTrailing())).append("</pre>\n");
            }
        }
        r.probes().stream().map(p -> p.dataAs(ProbeData.Sockets.class)).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(sockets -> s.append(socketTable(sockets.lastSnapshot())));
        return s.length() == 0 ? "<p>" + esc(Words.get("report.noOutput")) + "</p>\n" : s.toString();
    }

    /** How this machine looks names up, and what each DNS server said when asked directly. */
    private static String dns(ProbeData.DnsServers d) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put(Words.get("report.dns.name"), d.name());
        facts.put("/etc/resolv.conf", Words.get(d.writtenByWsl() ? "report.dns.byWsl" : "report.dns.notByWsl")
                + (d.fileTarget() != null && !d.fileTarget().equals("/etc/resolv.conf") ? Words.get("report.dns.link", d.fileTarget()) : "")
                + (Boolean.TRUE.equals(d.immutable()) ? Words.get("report.dns.locked") : ""));
        facts.put(Words.get("report.dns.path"), d.path().words());
        if (d.generateResolvConf() != null) {
            facts.put("/etc/wsl.conf", "[network] generateResolvConf = " + d.generateResolvConf());
        }
        StringBuilder s = new StringBuilder(keyValues(facts));
        if (d.replies().isEmpty()) {
            return s.append("<p>").append(esc(Words.get("report.dns.noneAsked"))).append("</p>\n").toString();
        }
        s.append("<table class=\"grid dns\"><thead><tr><th>").append(esc(Words.get("report.dns.server"))).append("</th><th>")
                .append(esc(Words.get("report.dns.over"))).append("</th><th>").append(esc(Words.get("report.dns.answer"))).append("</th><th>")
                .append(esc(Words.get("report.dns.addresses"))).append("</th><th class=\"num\">").append(esc(Words.get("report.time")))
                .append("</th></tr></thead><tbody>\n");
        for (DnsReply reply : d.replies()) {
            s.append("<tr").append(reply.outcome().serverAnswered() ? "" : " class=\"synsent\"").append("><td>").append(esc(reply.server()))
                    .append("</td><td>").append(reply.transport() == DnsReply.Transport.UDP ? "UDP" : "TCP").append("</td><td>")
                    .append(esc(reply.outcome().words())).append("</td><td>").append(esc(String.join(", ", reply.addresses())))
                    .append("</td><td class=\"num\">").append(esc(Words.get("report.ms", String.valueOf(reply.millis())))).append("</td></tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }

    /** Each file as WSL reads it: where, how saved, what WSL uses, and every line it reads otherwise. */
    private static String settingsFiles(ProbeData.ConfigFiles c) {
        StringBuilder s = new StringBuilder();
        for (dev.netdoctor.model.ConfigFileCheck file : c.files()) {
            Map<String, String> facts = new java.util.LinkedHashMap<>();
            facts.put(file.file(), file.path() == null ? Words.get("report.settings.notFound") : file.path());
            if (!file.read()) {
                facts.put(Words.get("report.settings.read"), file.note());
                s.append(keyValues(facts));
                continue;
            }
            facts.put(Words.get("report.settings.savedAs"), file.encoding());
            facts.put(Words.get("report.settings.uses"), file.settings().isEmpty() ? Words.get("settings.defaults")
                    : String.join(", ", file.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            if (file.stopsAt() != null) {
                facts.put(Words.get("report.settings.stopsAt"), Words.get("cli.checkConfig.line", String.valueOf(file.stopsAt())));
            }
            s.append(keyValues(facts));
            if (file.problems().isEmpty()) {
                s.append("<p>").append(esc(Words.get("settings.asItLooks"))).append("</p>\n");
                continue;
            }
            s.append("<table class=\"grid settings\"><colgroup><col style=\"width: 8%\"/><col style=\"width: 32%\"/><col style=\"width: 60%\"/>"
                    + "</colgroup><thead><tr><th class=\"num\">" + esc(Words.get("report.settings.line")) + "</th><th>"
                    + esc(Words.get("report.settings.asWritten")) + "</th><th>" + esc(Words.get("report.settings.whatWslDoes"))
                    + "</th></tr></thead><tbody>\n");
            for (dev.netdoctor.model.ConfigProblem p : file.problems()) {
                s.append("<tr><td class=\"num\">").append(p.line() == 0 ? esc(Words.get("report.settings.all")) : Integer.toString(p.line())).append("</td><td class=\"mono\">")
                        .append(esc(p.line() == 0 ? "" : p.text())).append("</td><td>").append(esc(p.what())).append(" <span class=\"muted\">(")
                        .append(esc(p.findingId())).append(")</span></td></tr>\n");
            }
            s.append("</tbody></table>\n");
        }
        return s.toString();
    }

    private static String socketTable(List<TcpConnection> rows) {
        StringBuilder s = new StringBuilder("<h3>" + esc(Words.get("report.sockets")) + "</h3>\n<table class=\"grid mono\"><thead><tr>"
                + "<th>" + esc(Words.get("checks.col.state")) + "</th><th>" + esc(Words.get("report.sockets.local")) + "</th><th>"
                + esc(Words.get("report.sockets.remote")) + "</th><th>" + esc(Words.get("checks.col.process")) + "</th><th class=\"num\">"
                + esc(Words.get("checks.col.pid")) + "</th><th class=\"num\">" + esc(Words.get("report.sockets.seenFor"))
                + "</th></tr></thead><tbody>\n");
        for (TcpConnection c : rows) {
            s.append("<tr").append(c.synSent() ? " class=\"synsent\"" : "").append("><td>").append(esc(c.state())).append("</td><td>")
                    .append(esc(c.localAddress() + ":" + c.localPort())).append("</td><td>").append(esc(c.remoteAddress() + ":" + c.remotePort()))
                    .append("</td><td>").append(esc(c.ours() ? Words.get("checks.ours") : Objects.toString(c.processName(), Words.get("system.unknown")))).append("</td><td class=\"num\">")
                    .append(c.pid() < 0 ? "—" : String.valueOf(c.pid())).append("</td><td class=\"num\">").append(esc(Words.get("report.ms", String.valueOf(c.ageMillis())))).append("</td></tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }

    /** Each technical term the findings' evidence uses, with its one-line explanation (the wizard shows the same). */
    private String terms() {
        java.util.Map<String, String> terms = new java.util.LinkedHashMap<>();
        r.findings().forEach(f -> terms.putAll(dev.netdoctor.model.Glossary.termsIn(f)));
        if (terms.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<table class=\"grid terms\"><thead><tr><th>" + esc(Words.get("report.term")) + "</th><th>"
                + esc(Words.get("report.term.meaning")) + "</th></tr></thead><tbody>\n");
        terms.forEach((term, meaning) -> s.append("<tr><td>").append(esc(term)).append("</td><td>").append(esc(meaning)).append("</td></tr>\n"));
        return s.append("</tbody></table>\n").toString();
    }

    private String section(String id, String title, String content) {
        bookmarks.put(id, title);
        return "<h2 id=\"" + id + "\">" + esc(title) + "</h2>\n" + content;
    }

    private static String keyValues(Map<String, String> rows) {
        StringBuilder s = new StringBuilder("<table class=\"kv\"><tbody>\n");
        rows.forEach((k, v) -> s.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        return s.append("</tbody></table>\n").toString();
    }

    /** XML escaping; characters XML 1.0 forbids (control bytes in command output) are shown as U+FFFD. */
    /**
     * A command line that wraps only between its words, an option kept with its value ("-o
     * UserKnownHostsFile=…"): a break after the '-' made the command read, and copy, wrong.
     */
    static String command(String line) {
        String[] words = line.split(" ", -1);
        List<String> units = new java.util.ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            boolean shortOption = words[i].length() == 2 && words[i].startsWith("-") && i + 1 < words.length
                    && !words[i + 1].startsWith("-");
            units.add("<span class=\"nb\">" + esc(shortOption ? words[i] + " " + words[++i] : words[i]) + "</span>");
        }
        return String.join(" ", units);
    }

    /**
     * One parameter a line, "key: value", so a narrow column wraps at the space after the key or
     * a comma instead of inside an address or a number ("198.|19.1.2", "200|0").
     */
    static String parameters(java.util.Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> "<div>" + esc(e.getKey()) + ": " + esc(String.join(", ", e.getValue().split(",\\s*"))) + "</div>")
                .collect(Collectors.joining());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF;
                    out.appendCodePoint(allowed ? cp : 0xFFFD);
                }
            }
        });
        return out.toString();
    }

    private String css(Paper paper) {
        return """
                @page { size: %s; margin: 22mm 16mm 20mm 16mm;
                  @top-left { content: "WSL Net Doctor report"; font-family: 'DejaVu Sans'; font-size: 8pt; color: #6a737d; }
                  @top-right { content: "%s"; font-family: 'DejaVu Sans'; font-size: 8pt; color: #6a737d; }
                  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; color: #6a737d; } }
                html, body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; line-height: 1.4; color: #1f2328; }
                h1 { font-size: 17pt; margin: 4mm 0 3mm 0; color: #0b5cad; }
                h2 { font-size: 13pt; margin: 7mm 0 2.5mm 0; padding-bottom: 1mm; border-bottom: 1.5pt solid #0b5cad; color: #0b5cad;
                     page-break-after: avoid; }
                h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm 0; page-break-after: avoid; }
                code, pre, .cmd, .mono { font-family: 'DejaVu Sans Mono', monospace; }
                code { font-size: 8pt; color: #57606a; }
                .masthead { border-bottom: 0.5pt solid #d0d7de; padding-bottom: 2mm; }
                .masthead .product { font-weight: bold; font-size: 11pt; color: #0b5cad; }
                .masthead .version { font-weight: normal; color: #6a737d; font-size: 9pt; }
                .masthead .when { color: #57606a; font-size: 8.5pt; }
                .verdict { border-radius: 3pt; padding: 3mm 4mm; margin: 2mm 0 3mm 0; border-left: 4pt solid; }
                .verdict .label { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.5pt; color: #57606a; }
                .verdict .text { font-size: 12pt; font-weight: bold; }
                .verdict.problem { background: #ffebe9; border-color: #cf222e; }
                .verdict.warning { background: #fff8c5; border-color: #9a6700; }
                .verdict.ok { background: #dafbe1; border-color: #1a7f37; }
                .redacted, .note { background: #f6f8fa; border: 0.5pt solid #d0d7de; padding: 2mm 3mm; font-size: 8.5pt; }
                table { border-collapse: collapse; width: 100%%; margin: 1mm 0 2mm 0; }
                table.kv th { text-align: left; width: 34%%; color: #57606a; font-weight: normal; padding: 0.8mm 2mm 0.8mm 0; vertical-align: top; }
                table.kv td { padding: 0.8mm 0; word-wrap: break-word; }
                .muted { color: #666; font-size: 0.85em; }
                table.settings td { word-wrap: break-word; }
                table.grid th { background: #f6f8fa; text-align: left; font-size: 8.5pt; padding: 1.2mm 1.5mm; border: 0.5pt solid #d0d7de; }
                table.grid td { padding: 1.2mm 1.5mm; border: 0.5pt solid #d0d7de; vertical-align: top; font-size: 8.5pt; word-wrap: break-word; }
                table.grid tr { page-break-inside: avoid; }
                table.grid { -fs-table-paginate: paginate; }
                table.evidence { page-break-inside: avoid; }
                .fixes-head, .evidence-head { page-break-after: avoid; }
                .nb { white-space: nowrap; }
                .num { text-align: right; white-space: nowrap; }
                .finding { border: 0.5pt solid #d0d7de; border-left: 3pt solid #6a737d; padding: 1mm 4mm 2mm 4mm; margin: 3mm 0; }
                .finding.problem { border-left-color: #cf222e; }
                .finding.warning { border-left-color: #9a6700; }
                .finding.info { border-left-color: #1a7f37; }
                .finding h3 { margin-top: 2mm; }
                .badge { font-size: 7.5pt; padding: 0.3mm 1.8mm; border-radius: 6pt; color: #ffffff; background: #6a737d; }
                .badge.problem { background: #cf222e; } .badge.warning { background: #9a6700; } .badge.info { background: #1a7f37; }
                .confidence { color: #57606a; font-size: 8.5pt; }
                .cmd { color: #57606a; font-size: 7.5pt; margin-top: 0.8mm; word-wrap: break-word; }
                .fixes-head { font-weight: bold; margin-bottom: 0; }
                ul.fixes li { margin-bottom: 1mm; }
                .status { font-size: 7.5pt; padding: 0 1.2mm; border-radius: 2pt; background: #eaeef2; }
                .status.completed { background: #dafbe1; } .status.failed { background: #ffebe9; } .status.timed_out, .status.cancelled { background: #fff8c5; }
                table.timeline { table-layout: fixed; }
                td.bar, th.bar { white-space: nowrap; }
                .track { background: #eaeef2; height: 2.2mm; width: 100%%; }
                .span { background: #0b5cad; height: 2.2mm; }
                pre { font-size: 7.5pt; background: #f6f8fa; border: 0.5pt solid #d0d7de; padding: 2mm; white-space: pre-wrap; word-wrap: break-word; }
                pre .prompt { color: #0b5cad; }
                pre.diff .add { color: #1a7f37; } pre.diff .del { color: #cf222e; } pre.diff .hunk { color: #8250df; }
                .evidence-head { font-size: 8.5pt; margin: 2mm 0 0.5mm 0; color: #57606a; }
                tr.synsent td { background: #fff8c5; }
                table.mono td { font-family: 'DejaVu Sans Mono', monospace; font-size: 7.5pt; }
                """.formatted(paper.css, esc(Objects.toString(r.request().target(), "this computer")).replace("\"", ""));
    }
}
