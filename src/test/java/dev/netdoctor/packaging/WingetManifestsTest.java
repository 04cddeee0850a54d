// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.packaging;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * packaging/winget/WingetManifests.java, run as the Windows workflow runs it, with a stand-in for
 * the MSI: its three manifests validate against winget's own published schemas (vendored in
 * packaging/winget/schemas, manifest 1.10.0) and say what the MSI is; bad input writes nothing.
 */
class WingetManifestsTest {
    private static final Path SCHEMAS = Path.of("packaging/winget/schemas");
    private static final String URL = "https://github.com/example/wsl-net-doctor/releases/download/v0.1.0/WSL.Net.Doctor-0.1.0.msi";
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    private static Run run(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "packaging/winget/WingetManifests.java"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    /** The first bytes of every MSI (an OLE compound file), then anything: what the program checks and hashes. */
    private Path standInMsi(String name) throws IOException {
        byte[] head = HexFormat.of().parseHex("d0cf11e0a1b11ae1");
        byte[] body = "a stand-in for the MSI of WSL Net Doctor".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return Files.write(dir.resolve(name), all);
    }

    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>wsl-net-doctor</artifactId>\\s*<version>([0-9]+\\.[0-9]+\\.[0-9]+)").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The fixed upgrade code the pom gives jpackage (--win-upgrade-uuid). */
    private static String upgradeUuid() throws IOException {
        Matcher m = Pattern.compile("<dist.win.upgrade.uuid>([^<]+)</dist.win.upgrade.uuid>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1).strip();
    }

    private static Schema winget(String type) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(read(SCHEMAS.resolve("manifest." + type + ".1.10.0.json")), InputFormat.JSON);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> problems(String type, String yaml) {
        return winget(type).validate(yaml, InputFormat.YAML).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    @Test
    void theThreeManifestsValidateAgainstWingetsSchemasAndDescribeTheMsi() throws Exception {
        Path msi = standInMsi("WSL Net Doctor-x.msi");
        String version = pomVersion();
        Path out = dir.resolve("winget");
        Run r = run(msi.toString(), version, URL, out.toString());
        assertThat(r.exit()).as(r.out()).isZero();

        Path folder = out.resolve("manifests/w/WSLNetDoctorContributors/WSLNetDoctor").resolve(version);
        String id = "WSLNetDoctorContributors.WSLNetDoctor";
        String versionYaml = Files.readString(folder.resolve(id + ".yaml"));
        String installerYaml = Files.readString(folder.resolve(id + ".installer.yaml"));
        String localeYaml = Files.readString(folder.resolve(id + ".locale.en-US.yaml"));
        try (var files = Files.list(folder)) {
            assertThat(files).hasSize(3);
        }
        assertThat(problems("version", versionYaml)).isEmpty();
        assertThat(problems("installer", installerYaml)).isEmpty();
        assertThat(problems("defaultLocale", localeYaml)).isEmpty();

        JsonNode installer = YAML.readTree(installerYaml);
        String sha = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(msi)));
        assertThat(installer.get("PackageIdentifier").asString()).isEqualTo(id);
        assertThat(installer.get("PackageVersion").asString()).isEqualTo(version);
        assertThat(installer.get("ManifestVersion").asString()).isEqualTo("1.10.0");
        assertThat(installer.get("Scope").asString()).isEqualTo("user");
        assertThat(installer.get("InstallerType").asString()).isEqualTo("wix");
        assertThat(installer.at("/Installers/0/InstallerSha256").asString()).isEqualTo(sha);
        assertThat(installer.at("/Installers/0/InstallerUrl").asString()).isEqualTo(URL);
        assertThat(installer.at("/Installers/0/Architecture").asString()).isEqualTo("x64");
        // the upgrade code is the pom's fixed one; the product code is jpackage's for this version
        assertThat(installer.at("/AppsAndFeaturesEntries/0/UpgradeCode").asString())
                .isEqualTo("{" + upgradeUuid().toUpperCase(java.util.Locale.ROOT) + "}");
        String product = "{" + java.util.UUID.nameUUIDFromBytes(("ProductCode/WSL Net Doctor contributors/WSL Net Doctor/" + version)
                .getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(java.util.Locale.ROOT) + "}";
        assertThat(installer.get("ProductCode").asString()).isEqualTo(product);
        assertThat(installer.at("/AppsAndFeaturesEntries/0/ProductCode").asString()).isEqualTo(product);
        assertThat(installer.at("/AppsAndFeaturesEntries/0/DisplayName").asString()).isEqualTo("WSL Net Doctor");
        assertThat(installer.at("/AppsAndFeaturesEntries/0/Publisher").asString()).isEqualTo("WSL Net Doctor contributors");

        JsonNode locale = YAML.readTree(localeYaml);
        assertThat(locale.get("Publisher").asString()).isEqualTo("WSL Net Doctor contributors");
        assertThat(locale.get("License").asString()).isEqualTo("Apache-2.0");
        assertThat(locale.get("PackageName").asString()).isEqualTo("WSL Net Doctor");
        assertThat(locale.get("ManifestType").asString()).isEqualTo("defaultLocale");
        assertThat(YAML.readTree(versionYaml).get("DefaultLocale").asString()).isEqualTo("en-US");
    }

    /** The codes the workflow reads from the built MSI win over the derived ones, and a difference is said. */
    @Test
    void theMsisOwnCodesWin() throws Exception {
        Path out = dir.resolve("winget");
        Run r = run(standInMsi("a.msi").toString(), pomVersion(), URL, out.toString(),
                "--product-code", "{00000000-1111-2222-3333-444444444444}", "--upgrade-code", upgradeUuid());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("note: the MSI's ProductCode {00000000-1111-2222-3333-444444444444}").doesNotContain("UpgradeCode {");
        String installer = Files.readString(out.resolve("manifests/w/WSLNetDoctorContributors/WSLNetDoctor").resolve(pomVersion())
                .resolve("WSLNetDoctorContributors.WSLNetDoctor.installer.yaml"));
        assertThat(installer).contains("ProductCode: '{00000000-1111-2222-3333-444444444444}'");
        assertThat(problems("installer", installer)).isEmpty();
    }

    /** The validator really checks the vendored schemas: a manifest winget would refuse fails here too. */
    @Test
    void aManifestWingetRefusesFails() throws Exception {
        Path out = dir.resolve("winget");
        assertThat(run(standInMsi("a.msi").toString(), pomVersion(), URL, out.toString()).exit()).isZero();
        String installer = Files.readString(out.resolve("manifests/w/WSLNetDoctorContributors/WSLNetDoctor").resolve(pomVersion())
                .resolve("WSLNetDoctorContributors.WSLNetDoctor.installer.yaml"));
        assertThat(problems("installer", installer.replace("Scope: user", "Scope: everyone"))).isNotEmpty();
        assertThat(problems("installer", installer.replaceAll("InstallerSha256: \\S+", "InstallerSha256: abc"))).isNotEmpty();
        assertThat(problems("installer", installer.replace("ManifestType: installer", "ManifestType: version"))).isNotEmpty();
        assertThat(problems("installer", installer.replaceAll("(?m)^PackageIdentifier: .*\n", ""))).as("no PackageIdentifier").isNotEmpty();
    }

    /** The Windows job writes them from the MSI it built, with the codes read from that MSI, and keeps them. */
    @Test
    void theWindowsWorkflowWritesAndUploadsThem() throws IOException {
        String workflow = Files.readString(Path.of(".github/workflows/installers.yml"));
        assertThat(workflow).contains("java packaging/winget/WingetManifests.java $msi $version $url target\\dist\\winget"
                        + " --product-code $product --upgrade-code $upgrade")
                .contains("Get-MsiProperty 'ProductCode'").contains("Get-MsiProperty 'UpgradeCode'").contains("Get-MsiProperty 'ProductVersion'")
                .contains("name: wsl-net-doctor-winget-manifests").contains("path: target/dist/winget/");
    }

    /** The vendored schemas keep their source, commit and license beside them. */
    @Test
    void theVendoredSchemasSayWhereTheyComeFrom() throws IOException {
        assertThat(Files.readString(SCHEMAS.resolve("LICENSE"))).contains("MIT License").contains("Copyright (c) Microsoft Corporation");
        String readme = Files.readString(SCHEMAS.resolve("README.md"));
        for (String type : List.of("version", "installer", "defaultLocale")) {
            Path schema = SCHEMAS.resolve("manifest." + type + ".1.10.0.json");
            assertThat(read(schema)).contains("\"$id\": \"https://aka.ms/winget-manifest." + type.toLowerCase(java.util.Locale.ROOT) + ".1.10.0.schema.json\"");
            assertThat(readme).contains(schema.getFileName().toString());
        }
        assertThat(readme).contains("https://github.com/microsoft/winget-cli/tree/").containsPattern("[0-9a-f]{40}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no MSI there         | missing.msi | VERSION        | " + URL + " | there is no MSI at",
            "not an MSI           | text.msi    | VERSION        | " + URL + " | is not an MSI",
            "a snapshot version   | a.msi       | 0.1.0-SNAPSHOT | " + URL + " | is not an MSI's version",
            "two numbers          | a.msi       | 0.1            | " + URL + " | is not an MSI's version",
            "beyond Windows       | a.msi       | 256.0.0        | " + URL + " | beyond what Windows Installer allows",
            "not this build's     | a.msi       | 9.9.9          | " + URL + " | the MSI of this build is version",
            "plain http           | a.msi       | VERSION        | http://example.com/a.msi | is not an https URL",
            "a space in the URL   | a.msi       | VERSION        | https://example.com/WSL Net Doctor.msi | is not a URL"})
    void badInputSaysWhyAndWritesNothing(String what, String msiName, String version, String url, String said) throws Exception {
        standInMsi("a.msi");
        Files.writeString(dir.resolve("text.msi"), "not a Windows Installer file");
        Path out = dir.resolve("winget");
        Run r = run(dir.resolve(msiName).toString(), version.equals("VERSION") ? pomVersion() : version, url, out.toString());
        assertThat(r.exit()).as(what + ": " + r.out()).isEqualTo(2);
        assertThat(r.out()).startsWith("winget manifests: ").contains(said).contains("Nothing was written.");
        assertThat(r.out().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }
}
