// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.testing;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Fewer tries, from a fixed seed, while PIT runs a property test once per mutant; the tries written
 * on the property everywhere else. PIT's profile in the pom sets {@value #MAX_TRIES}: with a few
 * hundred tries per property, run again for each of a few hundred mutants, the redaction group's
 * run was never measured to the end. Fewer tries meet fewer rare inputs; the score PIT measures
 * with them says what they still catch. The fixed seed makes two runs of PIT kill the same
 * mutants, so a score can be compared with the last one.
 *
 * <p>Used with {@code @AddLifecycleHook(MutationTries.class)} on a class of property tests.
 */
public final class MutationTries implements AroundPropertyHook {
    /** The system property that caps each property's tries; unset in a normal test run. */
    public static final String MAX_TRIES = "netdoctor.mutation.maxTries";
    /** Any fixed value does: the point is that every mutant meets the same inputs. */
    static final String SEED = "42";

    /** Registered on a class, it must reach that class's properties, not only the class itself. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.DIRECT_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer cap = Integer.getInteger(MAX_TRIES);
        if (cap != null) {
            if (context.attributes().tries().map(t -> t > cap).orElse(true)) {
                context.attributes().setTries(cap);
            }
            context.attributes().setSeed(SEED);
            // A mutant's failure needs no smallest example, and must not steer the next mutant's run
            // through jqwik's database of earlier failures.
            context.attributes().setShrinking(ShrinkingMode.OFF);
            context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
        }
        return property.execute();
    }
}
