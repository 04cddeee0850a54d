// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Words;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.netdoctor.report.Html.esc;

/**
 * The report as one XHTML document with its CSS: what the PDF is rendered from, and what can
 * be saved as HTML. Written for a help-desk engineer: verdict first, then the question and the
 * machine, the findings with their evidence, the checks as a timeline, what was changed, and
 * every raw command and output in the appendix, wrapped, never cut. Each part is its own class;
 * the style sheet is {@code report.css} beside this class.
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

    /** The report's parts after its header, in the order they are printed. */
    enum Section {
        QUESTION, MACHINE, FINDINGS, DNS, SETTINGS, CHECKS, FIXES, APPENDIX, TERMS
    }

    private static final String CSS = styleSheet();

    private final ReportData report;
    private final DiagnosisResult r;
    /** The PDF's outline: anchor to name, in the order they were written. */
    private final Map<String, String> bookmarks = new LinkedHashMap<>();

    private HtmlReport(ReportData report) {
        this.report = report;
        this.r = report.result();
    }

    public static String render(ReportData report, Paper paper) {
        return new HtmlReport(report).document(paper);
    }

    private String document(Paper paper) {
        StringBuilder body = new StringBuilder(ReportHeader.html(report, bookmarks));
        for (Section part : Section.values()) {
            body.append(switch (part) {
                case QUESTION -> section("question", Words.get("report.question"), QuestionSection.html(r));
                case MACHINE -> section("machine", Words.get("report.machine"), MachineSection.html(r));
                case FINDINGS -> section("findings", Words.get("report.findings"), FindingsSection.html(r, bookmarks));
                case DNS -> shown(Section.DNS, ProbeData.DnsServers.class)
                        .map(d -> section("dns", Words.get("report.dns"), DnsSection.html(d))).orElse("");
                case SETTINGS -> shown(Section.SETTINGS, ProbeData.ConfigFiles.class)
                        .map(c -> section("settings", Words.get("report.settings"), SettingsSection.html(c))).orElse("");
                case CHECKS -> section("checks", Words.get("report.checks"), ChecksSection.html(r));
                case FIXES -> section("fixes", Words.get("report.fixes"), FixesSection.html(report));
                case APPENDIX -> section("appendix", Words.get("report.appendix"), AppendixSection.html(r));
                case TERMS -> {
                    String terms = TermsSection.html(r);
                    yield terms.isEmpty() ? "" : section("terms", Words.get("report.terms"), terms);
                }
            });
        }
        StringBuilder doc = new StringBuilder();
        doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(esc(ReportHeader.title(r))).append("</title>\n")
                .append("<meta name=\"subject\" content=\"").append(esc(r.verdict())).append("\"/>\n")
                .append("<meta name=\"author\" content=\"WSL Net Doctor\"/>\n")
                .append("<style>\n").append(css(paper)).append("</style>\n<bookmarks>\n");
        bookmarks.forEach((id, name) -> doc.append("<bookmark name=\"").append(esc(name)).append("\" href=\"#").append(id).append("\"/>\n"));
        doc.append("</bookmarks>\n</head>\n<body>\n").append(body).append("</body>\n</html>\n");
        return doc.toString();
    }

    /**
     * The part that shows a kind of check data in full, beyond its row in Checks and its output in
     * the appendix. No default: a new kind of data does not compile until it is given its place.
     */
    static Optional<Section> shownIn(ProbeData data) {
        return switch (data) {
            case ProbeData.DnsServers _ -> Optional.of(Section.DNS);
            case ProbeData.ConfigFiles _ -> Optional.of(Section.SETTINGS);
            case ProbeData.Sockets _ -> Optional.of(Section.APPENDIX);
            // its evidence lines in Checks say all there is (routes, the gateway's silence)
            case ProbeData.RouteCapture _ -> Optional.empty();
            case ProbeData.Resolution _, ProbeData.Ping _, ProbeData.Routes _, ProbeData.MarkedConnects _,
                 ProbeData.SshHandshakes _, ProbeData.OpenSshRuns _, ProbeData.PathMtu _, ProbeData.Listeners _,
                 ProbeData.LoopbackSelfTest _, ProbeData.ServicePorts _, ProbeData.Vantage _, ProbeData.LocalhostRelay _,
                 ProbeData.WindowsServices _, ProbeData.OtherDevices _, ProbeData.LoopbackProxy _, ProbeData.Clock _ -> Optional.empty();
        };
    }

    /** The first completed check's data of a kind that part shows. */
    private <T extends ProbeData> Optional<T> shown(Section part, Class<T> type) {
        return r.probes().stream().map(p -> p.dataAs(type)).flatMap(Optional::stream)
                .filter(d -> shownIn(d).filter(part::equals).isPresent()).findFirst();
    }

    /** Called with its content already written: a part's own bookmarks (each finding) come before the part's own. */
    private String section(String id, String title, String content) {
        bookmarks.put(id, title);
        return "<h2 id=\"" + id + "\">" + esc(title) + "</h2>\n" + content;
    }

    private String css(Paper paper) {
        return CSS.replace("{{paper}}", paper.css)
                .replace("{{target}}", esc(Objects.toString(r.request().target(), "this computer")).replace("\"", ""));
    }

    private static String styleSheet() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
