package dev.odirect.conformance.adapter;

import dev.odirect.conformance.suite.SessionLimits;
import dev.odirect.conformance.suite.StoreTarget;
import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** A store behind an adapter command: a fresh adapter process for every session. */
public final class AdapterTarget implements StoreTarget {
    private final String command;
    private final SessionLimits limits;
    private final boolean direct;
    private volatile StoreInfo info;
    private volatile AdapterClient last;

    public AdapterTarget(String command, SessionLimits limits, boolean direct) {
        this.command = command;
        this.limits = limits;
        this.direct = direct;
    }

    @Override
    public StoreSession open(Path root) throws IOException {
        AdapterClient client = AdapterClient.start(command, root, limits, direct);
        info = client.info();
        last = client;
        return client;
    }

    /** Known after the first hello; before it, the command line stands for the name. */
    @Override
    public StoreInfo info() {
        StoreInfo known = info;
        return known != null ? known : new StoreInfo(command, "?", Set.of());
    }

    @Override
    public String describe() {
        return command;
    }

    /** The stderr of the most recent adapter, for reports. */
    public String lastStderr() {
        AdapterClient client = last;
        return client == null ? "" : client.stderr();
    }
}
