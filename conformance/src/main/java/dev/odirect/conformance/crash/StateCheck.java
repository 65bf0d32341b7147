package dev.odirect.conformance.crash;

import java.nio.file.Path;

/** Judges one mounted crash state. */
@FunctionalInterface
public interface StateCheck {
    StateVerdict check(CrashState state, Path mountPoint);
}
