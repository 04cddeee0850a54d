// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** One line of {@code ip rule}: its priority and what it selects and does, as text. */
public record PolicyRule(int priority, String selector, String action) {
}
