package dev.odirect.conformance.suite;

import org.opentest4j.TestAbortedException;

/**
 * The rule is about something this store does not offer (abort, ranged get, O_DIRECT, atomic
 * visibility): nothing is left unproven, so the gate treats it like a pass and says why.
 */
public final class RuleNotApplicable extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public RuleNotApplicable(String reason) {
        super(reason);
    }
}
