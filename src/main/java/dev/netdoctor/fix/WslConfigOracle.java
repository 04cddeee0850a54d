package dev.netdoctor.fix;

import dev.netdoctor.model.NetworkingMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the candidate .wslconfig the way WSL will: it must be UTF-8 (WSL may not read UTF-16)
 * and give the requested networking mode. The .wslconfig is always on this computer (Windows'
 * profile, or reached through /mnt/c from inside WSL), so the candidate is a local path.
 */
public final class WslConfigOracle implements Verifier {
    private final NetworkingMode mode;

    public WslConfigOracle(NetworkingMode mode) {
        this.mode = mode;
    }

    @Override
    public Verdict verify(String candidate) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(candidate));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Verdict.failed("the new file cannot be read back: " + e.getMessage());
        }
        WslConfigEdit.Encoding enc = WslConfigEdit.detect(bytes);
        if (enc != WslConfigEdit.Encoding.UTF8 && enc != WslConfigEdit.Encoding.UTF8_BOM) {
            return Verdict.failed("the new file is " + enc + ", which WSL may not read");
        }
        String effective = WslConfigEdit.effectiveNetworkingMode(bytes).orElse("(not set)");
        if (!effective.equalsIgnoreCase(mode.value())) {
            return Verdict.failed("WSL would use networkingMode " + effective + ", not " + mode.value());
        }
        return Verdict.passed("read back as WSL reads it: networkingMode=" + effective + ", UTF-8.");
    }
}
