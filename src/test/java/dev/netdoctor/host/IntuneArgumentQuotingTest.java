// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Intune scripts quote each argument for Start-Process themselves (it joins -ArgumentList with
 * spaces and quotes nothing): their ConvertTo-ArgumentText, its regexes taken from detect.ps1 and
 * run with .NET's replacement rules, must give back every argument through CommandLineToArgvW,
 * which the CLI's launcher uses to split its command line. A target or distro name with a space,
 * a quote or a trailing backslash then arrives as written.
 */
class IntuneArgumentQuotingTest {
    private static final Path DETECT = Path.of("packaging/intune/detect.ps1");

    /** ConvertTo-ArgumentText as the script writes it: its "needs no quotes" test and its two replacements. */
    private record Quoting(Pattern plain, List<Pattern> patterns, List<String> replacements) {
        static Quoting fromScript() throws IOException {
            String text = Files.readString(DETECT);
            int from = text.indexOf("function ConvertTo-ArgumentText(");
            String body = text.substring(from, text.indexOf("\n}\n", from));
            Matcher plain = Pattern.compile("\\$Text -notmatch '([^']*)'").matcher(body);
            assertThat(plain.find()).isTrue();
            Matcher replace = Pattern.compile("-replace '([^']*)', '([^']*)'").matcher(body);
            List<Pattern> patterns = new ArrayList<>();
            List<String> replacements = new ArrayList<>();
            while (replace.find()) {
                // PowerShell's -replace is case-insensitive; its replacement uses .NET's rules ($n, $$, nothing else special)
                patterns.add(Pattern.compile(replace.group(1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS));
                replacements.add(replace.group(2).replace("\\", "\\\\").replace("$$", "\\$"));
            }
            assertThat(patterns).hasSize(2);
            assertThat(body).contains("return '\"' + $quoted + '\"'");
            return new Quoting(Pattern.compile(plain.group(1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS), patterns, replacements);
        }

        String quote(String arg) {
            if (!arg.isEmpty() && !plain.matcher(arg).find()) {
                return arg;
            }
            String q = arg;
            for (int i = 0; i < patterns.size(); i++) {
                q = patterns.get(i).matcher(q).replaceAll(replacements.get(i));
            }
            return "\"" + q + "\"";
        }
    }

    @Test
    void examples() throws IOException {
        Quoting q = Quoting.fromScript();
        assertThat(q.quote("diagnose")).isEqualTo("diagnose");
        assertThat(q.quote("")).isEqualTo("\"\"");
        assertThat(q.quote("C:\\Users\\a b\\x.json")).isEqualTo("\"C:\\Users\\a b\\x.json\"");
        assertThat(q.quote("a\\\"b")).isEqualTo("\"a\\\\\\\"b\"");
        assertThat(q.quote("C:\\dir with space\\")).isEqualTo("\"C:\\dir with space\\\\\"");
    }

    @Property(tries = 500)
    void everyArgumentArrivesAsWritten(@ForAll("argvs") List<String> argv) throws IOException {
        Quoting q = Quoting.fromScript();
        List<String> quoted = argv.stream().map(q::quote).toList();
        List<String> back = WindowsRoundTrip.commandLineToArgvW("\"C:\\Users\\u\\AppData\\Local\\WSL Net Doctor\\wsl-net-doctor-cli.exe\" "
                + String.join(" ", quoted));
        assertThat(back.subList(1, back.size())).isEqualTo(argv);
    }

    @Provide
    Arbitrary<List<String>> argvs() {
        return Arbitraries.strings().withChars(' ', '\t', '"', '\\', 'a', 'Z', '-', '$', '\'', '\u00a0', '\u00fc', '*', ':', '.')
                .ofMaxLength(10).list().ofMinSize(1).ofMaxSize(6);
    }
}
