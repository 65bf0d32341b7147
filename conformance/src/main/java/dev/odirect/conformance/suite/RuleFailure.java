package dev.odirect.conformance.suite;

import dev.odirect.conformance.evidence.Failure;
import dev.odirect.conformance.property.FailureKind;
import dev.odirect.conformance.property.PropertyFailedError;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * A rule failed: the {@link Failure} value says which rule, where, what was observed, the operations
 * that led there and how to replay it; {@link #getMessage()} is its rendering, for people only.
 */
public final class RuleFailure extends AssertionFailedError implements FailureKind {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public RuleFailure(Failure failure) {
        super(failure.render());
        this.failure = failure;
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

    /** The failure value a throwable carries, with how a property found it when a property did. */
    public static Optional<Failure> valueIn(Throwable thrown) {
        return Optional.ofNullable(thrown).flatMap(RuleFailure::in).map(found -> thrown instanceof PropertyFailedError property
                ? found.failure.withProperty(property.evidence()) : found.failure);
    }

    public Failure failure() {
        return failure;
    }

    /** Shrinking keeps to candidates that fail the same way: the same category, in the same phase. */
    @Override
    public String kind() {
        return failure.category().token() + "/" + failure.phase();
    }
}
