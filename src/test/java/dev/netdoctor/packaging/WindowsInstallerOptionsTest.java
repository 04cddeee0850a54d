// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.packaging;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Windows installers as jpackage will be asked to build them: the options the pom passes to
 * jpackage for the .msi and the .exe (with the os-windows profile's values), the argument file
 * they share, the CLI launcher's properties and the WiX source. This machine cannot run jpackage
 * for Windows; these are the choices that decide how the installer behaves, read as jpackage reads them.
 */
class WindowsInstallerOptionsTest {
    /** Never to change: Windows Installer upgrades an installed version in place by this code. */
    private static final String UPGRADE_CODE = "52fa4f64-f554-4f6f-8525-67f5ed232360";

    private static final Path POM = Path.of("pom.xml");
    private static final Path ARGS = Path.of("packaging/windows/installer.args");

    /** jpackage's @argfile: whitespace separates, double quotes group, a line starting with # is a comment. */
    static List<String> argFile(String text) {
        List<String> args = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
            while (m.find()) {
                args.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return args;
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> children(Node parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name.equals("*") || e.getLocalName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Node parent, String name) {
        List<Element> c = children(parent, name);
        assertThat(c).as("<%s> under <%s>", name, parent.getNodeName()).hasSize(1);
        return c.getFirst();
    }

    /** The pom's properties with the os-windows profile's values over them, as a Windows build sees them. */
    private static Map<String, String> windowsProperties(Document pom) {
        Map<String, String> props = new HashMap<>();
        Element project = pom.getDocumentElement();
        children(child(project, "properties"), "*").forEach(p -> props.put(p.getLocalName(), p.getTextContent().strip()));
        for (Element profile : children(child(project, "profiles"), "profile")) {
            if (child(profile, "id").getTextContent().equals("os-windows")) {
                children(child(profile, "properties"), "*").forEach(p -> props.put(p.getLocalName(), p.getTextContent().strip()));
            }
        }
        props.put("project.basedir", ".");
        props.put("project.description", child(project, "description").getTextContent());
        return props;
    }

    private static String resolve(String value, Map<String, String> props) {
        String v = value;
        for (int i = 0; i < 10 && v.contains("${"); i++) {
            Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(v);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(props.getOrDefault(m.group(1), m.group())));
            }
            m.appendTail(b);
            v = b.toString();
        }
        return v;
    }

    /** The jpackage command line of one execution of the dist profile, the @argfile expanded. */
    static List<String> jpackage(String executionId) throws Exception {
        Document pom = xml(POM);
        Map<String, String> props = windowsProperties(pom);
        NodeList executions = pom.getElementsByTagNameNS("*", "execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element ex = (Element) executions.item(i);
            List<Element> id = children(ex, "id");
            if (id.isEmpty() || !id.getFirst().getTextContent().equals(executionId)) {
                continue;
            }
            Element conf = child(ex, "configuration");
            assertThat(child(conf, "executable").getTextContent()).isEqualTo("jpackage");
            for (Element skip : children(conf, "skip")) {
                assertThat(resolve(skip.getTextContent(), props)).as(executionId + " runs on Windows").isEqualTo("false");
            }
            List<String> args = new ArrayList<>();
            for (Element a : children(child(conf, "arguments"), "argument")) {
                String arg = resolve(a.getTextContent().strip(), props);
                if (arg.startsWith("@")) {
                    args.addAll(argFile(Files.readString(Path.of(arg.substring(1)))));
                } else {
                    args.add(arg);
                }
            }
            return args;
        }
        throw new AssertionError("no execution " + executionId + " in the pom");
    }

    static String valueOf(List<String> args, String option) {
        int at = args.indexOf(option);
        assertThat(at).as(option + " in " + args).isNotNegative();
        assertThat(args.lastIndexOf(option)).as(option + " given once").isEqualTo(at);
        return args.get(at + 1);
    }

    @Test
    void theArgumentFileReadsAsJpackageReadsIt() {
        assertThat(argFile("# a comment\n--win-menu-group \"WSL Net Doctor\"\n--win-menu\n"))
                .containsExactly("--win-menu-group", "WSL Net Doctor", "--win-menu");
    }

    @Test
    void bothInstallersArePerUserWithTheFixedUpgradeCodeAndAStartMenuGroup() throws Exception {
        for (String id : List.of("dist-msi", "dist-exe")) {
            List<String> args = jpackage(id);
            assertThat(valueOf(args, "--type")).isEqualTo(id.substring("dist-".length()));
            assertThat(args).as(id).contains("--win-per-user-install", "--win-menu", "--win-shortcut", "--win-shortcut-prompt",
                    "--win-dir-chooser");
            assertThat(valueOf(args, "--win-upgrade-uuid")).as(id).isEqualTo(UPGRADE_CODE);
            assertThat(valueOf(args, "--win-menu-group")).as(id).isEqualTo("WSL Net Doctor");
            assertThat(valueOf(args, "--vendor")).as(id).isEqualTo("WSL Net Doctor contributors");
            assertThat(valueOf(args, "--copyright")).as(id).contains("WSL Net Doctor contributors");
            assertThat(valueOf(args, "--app-image")).as(id).endsWith("/app-image/WSL Net Doctor");
            Path license = Path.of(valueOf(args, "--license-file"));
            assertThat(license).as("the license page shows the project's license").isEqualTo(Path.of("LICENSE"));
            assertThat(Files.readString(license)).contains("Apache License").contains("Version 2.0, January 2004");
        }
    }

    @Test
    void theAppImageForWindowsCarriesTheCliLauncherAndTheWixSource() throws Exception {
        List<String> args = jpackage("dist-app-image");
        assertThat(valueOf(args, "--name")).isEqualTo("WSL Net Doctor");
        assertThat(valueOf(args, "--icon")).endsWith("icons/wsl-net-doctor.ico");
        assertThat(valueOf(args, "--resource-dir")).isEqualTo("./packaging/windows");
        String launcher = valueOf(args, "--add-launcher");
        assertThat(launcher).startsWith("wsl-net-doctor-cli=");
        Properties cli = new Properties();
        try (var in = Files.newBufferedReader(Path.of(launcher.substring(launcher.indexOf('=') + 1)))) {
            cli.load(in);
        }
        assertThat(cli.getProperty("win-console")).as("the CLI prints in the console it was started from").isEqualTo("true");
        assertThat(cli.getProperty("win-menu")).as("no Start-menu entry of its own").isEqualTo("false");
        assertThat(cli.getProperty("win-shortcut")).isEqualTo("false");
        assertThat(Files.isRegularFile(Path.of("packaging/windows/main.wxs"))).as("jpackage takes main.wxs from --resource-dir").isTrue();
    }

    @Test
    void theWixSourceInstallsPerUserAndUpgradesInPlace() throws Exception {
        Document wxs = xml(Path.of("packaging/windows/main.wxs"));
        assertThat(wxs.getDocumentElement().getNamespaceURI()).isEqualTo("http://wixtoolset.org/schemas/v4/wxs");
        Element pkg = child(wxs.getDocumentElement(), "Package");
        assertThat(pkg.getAttribute("Scope")).isEqualTo("perUser");
        assertThat(pkg.getAttribute("UpgradeCode")).isEqualTo("$(var.JpProductUpgradeCode)");
        assertThat(pkg.getAttribute("Manufacturer")).isEqualTo("$(var.JpAppVendor)");
        assertThat(children(pkg, "MajorUpgrade")).hasSize(1);
        assertThat(Files.readString(Path.of("packaging/windows/main.wxs")))
                .as("a build without per-user install is refused").contains("<?ifdef JpIsSystemWide ?>").contains("<?error");
    }

    @Test
    void noPersonalNameOrAddressInThePackaging() throws IOException {
        Map<String, String> props = new HashMap<>();
        try {
            props.putAll(windowsProperties(xml(POM)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(props.get("dist.vendor")).isEqualTo("WSL Net Doctor contributors");
        assertThat(props.get("dist.deb.maintainer")).as("a maintainer address that reaches no person")
                .endsWith("@example.invalid");
        assertThat(Files.readString(Path.of("packaging/linux/control"))).doesNotContainPattern("[A-Za-z0-9._%+-]+@(?!example\\.invalid)[A-Za-z0-9.-]+");
    }

    private static int validate(Path xml, StringBuilder said) throws Exception {
        Path javaExe = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaExe.toString(), "packaging/ValidateXml.java",
                "src/test/resources/dev/netdoctor/packaging/tiny.xsd", xml.toString()).redirectErrorStream(true).start();
        said.append(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void theSchemaCheckTheWorkflowRunsRefusesWhatTheSchemaRefuses(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.xml"), "<Package xmlns=\"urn:netdoctor:tiny\" Scope=\"perUser\"><?ifdef X ?><MajorUpgrade/></Package>");
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<Package xmlns=\"urn:netdoctor:tiny\" Scope=\"perUsers\"><MajorUpgrad/></Package>");
        StringBuilder said = new StringBuilder();
        assertThat(validate(good, said)).as(said.toString()).isZero();
        StringBuilder refused = new StringBuilder();
        assertThat(validate(bad, refused)).isEqualTo(1);
        assertThat(refused.toString()).contains("bad.xml:1:").contains("perUsers").contains("MajorUpgrad");
    }

    @Test
    void theWorkflowChecksMainWxsAgainstTheSchemaOfTheWixItInstalls() throws IOException {
        String workflow = Files.readString(Path.of(".github/workflows/installers.yml"));
        Matcher version = Pattern.compile("WIX_VERSION: (\\S+)").matcher(workflow);
        assertThat(version.find()).isTrue();
        assertThat(workflow).contains("wixtoolset/wix/v$env:WIX_VERSION/src/xsd/wix.xsd")
                .contains("java packaging/ValidateXml.java \"$env:RUNNER_TEMP\\wix.xsd\" packaging/windows/main.wxs")
                .contains("dotnet tool install --global wix --version $env:WIX_VERSION")
                .contains("diagnose --json --quiet --target 192.0.2.1");
    }
}
