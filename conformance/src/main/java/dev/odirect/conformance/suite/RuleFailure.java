package dev.odirect.conformance.suite;

import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * A rule failed: which rule, on which store and filesystem, what was observed, the operations
 * that led there and how to replay it, as fields; {@link #getMessage()} renders them for people.
 */
public final class RuleFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final RuleCatalog.Rule rule;
    private final String store;
    private final String filesystem;
    private final String observation;
    private final String operations;
    private final String replay;

    public RuleFailure(RuleCatalog.Rule rule, String store, String filesystem, String observation, String operations,
                       String replay) {
        super(render(rule, store, filesystem, observation, operations, replay));
        this.rule = rule;
        this.store = store;
        this.filesystem = filesystem;
        this.observation = observation;
        this.operations = operations;
        this.replay = replay;
    }

    /** The rule failure a throwable is, or was caused by (a falsified property wraps one). */
    public static Optional<RuleFailure> in(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleFailure failure) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    private static String render(RuleCatalog.Rule rule, String store, String filesystem, String observation,
                                 String operations, String replay) {
        String nl = System.lineSeparator();
        return "[" + rule.id() + " " + rule.level() + "] " + rule.text() + nl
                + "  store: " + store + nl
                + "  filesystem: " + filesystem + nl
                + "  observed: " + observation + nl
                + "  operations: " + operations + nl
                + "  replay: " + replay;
    }

    public RuleCatalog.Rule rule() {
        return rule;
    }

    public String store() {
        return store;
    }

    public String filesystem() {
        return filesystem;
    }

    public String observation() {
        return observation;
    }

    public String operations() {
        return operations;
    }

    public String replay() {
        return replay;
    }
}
