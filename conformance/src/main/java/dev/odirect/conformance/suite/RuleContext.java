package dev.odirect.conformance.suite;

import dev.odirect.conformance.evidence.Category;
import dev.odirect.conformance.evidence.Failure;
import dev.odirect.conformance.evidence.Observation;
import dev.odirect.conformance.property.Sizes;
import dev.odirect.conformance.setup.ToolPackages;
import dev.odirect.conformance.suite.RuleCatalog.Rule;
import dev.odirect.conformance.verify.CacheStat;
import dev.odirect.conformance.verify.DiskView;
import dev.odirect.conformance.verify.Evidence;
import dev.odirect.conformance.verify.FilesystemFacts;
import dev.odirect.conformance.verify.PageCache;
import dev.odirect.spi.Capability;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule works with: a store session over a fresh root (reopened when it breaks), the
 * suite's own view of the disk, the filesystem's facts, and failure messages that name the rule,
 * the store, the filesystem, the evidence, the operations and how to replay.
 */
public final class RuleContext implements AutoCloseable {
    private final Rule rule;
    private final SuiteRun run;
    private final java.util.List<Path> roots = new java.util.ArrayList<>();
    private Path root;
    private RecordingSession session;
    /** The operations of every session of the rule and the harness's steps, since the last property try began. */
    private final OperationLog operations = new OperationLog();
    /** In a step the rule relies on ({@link #setup}), not in the check it is about. */
    private Failure.Phase phase = Failure.Phase.CHECK;
    /** Passed, not applicable or not run: its roots are removed; a failing rule keeps them for inspection. */
    private boolean nothingToInspect;

    /** Report-entry key of progress lines, which the console shows while long properties run. */
    public static final String PROGRESS = "odirect.progress";

    private final java.util.function.Consumer<String> progress;

    RuleContext(Rule rule, SuiteRun run, java.util.function.Consumer<String> progress) throws IOException {
        this.rule = rule;
        this.run = run;
        this.progress = progress;
        this.root = run.newRoot(rule.id());
        roots.add(root);
    }

    public Rule rule() {
        return rule;
    }

    public SuiteSettings settings() {
        return run.settings();
    }

    public Profile profile() {
        return run.settings().profile();
    }

    /** The seed of this rule: the run's seed mixed with the rule id, so each rule replays alone. */
    public long seed() {
        return run.settings().seed() * 1_000_003L + rule.id().hashCode();
    }

    public FilesystemFacts facts() {
        return run.facts();
    }

    /** Sizes biased to this filesystem's probed O_DIRECT alignment, for the generators. */
    public Sizes sizes() {
        return new Sizes(facts().alignment());
    }

    public StoreInfo info() {
        return run.target().info();
    }

    /** What the store's adapter wrote to stderr, when it is an adapter. */
    public String adapterStderr() {
        return run.target() instanceof dev.odirect.conformance.adapter.AdapterTarget adapter ? adapter.lastStderr() : "";
    }

    public Path root() {
        return root;
    }

    public DiskView disk() {
        return new DiskView(root);
    }

    /** The session, started on first use and started afresh after it broke. */
    public RecordingSession store() {
        if (session == null || session.broken()) {
            closeSession();
            try {
                session = new RecordingSession(run.target().open(root), operations);
            } catch (IOException e) {
                throw new SessionBrokenException("could not start a store session: " + e.getMessage(), e);
            }
        }
        return session;
    }

    /** Ends the session and starts the next one on a new empty root (for rules that need several). */
    public Path freshRoot() throws IOException {
        closeSession();
        root = run.newRoot(rule.id());
        roots.add(root);
        return root;
    }

    /** Like {@link #freshRoot()}, but in another directory (a small filesystem, say). */
    public Path freshRootIn(Path parent) throws IOException {
        closeSession();
        root = java.nio.file.Files.createTempDirectory(parent, "odirect-" + rule.id() + "-");
        Durably.syncDirectory(parent);
        roots.add(root);
        return root;
    }

    /** The operations of the last attempt, for reports. */
    public java.util.List<String> lastOperations() {
        return operations.recent();
    }

