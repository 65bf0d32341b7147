package dev.odirect.conformance.suite;

import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreProvider;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** A Java store in this process, found with {@link ServiceLoader} by the URI it accepts. */
public final class ProviderTarget implements StoreTarget {
    private final StoreProvider provider;
    private final URI uri;

    public ProviderTarget(StoreProvider provider, URI uri) {
        this.provider = provider;
        this.uri = uri;
    }

    public static ProviderTarget find(URI uri) {
        for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
            if (provider.accepts(uri)) {
                return new ProviderTarget(provider, uri);
            }
        }
        throw new IllegalArgumentException("no store provider on the class path accepts " + uri
                + ": use direct:/// or file:/// for the reference store, or --adapter for another store");
    }

    @Override
    public StoreSession open(Path root) throws IOException {
        return provider.open(uri, root);
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
