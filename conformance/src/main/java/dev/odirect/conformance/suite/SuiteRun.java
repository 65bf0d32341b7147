package dev.odirect.conformance.suite;

import dev.odirect.conformance.verify.FilesystemFacts;
import dev.odirect.conformance.verify.FilesystemProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of the suite: its settings, the store target, the facts of the filesystem, and a run
 * directory under which every rule gets a fresh, empty, durably created root.
 */
public final class SuiteRun {
    private final CiLinks links = CiLinks.fromEnvironment();
    private final SuiteSettings settings;
    private final StoreTarget target;
    private final Path runDir;
    private final FilesystemFacts facts;
    private final AtomicInteger roots = new AtomicInteger();

    public SuiteRun(SuiteSettings settings) {
        this.settings = settings;
        this.target = settings.target();
        try {
            if (!Files.isDirectory(settings.dir())) {
                throw new IllegalArgumentException("directory " + settings.dir() + " does not exist: create it or pass another --dir");
            }
            this.runDir = Files.createTempDirectory(settings.dir(), "odirect-check-");
            Durably.syncDirectory(settings.dir());
            this.facts = FilesystemProbe.probe(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a run under " + settings.dir() + ": " + e.getMessage(), e);
        }
    }

    /** Links to this CI run and to SPEC.md, for the report. */
    public CiLinks links() {
        return links;
    }

    public SuiteSettings settings() {
        return settings;
    }

    public StoreTarget target() {
        return target;
    }

    public FilesystemFacts facts() {
        return facts;
    }

    public Path runDir() {
        return runDir;
    }

    /** A new empty directory for one rule, whose name survives a crash before the store sees it. */
    public Path newRoot(String ruleId) throws IOException {
        Path root = Files.createDirectory(runDir.resolve(ruleId + "-" + roots.incrementAndGet()));
        Durably.syncDirectory(runDir);
        return root;
    }

    /** Removes the run directory when nothing is left in it (failing rules keep theirs). */
    public void finish() {
        try (var left = Files.list(runDir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(runDir);
            }
        } catch (IOException ignored) {
            // leaving an empty directory behind is harmless
        }
    }
}
