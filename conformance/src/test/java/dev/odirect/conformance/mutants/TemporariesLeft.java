package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference store before O_TMPFILE: a stream's chunks go to a named temporary file beside the
 * key as they arrive, which finish renames over the key and abort removes, and no session looks
 * for the ones a crash or a killed process left: they stay beside the objects for good.
 */
final class TemporariesLeft extends RenamingStore {
    /** The temporary file of each open stream. */
    private final Map<String, Path> staged = new HashMap<>();
    /** The temporary file of the stream being finished, which becomes its object. */
    private Path finishing;

    TemporariesLeft(Path root) {
        super(root);
    }

    @Override
    protected void sweep() {
        // the fault: nothing removes what a crash left
    }

    @Override
    public Outcome open(String key, String handle) {
        Outcome opened = super.open(key, handle);
        if (!opened.ok()) {
            return opened;
        }
        Path file = root.resolve(key);
        Path temporary = temporaryFor(file);
        Outcome made = makeParents(file);
        if (made.ok()) {
            made = append(temporary, new byte[0]);
        }
        if (!made.ok()) {
            super.abort(handle);
            return made;
        }
        staged.put(handle, temporary);
        return opened;
    }

    @Override
    public Outcome write(String handle, byte[] chunk) {
        Outcome kept = super.write(handle, chunk);
        return kept.ok() ? append(staged.get(handle), chunk) : kept;
    }

    @Override
    public Outcome finish(String handle) {
        finishing = staged.remove(handle);
        try {
            return super.finish(handle);
        } finally {
            finishing = null;
        }
    }

    @Override
    public Outcome abort(String handle) {
        discard(staged.remove(handle));
        return super.abort(handle);
    }

    @Override
    public void close() {
        staged.values().forEach(TemporariesLeft::discard);
        staged.clear();
        super.close();
    }

    @Override
    protected Path temporaryFor(Path file) {
        return finishing != null ? finishing : super.temporaryFor(file);
    }

    private static Outcome append(Path temporary, byte[] chunk) {
        try {
            Files.write(temporary, chunk, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return Outcome.success();
        } catch (IOException e) {
            return Outcome.error("EIO", "write to " + temporary + " failed: " + e.getMessage());
        }
    }

    private static void discard(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // the answer to abort or close does not depend on it; a file left here is what CLEAN-1 reports
        }
    }
}
