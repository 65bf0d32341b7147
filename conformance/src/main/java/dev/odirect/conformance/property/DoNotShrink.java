package dev.odirect.conformance.property;

/**
 * Marks failures that shrinking cannot help with (a store session that broke, an adapter that went
 * silent): the runner reports them at once instead of re-running candidates into the same wall.
 */
public interface DoNotShrink {
}
