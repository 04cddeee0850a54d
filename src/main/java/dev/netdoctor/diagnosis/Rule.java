// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Finding;

import java.util.Optional;

/** One way from evidence to a finding. A rule raises nothing unless this run's evidence shows it. */
public interface Rule {
    Optional<Finding> apply(Observations observations);
}
