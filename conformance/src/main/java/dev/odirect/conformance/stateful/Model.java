package dev.odirect.conformance.stateful;

import dev.odirect.spi.Outcome;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a correct store holds after a sequence of operations: for each key what it may show, and
 * the open writers. {@link #allowed} is the contract's precondition (one writer per key; no put or
 * delete under an open writer); {@link #judge} says whether the store's answer is one a correct
 * store may give, and then follows the store's answer.
 *
 * <p>A store that declares atomic visibility is held to one answer: while a stream is open, and
 * after it is aborted, its key shows the earlier object (VISIBLE-1 as a promise). A store that
 * writes in place may also show the stream's bytes so far, or nothing, for that key (see
 * {@link KeyState}).
 */
public final class Model {
    /** The answer a correct store gives: ok (with the object's bytes for a get) or an error. */
    public record Expected(boolean ok, Optional<byte[]> data) {
        static Expected success() {
            return new Expected(true, Optional.empty());
        }

        static Expected error() {
            return new Expected(false, Optional.empty());
        }
    }

    private record Writer(String key, ByteArrayOutputStream bytes) {
    }

    private final boolean atomicVisibility;
    private final Map<String, KeyState> keys = new LinkedHashMap<>();
    private final Map<String, Writer> writers = new HashMap<>();

    /** A model of a store that declares atomic visibility: the strictest one, used to generate sequences. */
    public Model() {
        this(true);
    }

    public Model(boolean atomicVisibility) {
        this.atomicVisibility = atomicVisibility;
    }

    public boolean allowed(Op op) {
        if (op instanceof Op.Open open) {
            return !writers.containsKey(open.handle()) && !writing(open.key());
        }
        if (op instanceof Op.Put put) {
            return !writing(put.key());
        }
        return !(op instanceof Op.Delete delete) || !writing(delete.key());
    }

    /** Applies the operation as a correct atomic store answers it, and returns that answer. */
    public Expected apply(Op op) {
        Expected expected = expected(op);
        follow(op, expected.ok());
        return expected;
    }

    /**
     * Empty when the store's answer is one a correct store may give (the model then follows it), or
     * what a correct store answers instead.
     */
    public Optional<String> judge(Op op, Outcome outcome) {
        Optional<String> wrong = wrongAnswer(op, outcome);
        if (wrong.isEmpty()) {
            follow(op, outcome.ok());
        }
        return wrong;
    }

    private Optional<String> wrongAnswer(Op op, Outcome outcome) {
        if (op instanceof Op.Get get) {
            KeyState state = state(get.key());
            boolean fine = outcome.ok() ? state.mayRead(outcome.data()) : state.mayBeAbsent();
            return fine ? Optional.empty() : Optional.of(state.describe());
        }
        if (op instanceof Op.Delete delete && !state(delete.key()).mayBePresent()) {
            // the protocol leaves a delete of a missing key open; DELETE-1 (SHOULD) asks for an error
            return Optional.empty();
        }
        if (op instanceof Op.Delete delete && !state(delete.key()).certain()) {
            KeyState state = state(delete.key());
            boolean fine = outcome.ok() ? state.mayBePresent() : state.mayBeAbsent();
            return fine ? Optional.empty() : Optional.of(outcome.ok() ? "an error (" + state.describe() + ")" : "ok");
        }
        Expected expected = expected(op);
        return outcome.ok() == expected.ok() ? Optional.empty() : Optional.of(expected.ok() ? "ok" : "an error");
    }

    private Expected expected(Op op) {
        if (op instanceof Op.Write write) {
            return writers.containsKey(write.handle()) ? Expected.success() : Expected.error();
        } else if (op instanceof Op.Finish finish) {
            return writers.containsKey(finish.handle()) ? Expected.success() : Expected.error();
        } else if (op instanceof Op.Abort abort) {
            return writers.containsKey(abort.handle()) ? Expected.success() : Expected.error();
        } else if (op instanceof Op.Get get) {
            return state(get.key()).certainObject().map(data -> new Expected(true, Optional.of(data)))
                    .orElse(Expected.error());
        } else if (op instanceof Op.Delete delete) {
            return state(delete.key()).mayBePresent() ? Expected.success() : Expected.error();
        }
        return Expected.success();
    }

    /** Moves the model past an operation that answered {@code ok} or not. */
    private void follow(Op op, boolean ok) {
        if (op instanceof Op.Put put) {
            keys.put(put.key(), KeyState.holding(put.data()));
        } else if (op instanceof Op.Open open) {
            Writer writer = new Writer(open.key(), new ByteArrayOutputStream());
            writers.put(open.handle(), writer);
            if (!atomicVisibility) {
                keys.put(open.key(), state(open.key()).orBeingWritten(writer.bytes()));
            }
        } else if (op instanceof Op.Write write && writers.containsKey(write.handle())) {
            writers.get(write.handle()).bytes().writeBytes(write.data());
        } else if (op instanceof Op.Finish finish && writers.containsKey(finish.handle())) {
            Writer writer = writers.remove(finish.handle());
            keys.put(writer.key(), KeyState.holding(writer.bytes().toByteArray()));
        } else if (op instanceof Op.Abort abort) {
            writers.remove(abort.handle());
        } else if (op instanceof Op.Delete delete && ok) {
            keys.remove(delete.key());
        }
    }

    /** The object a key certainly holds; empty when it holds none or may hold several things. */
    public Optional<byte[]> object(String key) {
        return state(key).certainObject();
    }

    /** What each key that may hold something may show. */
    public Map<String, KeyState> keys() {
        return keys;
    }

    public Set<String> openHandles() {
        return writers.keySet();
    }

    KeyState state(String key) {
        return keys.getOrDefault(key, KeyState.ABSENT);
    }

    private boolean writing(String key) {
        return writers.values().stream().anyMatch(writer -> writer.key().equals(key));
    }
}
