package dev.odirect.store;

import java.nio.file.Path;

/** The two ways the store stages a write: O_TMPFILE where the filesystem makes one, a named temporary file where it does not. */
enum Staging {
    TMPFILE(true),
    NAMED(false);

    private final boolean tmpfileAllowed;

    Staging(boolean tmpfileAllowed) {
        this.tmpfileAllowed = tmpfileAllowed;
    }

    DirectStore open(Path root) throws StoreIOException {
        return new DirectStore(root, StoreConfig.defaults(), tmpfileAllowed);
    }

    DirectStore open(Path root, StoreConfig config) throws StoreIOException {
        return new DirectStore(root, config, tmpfileAllowed);
    }
}
