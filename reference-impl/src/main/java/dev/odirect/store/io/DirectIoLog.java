package dev.odirect.store.io;

import dev.odirect.store.DirectIoVerdict;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says how each opened file does its I/O, at a level that fits the first time per filesystem and
 * at DEBUG for every later file: a fallback or an unverified O_DIRECT is a WARNING for a write and
 * INFO for a read (reading through the page cache loses nothing), anything else INFO.
 */
final class DirectIoLog {
    private static final System.Logger LOG = System.getLogger("dev.odirect.store");
    /** Process-wide, as the filesystems are: a second store on the same one has nothing new to say. */
    private static final Set<String> ALREADY_SAID = ConcurrentHashMap.newKeySet();

    private DirectIoLog() {
    }

    static void opened(OpenedFile file, boolean forWriting) {
        DirectIoVerdict verdict = file.directIo();
        String access = forWriting ? "write" : "read";
        boolean doubtful = verdict.kind() == DirectIoVerdict.Kind.DIRECT_NOT_VERIFIED || verdict.fallbackReason().isPresent();
        Level first = doubtful && forWriting ? Level.WARNING : Level.INFO;
        boolean firstOnThisFilesystem = ALREADY_SAID.add(access + " " + verdict.kind() + " " + verdict.reason().orElse("")
                + " on " + file.filesystem().id());
        LOG.log(firstOnThisFilesystem ? first : Level.DEBUG, "{0} {1} (filesystem {2}): {3}; alignment {4}",
                access, file.path(), file.filesystem(), verdict, file.alignment());
    }
}
