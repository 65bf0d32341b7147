package dev.odirect.conformance.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs one rule again with the same inputs, written so that it still works after
 * the run has cleaned up: in a matrix cell it is {@code odirect matrix --cells CELL --rule ID}, which
 * makes the cell (and its crash hooks) again, never a {@code --dir} on a mount that is gone.
 */
public final class ReplayCommand {
    /** The cell name of a matrix that could make no cell and ran the rules in a plain directory. */
    public static final String PLAIN_DIRECTORY = "plain-directory";
    public static final String CELLS_OPTION = "--cells";
    public static final String CRASH_OPTION = "--crash";
    public static final String RULE_OPTION = "--rule";
    /** The matrix's crash mode without a recorded device. */
    public static final String CRASH_SHUTDOWN = "shutdown";

    private ReplayCommand() {
    }

    public static String of(SuiteSettings settings, String ruleId) {
        return String.join(" ", ofRun(settings), RULE_OPTION, ruleId);
    }

    /** The command that runs every rule of the run again with the same inputs. */
    public static String ofRun(SuiteSettings settings) {
        List<String> words = new ArrayList<>();
        settings.cell().ifPresentOrElse(cell -> matrix(settings, cell, words), () -> check(settings, words));
        settings.store().ifPresent(uri -> words.addAll(List.of("--store", quote(uri.toString()))));
        settings.adapter().ifPresent(command -> words.addAll(List.of("--adapter", quote(command))));
        if (!settings.direct()) {
            words.add("--not-direct");
        }
        if (!settings.limits().timeout().equals(SessionLimits.DEFAULTS.timeout())) {
            words.addAll(List.of(SessionLimits.TIMEOUT_OPTION, Long.toString(settings.limits().timeout().toSeconds())));
        }
        if (settings.limits().maxLine() != SessionLimits.DEFAULTS.maxLine()) {
            words.addAll(List.of(SessionLimits.MAX_LINE_OPTION, Integer.toString(settings.limits().maxLine())));
        }
        words.addAll(List.of("--profile", settings.profile().name().toLowerCase(), "--seed", Long.toString(settings.seed())));
        return String.join(" ", words);
    }

    /** The cell is made again; a cell crashed by a command, not the block recorder, was run with --crash shutdown. */
    private static void matrix(SuiteSettings settings, String cell, List<String> words) {
        words.addAll(List.of("odirect", "matrix"));
        if (!cell.equals(PLAIN_DIRECTORY)) {
            words.addAll(List.of(CELLS_OPTION, quote(cell)));
        }
        if (settings.crashRecorder().isEmpty() && settings.crashCommand().isPresent()) {
            words.addAll(List.of(CRASH_OPTION, CRASH_SHUTDOWN));
        }
    }

    /** The directory the user named stays; the crash hooks and the small filesystem go with it. */
    private static void check(SuiteSettings settings, List<String> words) {
        words.addAll(List.of("odirect", "check", "--dir", quote(settings.dir().toString())));
        settings.crashCommand().ifPresent(command -> words.addAll(List.of("--crash-cmd", quote(command))));
        settings.recoverCommand().ifPresent(command -> words.addAll(List.of("--recover-cmd", quote(command))));
        settings.fullDir().ifPresent(dir -> words.addAll(List.of("--full-dir", quote(dir.toString()))));
    }

    /** As a POSIX shell reads it back: plain words stay, anything else in single quotes. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
