package dev.odirect.store;

import dev.odirect.store.posix.ArchitectureFlags;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens stores from URIs as s3dlio does: {@code direct:///abs/root} writes with O_DIRECT,
 * {@code file:///abs/root} through the page cache. An architecture whose O_DIRECT the store does
 * not know is refused ({@link ArchitectureFlags}).
 */
public final class DirectStores {
    private DirectStores() {
    }

    public static DirectStore open(URI uri) {
        return open(uri, StoreConfig.defaults());
    }

    /** The URI's scheme decides the {@link IoMode}; the rest of {@code config} applies as given. */
    public static DirectStore open(URI uri, StoreConfig config) {
        // refused before any open: on an unknown architecture O_DIRECT would be a wrong flag
        ArchitectureFlags.ofThisMachine();
        IoMode mode = modeOf(uri);
        if (uri.getAuthority() != null || uri.getPath() == null || !uri.getPath().startsWith("/")) {
            throw new IllegalArgumentException("store URI " + uri + " must name an absolute directory, e.g. "
                    + uri.getScheme() + ":///mnt/data/objects");
        }
        Path root = Path.of(uri.getPath());
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("store root " + root + " is not an existing directory: create it first");
        }
        try {
            return new DirectStore(root, config.withMode(mode));
        } catch (StoreIOException unopenable) {
            throw new UncheckedIOException(unopenable);
        }
    }

    public static IoMode modeOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        return switch (scheme) {
            case "direct" -> IoMode.DIRECT;
            case "file" -> IoMode.BUFFERED;
            default -> throw new IllegalArgumentException("unknown store URI scheme '" + scheme + "' in " + uri
                    + ": use direct:///abs/root (O_DIRECT) or file:///abs/root (buffered)");
        };
    }
}
