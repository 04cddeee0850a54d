// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule catalog is complete: every finding is raised by a rule (or by the diagnoser itself, when
 * no rule saw a problem), every fix is offered by one. That the rules keep to what the catalog
 * declares is {@link DiagnoserRobustnessTest#everyRuleRaisesOnlyWhatTheCatalogSays}.
 */
class RuleCatalogTest {
    @Test
    void everyFindingIsRaisedByARuleOrByTheDiagnoserWhenNoRuleSawAProblem() {
        Set<FindingId> byRules = EnumSet.noneOf(FindingId.class);
        RuleCatalog.ALL.forEach(e -> byRules.addAll(e.raises()));
        assertThat(byRules).doesNotContainAnyElementsOf(RuleCatalog.WHEN_NO_RULE_SAW_A_PROBLEM);
        Set<FindingId> all = EnumSet.copyOf(byRules);
        all.addAll(RuleCatalog.WHEN_NO_RULE_SAW_A_PROBLEM);
        assertThat(all).containsExactlyInAnyOrder(FindingId.values());
    }

    @Test
    void everyFixIsOfferedBySomeRule() {
        Set<FixId> offered = EnumSet.noneOf(FixId.class);
        RuleCatalog.ALL.forEach(e -> offered.addAll(e.offers()));
        assertThat(offered).containsExactlyInAnyOrder(FixId.values());
    }

    @Test
    void eachFindingHasOneRule() {
        assertThat(RuleCatalog.ALL.stream().flatMap(e -> e.raises().stream()).toList()).doesNotHaveDuplicates();
        assertThat(RuleCatalog.ALL.stream().map(RuleCatalog.Entry::rule).toList()).doesNotHaveDuplicates();
    }

    @Test
    void theStableIdsAreOneEachAndReadBack() {
        for (FindingId id : FindingId.values()) {
            assertThat(FindingId.of(id.id())).contains(id);
            assertThat(id).hasToString(id.id());
        }
        for (FixId id : FixId.values()) {
            assertThat(FixId.of(id.id())).contains(id);
        }
        assertThat(Arrays.stream(FindingId.values()).map(FindingId::id)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(FixId.values()).map(FixId::id)).doesNotHaveDuplicates();
        assertThat(FindingId.of("no-such-finding")).isEmpty();
    }
}
