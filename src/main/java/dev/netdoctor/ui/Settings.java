// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The per-user settings file (in the state folder): the targets the user checked recently.
 * A missing or damaged file just means no history; it is never a reason to fail.
 */
public final class Settings {
    public static final int MAX_RECENT = 8;
    private final Path file;

    public Settings(Path file) {
        this.file = file;
    }

    public List<String> recentTargets() {
        Properties p = load();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String v = p.getProperty("recent." + i);
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    /** Puts {@code target} first, without duplicates, keeping at most {@link #MAX_RECENT}. */
    public void remember(String target) {
        List<String> list = new ArrayList<>(recentTargets());
        list.remove(target);
        list.addFirst(target);
        Properties p = load();
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                p.setProperty("recent." + i, list.get(i));
            } else {
                p.remove("recent." + i);
            }
        }
        save(p);
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return p;
    }

    private void save(Properties p) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                p.store(out, "WSL Net Doctor settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.getLogger(Settings.class.getName()).log(System.Logger.Level.INFO, "settings not saved: {0}", e.getMessage());
        }
    }
}
