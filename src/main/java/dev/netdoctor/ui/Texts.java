// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.Words;

/**
 * The wizard's words: {@link Words}, the one bundle every layer reads. Kept as the wizard's short
 * name for it, so that its many views need no change; it adds nothing.
 */
public final class Texts {
    private Texts() {
    }

    public static String get(String key, Object... args) {
        return Words.get(key, args);
    }
}
