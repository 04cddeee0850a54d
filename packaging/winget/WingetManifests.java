// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0

import org.w3c.dom.Document;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the three winget manifests (version, installer, defaultLocale; manifest schema 1.10.0)
 * of the per-user MSI that {@code mvn -Pdist package} built on Windows, as winget-pkgs lays them
 * out (manifests/w/WSLNetDoctorContributors/WSLNetDoctor/VERSION/), ready to be copied into a
 * fork of microsoft/winget-pkgs (packaging/winget/README.md). Run with the JDK's java launcher:
 *
 * <pre>
 * java packaging/winget/WingetManifests.java MSI VERSION INSTALLER_URL OUT_DIR [--pom POM]
 *      [--product-code {GUID}] [--upgrade-code {GUID}]
 * </pre>
 *
 * VERSION is the MSI's version, the pom's version without its qualifier (0.1.0 for
 * 0.1.0-SNAPSHOT), as jpackage is given it; the pom is read for it, the vendor, the app's name on
 * Windows and the upgrade code. The installer's SHA-256 is the MSI's own. Its ProductCode is
 * derived as jpackage derives it (a name-based UUID of "ProductCode/VENDOR/NAME/VERSION",
 * jdk.jpackage WinMsiPackageBuilder): the same for every build of one version. The Windows
 * workflow reads both codes from the built MSI and passes them; the MSI's word wins, and a
 * difference from the derivation is said. Everything is checked before anything is written:
 * bad input ends with one line on stderr, exit 2, and no file.
 */
