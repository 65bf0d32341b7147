package dev.odirect.conformance.mutants;

import dev.odirect.spi.Capability;
import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreProvider;
import dev.odirect.spi.StoreSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;

/** The mutants as Java stores, {@code mutant:NAME}, found by the suite through ServiceLoader like any store. */
public final class MutantProvider implements StoreProvider {
    @Override
    public boolean accepts(URI uri) {
        return "mutant".equals(uri.getScheme()) && Mutants.ALL.containsKey(uri.getSchemeSpecificPart());
    }

    @Override
    public StoreInfo info(URI uri) {
        EnumSet<Capability> offers = EnumSet.of(Capability.ABORT, Capability.DELETE, Capability.RANGED_GET,
                Capability.DIRECT_IO);
        if (Mutants.CLAIM_ATOMIC_VISIBILITY.contains(uri.getSchemeSpecificPart())) {
            offers.add(Capability.ATOMIC_VISIBILITY);
        }
        return new StoreInfo("mutant " + uri.getSchemeSpecificPart(), "test", offers);
    }

    @Override
    public StoreSession open(URI uri, Path root) {
        return Mutants.ALL.get(uri.getSchemeSpecificPart()).apply(root);
    }
}
