// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and docs/ point at each other, at screenshots and at sources by relative links: a
 * section moved or a file renamed leaves a link that leads nowhere, and nothing else notices.
 * Every relative link and image must name a file that exists and, for a Markdown file with
 * {@code #anchor}, a heading there (GitHub's anchors).
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("");
    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title after the target. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("src/test/lab/README.md"),
                ROOT.resolve("packaging/intune/README.md")));
        try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void everyRelativeLinkAndImageResolves() throws IOException {
        List<Path> docs = documents();
        assertThat(docs).as("the README and docs/*.md").hasSizeGreaterThan(2);
        List<String> broken = new ArrayList<>();
        for (Path doc : docs) {
            broken.addAll(brokenLinks(doc, Files.readString(doc)));
        }
        assertThat(broken).isEmpty();
    }

    /** The check itself can fail: a missing file and a missing heading are reported; code and the web are not links to check. */
    @Test
    void aLinkThatLeadsNowhereIsReported() throws IOException {
        Path doc = ROOT.resolve("docs/planted.md");
        String text = """
                # Planted

                ## A heading, with punctuation

                [fine](../README.md) [fine too](#a-heading-with-punctuation) ![picture](../packaging/screenshots/light-7-verify.png)
                [gone](no-such-file.md) [no heading](architecture.md#no-such-heading) ![no picture](../packaging/screenshots/none.png)
                [web](https://example.org/missing) `[in code](not-checked.md)`

                ```
                [in a code block](also-not-checked.md)
                ```
                """;
        assertThat(brokenLinks(doc, text)).containsExactly(
                "docs/planted.md: no-such-file.md (no such file)",
                "docs/planted.md: architecture.md#no-such-heading (no heading for #no-such-heading)",
                "docs/planted.md: ../packaging/screenshots/none.png (no such file)");
    }

    /** The test command a newcomer reads is the one CI runs, so following the README tests what CI tests. */
    @Test
    void theReadmesTestCommandIsOneCiRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("## Test it\\s+```bash\\n([^\\n]+)\\n```").matcher(readme);
        assertThat(m.find()).as("README: a ## Test it section that starts with a bash block").isTrue();
        String command = m.group(1).strip();
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::strip).toList();
        assertThat(ci).as(".ci/run").contains(command);
    }

    static List<String> brokenLinks(Path doc, String text) throws IOException {
        List<String> broken = new ArrayList<>();
        Path folder = doc.toAbsolutePath().getParent();
        for (String target : links(text)) {
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue; // https:, mailto:: not on this machine to check
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = file.isEmpty() ? doc.toAbsolutePath() : folder.resolve(file).normalize();
            String where = ROOT.toAbsolutePath().relativize(doc.toAbsolutePath()).toString().replace('\\', '/') + ": " + target;
            if (!file.isEmpty() && !Files.exists(resolved)) {
                broken.add(where + " (no such file)");
            } else if (anchor != null && resolved.toString().endsWith(".md")) {
                String headed = resolved.equals(doc.toAbsolutePath()) ? text : Files.readString(resolved);
                if (!anchors(headed).contains(anchor)) {
                    broken.add(where + " (no heading for #" + anchor + ")");
                }
            }
        }
        return broken;
    }

    /** Link targets outside fenced code blocks and inline code, in order. */
    static List<String> links(String text) {
        List<String> found = new ArrayList<>();
        for (String line : prose(text)) {
            Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(String text) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(text)) {
            Matcher m = HEADING.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    private static List<String> prose(String text) {
        List<String> lines = new ArrayList<>();
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (!inFence) {
                lines.add(line);
            }
        }
        return lines;
    }
}
