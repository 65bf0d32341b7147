package dev.odirect.conformance.stateful;

import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.verify.Evidence;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Runs one operation sequence against the store and the model side by side, under a key prefix of
 * its own, and checks the named invariants after every step and at the end.
 */
public final class SequenceRunner {
    private final RuleContext ctx;
    private final String prefix;
    private final Model model;
    private final boolean atomicVisibility;
    /** Which key each handle was opened for. */
    private final Map<String, String> handleKeys = new HashMap<>();

    /** {@code atomicVisibility}: the store declared it, so an open stream's key must show its earlier object. */
    public SequenceRunner(RuleContext ctx, String prefix, boolean atomicVisibility) {
        this.ctx = ctx;
        this.prefix = prefix;
        this.atomicVisibility = atomicVisibility;
        this.model = new Model(atomicVisibility);
    }

    public void run(List<Op> ops) {
        int step = 0;
        for (Op op : ops) {
            step(op, ++step);
        }
        for (String handle : new TreeSet<>(model.openHandles())) {
            step(new Op.Finish(handle), ++step);
        }
        noPhantomObjects();
    }

    private void step(Op op, int step) {
        Optional<byte[]> certain = op instanceof Op.Get get ? model.object(get.key()) : Optional.empty();
        Outcome outcome = call(ctx.store(), op);
        String where = "step " + step + " (" + op + ")";
        Optional<String> wrong = model.judge(op, outcome);
        if (wrong.isPresent()) {
            if (outcome.ok() && certain.isPresent()) {
                Evidence.difference(certain.get(), outcome.data()).ifPresent(difference -> {
                    throw ctx.failure("invariant get-matches-model broken at " + where + ": " + difference);
                });
            }
            throw ctx.failure("invariant answer-matches-model broken at " + where + ": the store answered " + outcome
                    + ", a correct store answers " + wrong.get());
        }
        if (outcome.ok() && (op instanceof Op.Put || op instanceof Op.Finish)) {
            String key = op instanceof Op.Put put ? put.key() : handleKeys.get(((Op.Finish) op).handle());
            ctx.expectOnDisk(prefix + key, model.object(key).orElseThrow(),
                    where + " (invariant acknowledged-bytes-on-disk)");
        }
        if (outcome.ok() && op instanceof Op.Delete delete && ctx.disk().read(prefix + delete.key()).isPresent()) {
            throw ctx.failure("invariant deleted-is-gone broken at " + where + ": the file is still there");
        }
        if (atomicVisibility && (op instanceof Op.Open || op instanceof Op.Write || op instanceof Op.Abort)) {
            stillShowsItsObject(keyOf(op), where);
        }
    }

    /** A store that declares atomic visibility shows a key's object on disk, untouched, while streams to it run. */
    private void stillShowsItsObject(String key, String where) {
        if (key == null) {
            return;
        }
        Optional<byte[]> expected = model.object(key);
        Optional<byte[]> found = ctx.disk().read(prefix + key);
        boolean same = expected.isPresent() == found.isPresent()
                && (expected.isEmpty() || Arrays.equals(expected.get(), found.get()));
        if (!same) {
            throw ctx.failure("invariant invisible-until-finish broken at " + where + ": the store declares atomic "
                    + "visibility, but " + prefix + key + " " + found.map(bytes -> "holds " + bytes.length + " bytes")
                    .orElse("is gone") + " where its object of " + expected.map(bytes -> bytes.length + " bytes")
                    .orElse("nothing") + " stood");
        }
    }

    private String keyOf(Op op) {
        if (op instanceof Op.Open open) {
            return open.key();
        }
        String handle = op instanceof Op.Write write ? write.handle() : ((Op.Abort) op).handle();
        return handleKeys.get(handle);
    }

    private Outcome call(StoreSession store, Op op) {
        if (op instanceof Op.Put put) {
            return store.put(prefix + put.key(), put.data());
        } else if (op instanceof Op.Open open) {
            handleKeys.putIfAbsent(open.handle(), open.key());
            return store.open(prefix + open.key(), prefix + open.handle());
        } else if (op instanceof Op.Write write) {
            return store.write(prefix + write.handle(), write.data());
        } else if (op instanceof Op.Finish finish) {
            return store.finish(prefix + finish.handle());
        } else if (op instanceof Op.Abort abort) {
            return store.abort(prefix + abort.handle());
        } else if (op instanceof Op.Get get) {
            return store.get(prefix + get.key(), OptionalLong.empty(), OptionalLong.empty());
        }
        return store.delete(prefix + ((Op.Delete) op).key());
    }

    /**
     * After the last writer finished: the visible objects under the prefix are the model's, each
     * with its exact bytes; a key whose stream was aborted may show what the model allows for it.
     */
    private void noPhantomObjects() {
        TreeSet<String> onDisk = new TreeSet<>();
        // only the sequence's keys: other files are the store's own (temporary, lock), judged by CLEAN-1
        ctx.disk().visibleObjects().stream().filter(path -> path.startsWith(prefix))
                .map(path -> path.substring(prefix.length())).filter(OpSequences.KEYS::contains).forEach(onDisk::add);
        for (String key : onDisk) {
            KeyState state = model.keys().getOrDefault(key, KeyState.ABSENT);
            byte[] found = ctx.disk().read(prefix + key).orElse(new byte[0]);
            if (!state.mayRead(found)) {
                throw ctx.failure("invariant no-phantom-objects broken at the end: " + prefix + key + " holds "
                        + found.length + " bytes, a correct store holds " + state.describe());
            }
        }
        model.keys().forEach((key, state) -> {
            if (!state.mayBeAbsent() && !onDisk.contains(key)) {
                throw ctx.failure("invariant no-lost-objects broken at the end: no file for " + prefix + key
                        + ", a correct store holds " + state.describe());
            }
            model.object(key).ifPresent(data -> ctx.expectOnDisk(prefix + key, data, "the whole sequence"));
        });
    }
}