    /** Records a step the suite takes itself (crash, recovery, dropping cached pages) among the operations. */
    public void harness(String step) {
        operations.harness(step);
    }

    /**
     * Runs a step the rule relies on before its own check (an object it then writes after, say): a
     * failure there says "setup of RULE failed", so one cause is not taken for many rules' faults.
     */
    public <T> T setup(java.util.function.Supplier<T> step) {
        Failure.Phase before = phase;
        phase = Failure.Phase.SETUP;
        try {
            return step.get();
        } finally {
            phase = before;
        }
    }

    public void setup(Runnable step) {
        setup(() -> {
            step.run();
            return null;
        });
    }

    public void closeSession() {
        if (session != null) {
            RecordingSession closing = session;
            session = null; // even when closing fails, the next call gets a fresh session
            closing.close();
        }
    }

    /**
     * The requirements a rule declares before it starts, as xfstests' {@code _require_*}: a store
     * that does not offer what the rule is about makes it not applicable; an environment that
     * lacks what the check needs makes it not run (the gate then says "not proven").
     */
    public void require(Capability capability) {
        store();
        if (!info().offers(capability)) {
            throw new RuleNotApplicable("store " + info().name() + " does not offer "
                    + capability.name().toLowerCase().replace('_', ' '));
        }
    }

    /** Not applicable to this store, for the reason given. */
    public RuleNotApplicable notApplicable(String reason) {
        return new RuleNotApplicable(reason);
    }

    /** The crash and recover commands (DURABLE-1), or not run with the reason there are none. */
    public CrashHook requireCrashHook() {
        Optional<String> crash = settings().crashCommand();
        Optional<String> recover = settings().recoverCommand();
        if (crash.isEmpty() || recover.isEmpty()) {
            throw new RuleNotRun(settings().noCrashReason()
                    .map(reason -> "this filesystem cannot be crashed here: " + reason)
                    .orElse("no crash hook (--crash-cmd and --recover-cmd) and no recorded device (odirect matrix records "
                            + "the devices of its ext4, xfs and btrfs cells and checks their crash states)"));
        }
        return new CrashHook(crash.get(), recover.get());
    }

    /** The crash hook's two commands. */
    public record CrashHook(String crash, String recover) {
    }

    /** A directory on a filesystem small enough to fill (ERROR-1), or not run. */
    public Path requireSmallFilesystem() {
        Path small = settings().fullDir().orElseThrow(() -> new RuleNotRun(
                "needs a directory on a small filesystem (--full-dir, or the fs-matrix ext4-full cell)"));
        long capacity;
        try {
            capacity = java.nio.file.Files.getFileStore(small).getTotalSpace();
        } catch (IOException e) {
            throw new RuleNotRun("cannot read the size of the filesystem of " + small + ": " + e.getMessage());
        }
        if (capacity >= SMALL_FILESYSTEM) {
            throw new RuleNotRun(small + " is not small (" + capacity + " bytes); filling it would take too long");
        }
        return small;
    }

    /** Filesystems larger than this are not filled by the rules that need a full one. */
    public static final long SMALL_FILESYSTEM = 2L << 30;

    /** fincore and a filesystem where O_DIRECT was seen to leave no cached pages (DIRECT rules), or not run. */
    public void requirePageCacheObservable() {
        if (!PageCache.observable()) {
            throw new RuleNotRun(ToolPackages.notInstalled(PageCache.NEED.tool()));
        }
        if (!Boolean.TRUE.equals(facts().bypassesCache())) {
            throw new RuleNotRun("O_DIRECT does not bypass the page cache here (" + facts().describe() + ")");
        }
    }

    /** cachestat(2) and a filesystem with a device, where it shows a file's unsynced pages (DURABLE-2), or not run. */
    public void requireUnsyncedPagesObservable() {
        if (facts().memoryOnly()) {
            throw new RuleNotApplicable(facts().type() + " keeps files in memory only: there is no device for fsync "
                    + "to write back to");
        }
        CacheStat.unobservableIn(root).ifPresent(reason -> {
            throw new RuleNotRun(reason);
        });
    }

