package dev.odirect.store.spi;

import dev.odirect.spi.Capability;
import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreProvider;
import dev.odirect.spi.StoreSession;
import dev.odirect.store.DirectStores;
import dev.odirect.store.FallbackPolicy;
import dev.odirect.store.IoMode;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.StoreVersion;
import dev.odirect.store.TailStrategy;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;

/**
 * The reference store for the suite, in process: {@code direct:} and {@code file:} URIs, with
 * optional query settings {@code tail=PAD_TRUNCATE}, {@code buffer=4m}, {@code fallback=FAIL}.
 */
public final class ReferenceStoreProvider implements StoreProvider {
    public static final String NAME = "odirect-reference";

    @Override
    public boolean accepts(URI uri) {
        String scheme = uri.getScheme();
        return "direct".equals(scheme) || "file".equals(scheme);
    }

    @Override
    public StoreInfo info(URI uri) {
        EnumSet<Capability> offers = EnumSet.of(Capability.ABORT, Capability.DELETE, Capability.RANGED_GET,
                Capability.ATOMIC_VISIBILITY);
        if (DirectStores.modeOf(uri) == IoMode.DIRECT) {
            offers.add(Capability.DIRECT_IO);
        }
        return new StoreInfo(NAME, StoreVersion.get(), offers);
    }

    @Override
    public StoreSession open(URI uri, Path root) {
        return new ReferenceSession(DirectStores.open(URI.create(uri.getScheme() + "://" + root.toUri().getRawPath()),
                configOf(uri)));
    }

    /** Settings from the URI's query, e.g. {@code direct:///mnt/x?tail=PAD_TRUNCATE&buffer=64k}. */
    public static StoreConfig configOf(URI uri) {
        StoreConfig config = StoreConfig.defaults();
        String query = uri.getQuery();
        if (query == null || query.isEmpty()) {
            return config;
        }
        for (String setting : query.split("&")) {
            String[] pair = setting.split("=", 2);
            String value = pair.length == 2 ? pair[1] : "";
            config = switch (pair[0]) {
                case "tail" -> config.withTail(TailStrategy.valueOf(value.toUpperCase(Locale.ROOT)));
                case "buffer" -> config.withBufferSize(ByteSizes.parse(value));
                case "fallback" -> config.withFallback(FallbackPolicy.valueOf(value.toUpperCase(Locale.ROOT)));
                default -> throw new IllegalArgumentException("unknown store setting '" + pair[0] + "' in " + uri
                        + ": known are tail, buffer, fallback");
            };
        }
        return config;
    }
}
