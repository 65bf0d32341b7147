package dev.odirect.store.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test needs from the machine: CI ({@code CI=true}) installs and starts everything (.ci/run),
 * so there a missing piece fails the test; elsewhere the test is skipped with the reason.
 */
public final class CiProvides {
    private CiProvides() {
    }

    /** {@code what}: the missing piece and how to get it, e.g. "Debian's chromium (apt-get install chromium)". */
    public static void require(boolean present, String what) {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(present, "CI must provide " + what + " (.ci/run installs it)");
        }
        assumeTrue(present, "not run: needs " + what);
    }
}
