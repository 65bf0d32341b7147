package dev.odirect.compare;

import java.util.Map;

/**
 * One cell of a run: a matrix cell, or the one directory of a check.
 *
 * @param status the cell's status (passed, failed, not-proven, error, or not-run when it could not be made)
 * @param rules  by rule id, in the order of the run
 */
record CellRun(String name, String status, String reason, Map<String, RuleRun> rules) {
    boolean notRun() {
        return status.equals(RuleRun.NOT_RUN);
    }
}
