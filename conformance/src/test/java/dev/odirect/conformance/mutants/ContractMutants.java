package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import dev.odirect.spi.protocol.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Broken stores whose fault is in the contract around the bytes: handles, aborts, keys, layout. */
final class ContractMutants {
    private ContractMutants() {
    }

    /** finish leaves the handle open: later writes answer ok. */
    static final class FinishedHandleStaysOpen extends NaiveDirectStore {
        FinishedHandleStaysOpen(Path root) {
            super(root);
        }

        @Override
        public Outcome finish(String handle) {
            String key = keys.get(handle);
            return key == null ? Outcome.error(ErrorCode.EBADHANDLE.name(), handle) : store(key, new ArrayList<>(chunks.get(handle)));
        }
    }

    /** A write or finish on a handle never opened answers ok and is dropped. */
    static final class UnknownHandleAccepted extends NaiveDirectStore {
        UnknownHandleAccepted(Path root) {
            super(root);
        }

        @Override
        public Outcome write(String handle, byte[] chunk) {
            return keys.containsKey(handle) ? super.write(handle, chunk) : Outcome.success();
        }

        @Override
        public Outcome finish(String handle) {
            return keys.containsKey(handle) ? super.finish(handle) : Outcome.success();
        }
    }

    /** A second finish answers an error, but first truncates the object it names. */
    static final class DoubleFinishTruncates extends NaiveDirectStore {
        private final Map<String, String> finished = new HashMap<>();

        DoubleFinishTruncates(Path root) {
            super(root);
        }

        @Override
        public Outcome finish(String handle) {
            String again = finished.get(handle);
            if (again != null) {
                store(again, List.of());
                return Outcome.error(ErrorCode.EBADHANDLE.name(), handle + " is finished");
            }
            Optional.ofNullable(keys.get(handle)).ifPresent(key -> finished.put(handle, key));
            return super.finish(handle);
        }
    }

    /** Dead handles answer EINVAL instead of the protocol's EBADHANDLE. */
    static final class WrongHandleCode extends NaiveDirectStore {
        WrongHandleCode(Path root) {
            super(root);
        }

        @Override
        public Outcome write(String handle, byte[] chunk) {
            return recoded(super.write(handle, chunk));
        }

        @Override
        public Outcome finish(String handle) {
            return recoded(super.finish(handle));
        }

        private static Outcome recoded(Outcome outcome) {
            return ErrorCode.EBADHANDLE.is(outcome.code()) ? Outcome.error("EINVAL", outcome.message()) : outcome;
        }
    }

    /** abort answers ok and forgets nothing: the handle still takes writes and finishes. */
    static final class AbortKeepsHandle extends NaiveDirectStore {
        AbortKeepsHandle(Path root) {
            super(root);
        }

        @Override
        public Outcome abort(String handle) {
            return keys.containsKey(handle) ? Outcome.success() : Outcome.error(ErrorCode.EBADHANDLE.name(), handle);
        }
    }

    /** abort finishes the stream: the aborted bytes become the object. */
    static final class AbortCommits extends NaiveDirectStore {
        AbortCommits(Path root) {
            super(root);
        }

        @Override
        public Outcome abort(String handle) {
            return finish(handle);
        }
    }

    /** abort removes the key's file, and with it the object acknowledged earlier. */
    static final class AbortDeletesEarlier extends NaiveDirectStore {
        AbortDeletesEarlier(Path root) {
            super(root);
        }

        @Override
        public Outcome abort(String handle) {
            String key = keys.get(handle);
            Outcome aborted = super.abort(handle);
            return key == null ? aborted : removeFile(root.resolve(key), aborted);
        }
    }

    /** abort leaves the staged bytes in a file beside the objects. */
    static final class AbortLeavesPartialFile extends NaiveDirectStore {
        AbortLeavesPartialFile(Path root) {
            super(root);
        }

        @Override
        public Outcome abort(String handle) {
            String key = keys.get(handle);
            if (key != null) {
                store(key + ".partial", new ArrayList<>(chunks.get(handle)));
            }
            return super.abort(handle);
        }
    }

