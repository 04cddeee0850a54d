// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;

/**
 * A host key repository that never stores or removes anything: our SSH checks judge keys,
 * they never change what the user trusts.
 */
interface ReadOnlyHostKeys extends HostKeyRepository {
    @Override
    default void add(HostKey hostkey, UserInfo ui) {
        // never store anything
    }

    @Override
    default void remove(String host, String type) {
        // never remove anything
    }

    @Override
    default void remove(String host, String type, byte[] key) {
        // never remove anything
    }
}
