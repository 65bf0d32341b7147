package dev.odirect.spi;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A Java store's entry point, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.odirect.spi.StoreProvider}. The suite picks the provider whose
 * {@link #accepts} says yes to the URI the user gave with {@code --store}.
 */
public interface StoreProvider {

    /** True when this provider serves the URI, usually by its scheme (e.g. {@code direct:}). */
    boolean accepts(URI uri);

    /** What a session opened from this URI will be; known before any session starts. */
    StoreInfo info(URI uri);

    /**
     * A session whose keys live under {@code root}, an existing directory: empty, or the root of an
     * earlier session as a crash left it (the suite reopens crash states, CLEAN-3).
     */
    StoreSession open(URI uri, Path root) throws IOException;
}
