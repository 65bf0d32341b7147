package dev.odirect.conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odirect.conformance.suite.RuleCatalog;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Reactive Streams TCK's discipline: a rule no broken store fails is a rule nobody has seen work. */
class EveryRuleIsProvenTest {

    @Test
    void everyRuleOfTheSpecHasABrokenStoreThatFailsIt() {
        Set<String> proven = Proofs.ALL.stream().map(Proofs.Proof::rule).collect(Collectors.toSet());
        List<String> unproven = RuleCatalog.rules().keySet().stream().filter(id -> !proven.contains(id)).toList();
        assertEquals(List.of(), unproven, "rules without a broken store in Proofs.ALL");
    }

    @Test
    void everyProofNamesARuleOfTheSpec() {
        List<String> unknown = Proofs.ALL.stream().map(Proofs.Proof::rule)
                .filter(id -> RuleCatalog.rule(id).isEmpty()).toList();
        assertEquals(List.of(), unknown);
    }
}
