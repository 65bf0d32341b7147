package dev.odirect.conformance.suite;

import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreProvider;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

/**
 * A Java store in this process, found with {@link ServiceLoader} by the URI it accepts. Its
 * sessions answer each call within the timeout, or break as a silent adapter's do.
 */
public final class ProviderTarget implements StoreTarget {
    private final StoreProvider provider;
    private final URI uri;
    private final Duration timeout;

    public ProviderTarget(StoreProvider provider, URI uri, Duration timeout) {
        this.provider = provider;
        this.uri = uri;
        this.timeout = timeout;
    }

    public static ProviderTarget find(URI uri, Duration timeout) {
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
            if (provider.accepts(uri)) {
                return new ProviderTarget(provider, uri, timeout);
            }
        }
        throw new IllegalArgumentException("no store provider on the class path accepts " + uri
                + ": use direct:/// or file:/// for the reference store, or --adapter for another store");
    }

    @Override
    public StoreSession open(Path root) throws IOException {
        return TimedSession.open(new SessionWorker("store '" + uri + "'", timeout), () -> provider.open(uri, root));
    }

    @Override
    public StoreInfo info() {
        return provider.info(uri);
    }

    @Override
    public String describe() {
        return uri.toString();
    }
}
