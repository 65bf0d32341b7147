package dev.odirect.conformance.suite;

import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.nio.file.Path;

/** The store under test: where sessions come from, and who it is. */
public interface StoreTarget {

    /** A new session over {@code root}, an existing directory: empty, or a crash state of an earlier root. */
    StoreSession open(Path root) throws IOException;

    /** Name, version and capabilities; for an adapter, known once a session has said hello. */
    StoreInfo info();

    /** How the user named it: a URI or an adapter command line. */
    String describe();
}