    /** A write that fails (a full disk) leaves its partial file at the key. */
    static final class FailedWriteLeavesPartial extends NaiveDirectStore {
        FailedWriteLeavesPartial(Path root) {
            super(root);
        }

        @Override
        protected Outcome removeFile(Path file, Outcome answer) {
            return answer.ok() ? super.removeFile(file, answer) : answer;
        }
    }

    /** Escaping keys are refused, but with EPERM instead of EINVAL. */
    static final class KeysRefusedWithEperm extends NaiveDirectStore {
        KeysRefusedWithEperm(Path root) {
            super(root);
        }

        @Override
        public Outcome put(String key, byte[] data) {
            return validKey(key) ? super.put(key, data) : Outcome.error("EPERM", "bad key " + key);
        }

        @Override
        public Outcome open(String key, String handle) {
            return validKey(key) ? super.open(key, handle) : Outcome.error("EPERM", "bad key " + key);
        }
    }

    /** Resolves keys with the filesystem's own lookup: a symlink inside the root leads outside it. */
    static class SymlinksFollowed extends NaiveDirectStore {
        SymlinksFollowed(Path root) {
            super(root);
        }

        @Override
        protected Optional<Outcome> throughSymlink(String key) {
            return Optional.empty();
        }
    }

    /** Keeps the bytes in a hidden file and puts a symlink at the key (which it then follows itself). */
    static final class ObjectsAreSymlinks extends SymlinksFollowed {
        ObjectsAreSymlinks(Path root) {
            super(root);
        }

        @Override
        protected Outcome store(String key, List<byte[]> parts) {
            Path link = root.resolve(key);
            Path hidden = root.resolve(".objects").resolve(key.replace('/', '_'));
            Outcome stored = super.store(".objects/" + key.replace('/', '_'), parts);
            try {
                Files.createDirectories(link.getParent());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, hidden);
                return stored;
            } catch (IOException e) {
                return Outcome.error("EIO", e.getMessage());
            }
        }
    }

    /** Opens the object's file without O_TRUNC: a shorter new object keeps the old one's end. */
    static final class OverwriteNotTruncated extends NaiveDirectStore {
        OverwriteNotTruncated(Path root) {
            super(root);
        }

        @Override
        protected int createFlags() {
            return super.createFlags() & ~Posix.O_TRUNC;
        }
    }

    /** Every write goes to the chunks of the handle opened last. */
    static final class HandlesShareABuffer extends NaiveDirectStore {
        private String last;

        HandlesShareABuffer(Path root) {
            super(root);
        }

        @Override
        public Outcome open(String key, String handle) {
            Outcome opened = super.open(key, handle);
            last = opened.ok() ? handle : last;
            return opened;
        }

        @Override
        public Outcome write(String handle, byte[] chunk) {
            return keys.containsKey(handle) && last != null ? super.write(last, chunk) : super.write(handle, chunk);
        }
    }

    /** delete answers ok and leaves the file. */
    static final class DeleteIsANoOp extends NaiveDirectStore {
        DeleteIsANoOp(Path root) {
            super(root);
        }

        @Override
        public Outcome delete(String key) {
            return Files.exists(root.resolve(key)) ? Outcome.success() : super.delete(key);
        }
    }

    /**
     * A read cache kept up to date by put only: after a stream overwrites a key, get serves the
     * object from before; deletes clear it.
     */
    static final class StaleReadCache extends NaiveDirectStore {
        private final Map<String, Outcome> cache = new HashMap<>();

        StaleReadCache(Path root) {
            super(root);
        }

        @Override
        public Outcome get(String key, OptionalLong offset, OptionalLong length) {
            if (offset.isPresent() || length.isPresent()) {
                return super.get(key, offset, length);
            }
            Outcome cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            Outcome read = super.get(key, offset, length);
            if (read.ok()) {
                cache.put(key, read);
            }
            return read;
        }

        @Override
        public Outcome put(String key, byte[] data) {
            Outcome stored = super.put(key, data);
            if (stored.ok()) {
                cache.put(key, Outcome.success(data.clone()));
            }
            return stored;
        }

        @Override
        public Outcome delete(String key) {
            cache.remove(key);
            return super.delete(key);
        }
    }
}
