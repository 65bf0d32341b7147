package dev.odirect.conformance.stateful;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a correct store holds after a sequence of operations: committed objects and open writers.
 * {@link #apply} says what the store must answer; {@link #allowed} is the contract's precondition
 * (one writer per key; no put or delete under an open writer).
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

    private final Map<String, byte[]> committed = new LinkedHashMap<>();
    private final Map<String, Writer> writers = new HashMap<>();

    public boolean allowed(Op op) {
        if (op instanceof Op.Open open) {
            return !writers.containsKey(open.handle()) && !writing(open.key());
        }
        if (op instanceof Op.Put put) {
            return !writing(put.key());
        }
        return !(op instanceof Op.Delete delete) || !writing(delete.key());
    }

    public Expected apply(Op op) {
        if (op instanceof Op.Put put) {
            committed.put(put.key(), put.data());
        } else if (op instanceof Op.Open open) {
            writers.put(open.handle(), new Writer(open.key(), new ByteArrayOutputStream()));
        } else if (op instanceof Op.Write write) {
            Writer writer = writers.get(write.handle());
            if (writer == null) {
                return Expected.error();
            }
            writer.bytes().writeBytes(write.data());
        } else if (op instanceof Op.Finish finish) {
            Writer writer = writers.remove(finish.handle());
            if (writer == null) {
                return Expected.error();
            }
            committed.put(writer.key(), writer.bytes().toByteArray());
        } else if (op instanceof Op.Abort abort) {
            return writers.remove(abort.handle()) == null ? Expected.error() : Expected.success();
        } else if (op instanceof Op.Get get) {
            byte[] data = committed.get(get.key());
            return data == null ? Expected.error() : new Expected(true, Optional.of(data));
        } else if (op instanceof Op.Delete delete) {
            return committed.remove(delete.key()) == null ? Expected.error() : Expected.success();
        }
        return Expected.success();
    }

    public Optional<byte[]> object(String key) {
        return Optional.ofNullable(committed.get(key));
    }

    public Map<String, byte[]> committed() {
        return committed;
    }

    public Set<String> openHandles() {
        return writers.keySet();
    }

    public Collection<String> keysBeingWritten() {
        return writers.values().stream().map(Writer::key).toList();
    }

    private boolean writing(String key) {
        return writers.values().stream().anyMatch(writer -> writer.key().equals(key));
    }
}
