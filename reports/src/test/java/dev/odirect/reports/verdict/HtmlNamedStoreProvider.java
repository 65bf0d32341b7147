package dev.odirect.reports.verdict;

import dev.odirect.conformance.mutants.MutantProvider;
import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreProvider;
import dev.odirect.spi.StoreSession;
import java.net.URI;
import java.nio.file.Path;

/** {@code html-named:MUTANT}: a broken store whose name is markup, as a hostile or careless store could say. */
public final class HtmlNamedStoreProvider implements StoreProvider {
    static final String NAME = "<img src=x onerror=alert(1)>";
    private final MutantProvider mutants = new MutantProvider();

    @Override
    public boolean accepts(URI uri) {
        return "html-named".equals(uri.getScheme()) && mutants.accepts(mutant(uri));
    }

    @Override
    public StoreInfo info(URI uri) {
        return new StoreInfo(NAME, "1<b>bold</b>", mutants.info(mutant(uri)).capabilities());
    }

    @Override
    public StoreSession open(URI uri, Path root) {
        return mutants.open(mutant(uri), root);
    }

    private static URI mutant(URI uri) {
        return URI.create("mutant:" + uri.getSchemeSpecificPart());
    }
}
