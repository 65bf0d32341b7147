package dev.odirect.conformance.suite;

import dev.odirect.conformance.adapter.AdapterTarget;
import dev.odirect.conformance.evidence.Category;
import dev.odirect.conformance.evidence.Failure;
import dev.odirect.conformance.evidence.Observation;
import dev.odirect.conformance.property.Sizes;
import dev.odirect.conformance.setup.ToolPackages;
import dev.odirect.conformance.suite.RuleCatalog.Rule;
import dev.odirect.conformance.verify.DiskView;
import dev.odirect.conformance.verify.Evidence;
import dev.odirect.conformance.verify.FilesystemFacts;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * What a rule works with: a store session over a fresh root (reopened when it breaks), the
 * suite's own view of the disk, the filesystem's facts, and failure messages that name the rule,
 * the store, the filesystem, the evidence, the operations and how to replay.
 */
public final class RuleContext implements AutoCloseable {
    private final Rule rule;
    private final SuiteRun run;
    private final List<Path> roots = new ArrayList<>();
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

    private final Consumer<String> progress;

    RuleContext(Rule rule, SuiteRun run, Consumer<String> progress) throws IOException {
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
        return run.target() instanceof AdapterTarget adapter ? adapter.lastStderr() : "";
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

    /** Ends the session and starts the next one on a new empty root in another directory (a small filesystem, say). */
    public Path freshRootIn(Path parent) throws IOException {
        closeSession();
        root = Files.createTempDirectory(parent, "odirect-" + rule.id() + "-");
        Durably.syncDirectory(parent);
        roots.add(root);
        return root;
    }

    /** The operations of the last attempt, for reports. */
    public List<String> lastOperations() {
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
    public <T> T setup(Supplier<T> step) {
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
    public IntConsumer progress(int total) {
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
        Map<String, String> entries = new LinkedHashMap<>();
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
