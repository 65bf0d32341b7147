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
    public static final String RULE_OPTION = SuiteSettings.RULE;
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
        settings.store().ifPresent(uri -> words.addAll(List.of(SuiteSettings.STORE, quote(uri.toString()))));
        settings.adapter().ifPresent(command -> words.addAll(List.of(SuiteSettings.ADAPTER, quote(command))));
        if (settings.notDirect()) {
            words.add(SuiteSettings.NOT_DIRECT);
        }
        if (settings.timeout().toSeconds() != SuiteSettings.DEFAULT_TIMEOUT_SECONDS) {
            words.addAll(List.of(SuiteSettings.TIMEOUT, Long.toString(settings.timeout().toSeconds())));
        }
        if (settings.adapterMaxLine() != SuiteSettings.DEFAULT_ADAPTER_MAX_LINE) {
            words.addAll(List.of(SuiteSettings.ADAPTER_MAX_LINE, Integer.toString(settings.adapterMaxLine())));
        }
        words.addAll(List.of(SuiteSettings.PROFILE, settings.profile().name().toLowerCase(), SuiteSettings.SEED,
                Long.toString(settings.seed())));
        return String.join(" ", words);
    }

    /** The cell is made again; a cell crashed by a command, not the block recorder, was run with --crash shutdown. */
    private static void matrix(SuiteSettings settings, String cell, List<String> words) {
        words.addAll(List.of("odirect", "matrix"));
        // a replay in auto mode on a machine with Docker would run the cell in a container: not where it failed
        settings.matrixMode().ifPresent(mode -> words.addAll(List.of(SuiteSettings.MODE, mode)));
        if (!cell.equals(PLAIN_DIRECTORY)) {
            words.addAll(List.of(CELLS_OPTION, quote(cell)));
        }
        if (settings.crashRecorder().isEmpty() && settings.crashCmd().isPresent()) {
            words.addAll(List.of(CRASH_OPTION, CRASH_SHUTDOWN));
        }
    }

    /** The directory the user named stays; the crash hooks and the small filesystem go with it. */
    private static void check(SuiteSettings settings, List<String> words) {
        words.addAll(List.of("odirect", "check", SuiteSettings.DIR, quote(settings.dir().toString())));
        settings.crashCmd().ifPresent(command -> words.addAll(List.of(SuiteSettings.CRASH_CMD, quote(command))));
        settings.recoverCmd().ifPresent(command -> words.addAll(List.of(SuiteSettings.RECOVER_CMD, quote(command))));
        settings.fullDir().ifPresent(dir -> words.addAll(List.of(SuiteSettings.FULL_DIR, quote(dir.toString()))));
    }

    /** As a POSIX shell reads it back: plain words stay, anything else in single quotes. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