public final class WingetManifests {
    static final String MANIFEST_VERSION = "1.10.0";
    static final String PACKAGE_IDENTIFIER = "WSLNetDoctorContributors.WSLNetDoctor";
    static final String LOCALE = "en-US";
    static final String LICENSE = "Apache-2.0";
    /** WSL 2 needs Windows 10 version 2004 (build 19041) or later; so does a diagnosis of it. */
    static final String MINIMUM_OS = "10.0.19041.0";
    /** An MSI is an OLE compound file: its first eight bytes say so. */
    private static final byte[] COMPOUND_FILE = HexFormat.of().parseHex("d0cf11e0a1b11ae1");
    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,4})\\.(0|[1-9][0-9]{0,4})\\.(0|[1-9][0-9]{0,4})");
    private static final Pattern GUID = Pattern.compile("\\{?([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})}?");

    /** Input a person can correct: said in one line, nothing written. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws IOException {
        try {
            for (Path written : write(args)) {
                System.out.println("wrote " + written);
            }
        } catch (BadInput e) {
            System.err.println("winget manifests: " + e.getMessage() + " Nothing was written.");
            System.exit(2);
        }
    }

    static List<Path> write(String[] args) throws BadInput, IOException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (!List.of("--pom", "--product-code", "--upgrade-code").contains(args[i]) || i + 1 >= args.length) {
                    throw new BadInput("unknown option or option without its value: " + args[i] + ". " + usage());
                }
                options.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 4) {
            throw new BadInput(usage());
        }
        Path msi = Path.of(positional.get(0));
        String version = positional.get(1);
        String url = positional.get(2);
        Path out = Path.of(positional.get(3));
        Pom pom = Pom.read(Path.of(options.getOrDefault("--pom", "pom.xml")));

        checkVersion(version, pom);
        checkUrl(url);
        String sha256 = sha256(checkMsi(msi));
        String productCode = code("ProductCode", jpackageProductCode(pom.vendor(), pom.appName(), version), options.get("--product-code"));
        String upgradeCode = code("UpgradeCode", braced(pom.upgradeUuid()), options.get("--upgrade-code"));
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInput(out + " is a file, not a folder for the manifests.");
        }

        Path folder = out.resolve("manifests/w/WSLNetDoctorContributors/WSLNetDoctor").resolve(version);
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(folder.resolve(PACKAGE_IDENTIFIER + ".yaml"), versionManifest(version));
        files.put(folder.resolve(PACKAGE_IDENTIFIER + ".installer.yaml"), installerManifest(version, url, sha256, productCode, upgradeCode, pom));
        files.put(folder.resolve(PACKAGE_IDENTIFIER + ".locale." + LOCALE + ".yaml"), localeManifest(version, pom));
        Files.createDirectories(folder);
        for (Map.Entry<Path, String> f : files.entrySet()) {
            // whole files only: a reader never sees half a manifest
            Path temp = Files.createTempFile(folder, ".winget", ".tmp");
            Files.writeString(temp, f.getValue(), StandardCharsets.UTF_8);
            Files.move(temp, f.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return List.copyOf(files.keySet());
    }

    static String usage() {
        return "usage: java packaging/winget/WingetManifests.java MSI VERSION INSTALLER_URL OUT_DIR [--pom POM]"
                + " [--product-code {GUID}] [--upgrade-code {GUID}]";
    }

    /** The version jpackage gives the MSI: the pom's, without a qualifier, within Windows Installer's limits. */
    static void checkVersion(String version, Pom pom) throws BadInput {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new BadInput("'" + version + "' is not an MSI's version: winget's PackageVersion here is the MSI's, three whole"
                    + " numbers such as 0.1.0 (no -SNAPSHOT or other qualifier).");
        }
        if (Integer.parseInt(m.group(1)) > 255 || Integer.parseInt(m.group(2)) > 255 || Integer.parseInt(m.group(3)) > 65535) {
            throw new BadInput("'" + version + "' is beyond what Windows Installer allows (at most 255.255.65535).");
        }
        if (!version.equals(pom.msiVersion())) {
            throw new BadInput("the MSI of this build is version " + pom.msiVersion() + " (the pom's " + pom.version() + "), not "
                    + version + ".");
        }
    }

    static void checkUrl(String url) throws BadInput {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new BadInput("'" + url + "' is not a URL (" + e.getReason() + "); write a space as %20.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || url.length() > 2048) {
            throw new BadInput("'" + url + "' is not an https URL of at most 2048 characters, where winget downloads the MSI.");
        }
    }

    static Path checkMsi(Path msi) throws BadInput, IOException {
        if (!Files.isRegularFile(msi)) {
            throw new BadInput("there is no MSI at " + msi + ".");
        }
        byte[] head = new byte[COMPOUND_FILE.length];
        int read;
        try (InputStream in = Files.newInputStream(msi)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < head.length || !java.util.Arrays.equals(head, COMPOUND_FILE)) {
            throw new BadInput(msi + " is not an MSI (it does not start as a Windows Installer file does).");
        }
        return msi;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().withUpperCase().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** jpackage's ProductCode: UUID.nameUUIDFromBytes("ProductCode/" + vendor + "/" + name + "/" + version). */
    static String jpackageProductCode(String vendor, String appName, String version) {
        return braced(UUID.nameUUIDFromBytes(String.join("/", "ProductCode", vendor, appName, version)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    static String braced(String uuid) {
        return "{" + uuid.toUpperCase(Locale.ROOT) + "}";
    }

    /** The MSI's own code when the caller read it from the MSI, else the derived one. */
    static String code(String name, String derived, String fromMsi) throws BadInput {
        if (fromMsi == null) {
            return derived;
        }
        Matcher m = GUID.matcher(fromMsi.strip());
        if (!m.matches()) {
            throw new BadInput("'" + fromMsi + "' is not a " + name + " (a GUID such as {52FA4F64-F554-4F6F-8525-67F5ED232360}).");
        }
        String given = braced(m.group(1));
        if (!given.equals(derived)) {
            System.out.println("note: the MSI's " + name + " " + given + " is not the one derived from the pom (" + derived
                    + "); the manifest has the MSI's.");
        }
        return given;
    }

    static String versionManifest(String version) {
        return header("version")
                + "PackageIdentifier: " + PACKAGE_IDENTIFIER + "\n"
                + "PackageVersion: " + quoted(version) + "\n"
                + "DefaultLocale: " + LOCALE + "\n"
                + footer("version");
    }

    static String installerManifest(String version, String url, String sha256, String productCode, String upgradeCode, Pom pom) {
        return header("installer")
                + "PackageIdentifier: " + PACKAGE_IDENTIFIER + "\n"
                + "PackageVersion: " + quoted(version) + "\n"
                + "MinimumOSVersion: " + MINIMUM_OS + "\n"
                + "InstallerType: wix\n"
                // per user, under %LOCALAPPDATA%, no administrator (packaging/windows/installer.args, main.wxs)
                + "Scope: user\n"
                + "InstallModes:\n- interactive\n- silent\n- silentWithProgress\n"
                // the MSI's MajorUpgrade (fixed UpgradeCode) replaces an installed version in place
                + "UpgradeBehavior: install\n"
                + "ProductCode: " + quoted(productCode) + "\n"
                + "AppsAndFeaturesEntries:\n"
                + "- DisplayName: " + quoted(pom.appName()) + "\n"
                + "  Publisher: " + quoted(pom.vendor()) + "\n"
                + "  DisplayVersion: " + quoted(version) + "\n"
                + "  ProductCode: " + quoted(productCode) + "\n"
                + "  UpgradeCode: " + quoted(upgradeCode) + "\n"
                + "  InstallerType: wix\n"
                + "Installers:\n"
                + "- Architecture: x64\n"
                + "  InstallerUrl: " + quoted(url) + "\n"
                + "  InstallerSha256: " + sha256 + "\n"
                + footer("installer");
    }

    static String localeManifest(String version, Pom pom) {
        return header("defaultLocale")
                + "PackageIdentifier: " + PACKAGE_IDENTIFIER + "\n"
                + "PackageVersion: " + quoted(version) + "\n"
                + "PackageLocale: " + LOCALE + "\n"
                + "Publisher: " + quoted(pom.vendor()) + "\n"
                + "PackageName: " + quoted(pom.appName()) + "\n"
                + "License: " + LICENSE + "\n"
                + "ShortDescription: " + quoted(pom.description()) + "\n"
                + "Tags:\n- wsl\n- wsl2\n- networking\n- diagnostics\n- ssh\n"
                + footer("defaultLocale");
    }

    private static String header(String type) {
        return "# Created by packaging/winget/WingetManifests.java (WSL Net Doctor)\n"
                + "# yaml-language-server: $schema=https://aka.ms/winget-manifest." + type.toLowerCase(Locale.ROOT) + "."
                + MANIFEST_VERSION + ".schema.json\n\n";
    }

    private static String footer(String type) {
        return "ManifestType: " + type + "\nManifestVersion: " + MANIFEST_VERSION + "\n";
    }

    /** A YAML single-quoted scalar: nothing inside is read as YAML, a quote is doubled. */
    static String quoted(String text) {
        if (text.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("a control character in a manifest value: " + text);
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /** What the manifests take from the pom. */
    record Pom(String version, String msiVersion, String vendor, String appName, String upgradeUuid, String description) {
        static Pom read(Path pom) throws BadInput, IOException {
            if (!Files.isRegularFile(pom)) {
                throw new BadInput("there is no pom at " + pom + " (run from the project folder, or give --pom).");
            }
            Document doc;
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                doc = factory.newDocumentBuilder().parse(pom.toFile());
            } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
                throw new BadInput(pom + " is not a pom that can be read: " + e.getMessage());
            }
            String version = text(doc, "/project/version", pom);
            Matcher m = Pattern.compile("([0-9]+)\\.([0-9]+)\\.([0-9]+)(?:[-.].*)?").matcher(version);
            if (!m.matches()) {
                throw new BadInput("the pom's version " + version + " is not MAJOR.MINOR.INCREMENTAL[-QUALIFIER].");
            }
            String upgrade = text(doc, "/project/properties/dist.win.upgrade.uuid", pom);
            if (!GUID.matcher(upgrade).matches()) {
                throw new BadInput("the pom's dist.win.upgrade.uuid " + upgrade + " is not a GUID.");
            }
            return new Pom(version, m.group(1) + "." + m.group(2) + "." + m.group(3),
                    text(doc, "/project/properties/dist.vendor", pom),
                    text(doc, "/project/profiles/profile[id='os-windows']/properties/dist.app.name", pom),
                    upgrade, text(doc, "/project/description", pom));
        }

        private static String text(Document doc, String path, Path pom) throws BadInput {
            try {
                Node node = (Node) XPathFactory.newInstance().newXPath().evaluate(path, doc, XPathConstants.NODE);
                if (node == null || node.getTextContent().isBlank()) {
                    throw new BadInput(pom + " has no " + path + ".");
                }
                return node.getTextContent().strip();
            } catch (javax.xml.xpath.XPathExpressionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
