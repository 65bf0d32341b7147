package dev.odirect.compare;

/**
 * One rule (or a whole cell) whose result differs between the two runs.
 *
 * @param rule     the rule id, or {@link #WHOLE_CELL} when the cell itself was or was not made
 * @param was      the old outcome; {@code absent} when the old run did not have the rule
 * @param now      the new outcome
 * @param evidence the failure's short reason (the new one; the old one for a fix), or why it did not run
 * @param replay   the command that runs it again as the new run did
 */
public record Change(Kind kind, String cell, String rule, String level, String was, String now, String evidence,
                     String replay) {
    static final String WHOLE_CELL = "(cell)";

    /** In the order the report lists them: what broke first. */
    public enum Kind {
        /** passing (or not run) before, failing or warning now */
        REGRESSION,
        /** failing or warning before, passing now */
        FIX,
        /** run before, not run now */
        NEWLY_NOT_RUN,
        /** not run before, run now (and not failing) */
        NEWLY_RUN,
        /** any other move, e.g. passed to not applicable */
        OTHER
    }
}
