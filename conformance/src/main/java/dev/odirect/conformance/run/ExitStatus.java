package dev.odirect.conformance.run;

/**
 * The exit status of {@code odirect check}, {@code matrix} and {@code report --merge}, and the lines
 * that document it in their {@code --help} (compile-time constants, so annotations can use them).
 */
public final class ExitStatus {
    public static final int PROVEN = 0;
    public static final int MUST_FAILED = 1;
    public static final int ERROR = 2;
    public static final int NOT_PROVEN = 3;

    public static final String HELP_HEADING = "Exit status:";
    public static final String HELP_PROVEN = "  " + PROVEN + "  proven: every MUST rule passed, was not applicable or was waived";
    public static final String HELP_MUST_FAILED = "  " + MUST_FAILED + "  a MUST rule failed";
    public static final String HELP_ERROR = "  " + ERROR + "  usage or environment error, or no rule ran at all";
    public static final String HELP_NOT_PROVEN = "  " + NOT_PROVEN
            + "  not proven: a MUST rule, or a cell, did not run; the last line says why";

    private ExitStatus() {
    }
}
