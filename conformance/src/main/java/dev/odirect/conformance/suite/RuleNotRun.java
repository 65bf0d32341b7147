package dev.odirect.conformance.suite;

import org.opentest4j.TestAbortedException;

/**
 * The rule applies to this store but cannot be checked here (no crash hook, no small filesystem,
 * no fincore): the store is not proven on it, and the gate says so unless the rule is waived.
 */
public final class RuleNotRun extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public RuleNotRun(String reason) {
        super(reason);
    }
}
