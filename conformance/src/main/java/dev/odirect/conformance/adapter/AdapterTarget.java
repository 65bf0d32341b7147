package dev.odirect.conformance.adapter;

import dev.odirect.conformance.suite.SessionLimits;
import dev.odirect.conformance.suite.StoreTarget;
import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.nio.file.Path;

/** A store behind an adapter command: a fresh adapter process for every session. */
public final class AdapterTarget implements StoreTarget {
    private final String command;
    private final SessionLimits limits;
    private final boolean direct;
    private volatile StoreInfo info;
    private volatile AdapterSession last;

    public AdapterTarget(String command, SessionLimits limits, boolean direct) {
        this.command = command;
        this.limits = limits;
        this.direct = direct;
    }

    @Override
    public StoreSession open(Path root) throws IOException {
        AdapterSession session = AdapterSession.start(command, root, limits, direct);
        info = session.info();
        last = session;
        return session;
    }

    /** Known after the first hello; before it, the command line stands for the name. */
    @Override
    public StoreInfo info() {
        StoreInfo known = info;
        return known != null ? known : new StoreInfo(command, "?", java.util.Set.of());
    }

    @Override
    public String describe() {
        return command;
    }

    /** The stderr of the most recent adapter, for reports. */
    public String lastStderr() {
        AdapterSession session = last;
        return session == null ? "" : session.stderr();
    }
}
