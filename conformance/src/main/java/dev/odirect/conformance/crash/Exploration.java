package dev.odirect.conformance.crash;

import java.util.List;

/**
 * What exploring the crash states found: every state's verdict, the filesystem's own check of
 * each (a fact of the cell, not of the store), and where the log is kept.
 *
 * @param unmountable states the kernel could not mount, with the reason (a filesystem's fault)
 * @param fsckProblems states the filesystem's checker found damaged, with its output's first line
 */
public record Exploration(List<Judged> states, List<String> unmountable, List<String> fsckProblems,
                          long millis, String log, String device) {

    /**
     * A state and its verdict.
     *
     * @param damaged the filesystem's own checker found the state damaged: its findings are the filesystem's, not the store's
     */
    public record Judged(CrashState state, StateVerdict verdict, boolean damaged) {
    }

    public int explored() {
        return states.size();
    }

    public long millisPerState() {
        return states.isEmpty() ? 0 : millis / states.size();
    }

    public String describe() {
        return explored() + " crash states in " + millis / 1000.0 + " s (" + millisPerState() + " ms each), "
                + fsckProblems.size() + " damaged by the filesystem's own check, " + unmountable.size()
                + " not mountable";
    }
}