    /** Not run when the condition does not hold, for the reason given. */
    public void requireThat(boolean holds, String reason) {
        if (!holds) {
            throw new RuleNotRun(reason);
        }
    }

    public void expectOk(Outcome outcome, String what) {
        if (!outcome.ok()) {
            throw failure("EINVAL".equals(outcome.code()) ? Category.MISALIGNMENT : Category.WRONG_ANSWER,
                    what + " answered " + outcome.code() + " (" + outcome.message() + "), expected ok");
        }
    }

    public void expectError(Outcome outcome, String what) {
        if (outcome.ok()) {
            throw failure(what + " answered ok, expected an error");
        }
    }

    /** Reads {@code root/key} itself and compares it with what the store acknowledged. */
    public void expectOnDisk(String key, byte[] expected, String after) {
        Optional<byte[]> found = disk().read(key);
        if (found.isEmpty()) {
            throw failure(Category.PERSISTENCE_LOSS, "object \"" + key + "\" after " + after + ": no file for it in "
                    + "the rule's root, expected " + expected.length + " bytes");
        }
        Evidence.mismatch(expected, found.get()).ifPresent(mismatch -> {
            throw failure(Observation.of("object \"" + key + "\" after " + after, mismatch));
        });
    }

    /** A failure of this rule that is a wrong answer (the store's answers or files are not a correct store's). */
    public RuleFailure failure(String observation) {
        return failure(Category.WRONG_ANSWER, observation);
    }

    public RuleFailure failure(Category category, String observation) {
        return failure(Observation.of(category, observation));
    }

    /** A failure of this rule carrying everything needed to act on it, from the execution that failed. */
    public RuleFailure failure(Observation observation) {
        StoreInfo info = info();
        return new RuleFailure(new Failure(rule.id(), rule.level().name(), cell(), phase, observation,
                info.name() + " " + info.version() + " (" + run.target().describe() + ")", facts().describe(),
                operations.recent(), settings().replay(rule.id()), adapterStderr(), null));
    }

    /** The cell this rule runs in: the matrix's cell name, or the filesystem's type. */
    public String cell() {
        return run.settings().cell().orElse(facts().type());
    }

    /** Says something about the rule's progress on the console (how much it explored). */
    public void note(String line) {
        progress.accept(rule.id() + " " + line);
    }

    /** A progress callback for a property of {@code total} tries: reports every tenth. */
    public java.util.function.IntConsumer progress(int total) {
        int step = Math.max(1, total / 10);
        return done -> {
            if (done % step == 0 && done < total) {
                progress.accept(rule.id() + " " + done + "/" + total);
            }
        };
    }

    /** What summaries need beyond the JUnit result: the store and the filesystem, as observed. */
    Map<String, String> reportEntries() {
        StoreInfo info = info();
        FilesystemFacts facts = facts();
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("odirect.rule", rule.id());
        entries.put("odirect.store.name", info.name());
        entries.put("odirect.store.version", info.version());
        entries.put("odirect.fs.type", facts.type());
        entries.put("odirect.fs.path", facts.path());
        entries.put("odirect.fs.sector", Integer.toString(facts.sectorSize()));
        entries.put("odirect.fs.dio_mem_align", Integer.toString(facts.dioMemAlign()));
        entries.put("odirect.fs.dio_offset_align", Integer.toString(facts.dioOffsetAlign()));
        entries.put("odirect.fs.direct", Boolean.toString(facts.direct()));
        entries.put("odirect.fs.not_direct_reason", facts.notDirectReason());
        entries.put("odirect.fs.bypasses_cache", String.valueOf(facts.bypassesCache()));
        entries.put("odirect.replay", settings().replay(rule.id()));
        entries.values().removeIf(String::isBlank);
        return entries;
    }

    void markNothingToInspect() {
        nothingToInspect = true;
    }

    /** Ends the session; a passing rule's objects are removed, a failing rule's are kept for inspection. */
    @Override
    public void close() {
        closeSession();
        if (nothingToInspect) {
            for (Path used : roots) {
                try {
                    Durably.deleteTree(used);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not remove " + used, e);
                }
            }
        }
    }
}
