package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** One deliberately broken store per failure mode of facts.md, each a one-step change of {@link NaiveDirectStore}. */
final class Mutants {
    private Mutants() {
    }

    static final Map<String, Function<Path, NaiveDirectStore>> ALL = Map.ofEntries(
            Map.entry("naive-correct", NaiveDirectStore::new),
            Map.entry("in-place-correct", InPlaceStore::new),
            Map.entry("in-place-no-key-lock", InPlaceStore.NoKeyLock::new),
            Map.entry("in-place-claims-atomic", InPlaceStore::new),
            Map.entry("torn-replace", NaiveDirectStore::new),
            Map.entry("finished-handle-stays-open", ContractMutants.FinishedHandleStaysOpen::new),
            Map.entry("unknown-handle-accepted", ContractMutants.UnknownHandleAccepted::new),
            Map.entry("double-finish-truncates", ContractMutants.DoubleFinishTruncates::new),
            Map.entry("wrong-handle-code", ContractMutants.WrongHandleCode::new),
            Map.entry("abort-keeps-handle", ContractMutants.AbortKeepsHandle::new),
            Map.entry("abort-commits", ContractMutants.AbortCommits::new),
            Map.entry("abort-deletes-earlier", ContractMutants.AbortDeletesEarlier::new),
            Map.entry("failed-write-leaves-partial", ContractMutants.FailedWriteLeavesPartial::new),
            Map.entry("abort-leaves-partial-file", ContractMutants.AbortLeavesPartialFile::new),
            Map.entry("keys-refused-with-eperm", ContractMutants.KeysRefusedWithEperm::new),
            Map.entry("symlinks-followed", ContractMutants.SymlinksFollowed::new),
            Map.entry("objects-are-symlinks", ContractMutants.ObjectsAreSymlinks::new),
            Map.entry("overwrite-not-truncated", ContractMutants.OverwriteNotTruncated::new),
            Map.entry("handles-share-a-buffer", ContractMutants.HandlesShareABuffer::new),
            Map.entry("delete-is-a-no-op", ContractMutants.DeleteIsANoOp::new),
            Map.entry("stale-read-cache", ContractMutants.StaleReadCache::new),
            Map.entry("byte-after-boundary-lost", ByteMutants.ByteAfterBoundaryLost::new),
            Map.entry("second-buffer-zeroed", ByteMutants.SecondBufferZeroed::new),
            Map.entry("get-drops-tail", ByteMutants.GetDropsTail::new),
            Map.entry("range-ignores-length", ByteMutants.RangeIgnoresLength::new),
            Map.entry("range-misread-across-buffers", ByteMutants.RangeMisreadAcrossBuffers::new),
            Map.entry("aligned-part-lost", AlignedPartLost::new),
            Map.entry("unaligned-buffer-einval-swallowed", UnalignedBufferEinvalSwallowed::new),
            Map.entry("tail-padded-not-truncated", TailPaddedNotTruncated::new),
            Map.entry("truncating-reopen-before-tail", TruncatingReopenBeforeTail::new),
            Map.entry("last-aligned-block-lost", LastAlignedBlockLost::new),
            Map.entry("chunks-reordered", ChunksReordered::new),
            Map.entry("every-chunk-padded", EveryChunkPadded::new),
            Map.entry("empty-chunk-refused", EmptyChunkRefused::new),
            Map.entry("errors-swallowed", ErrorsSwallowed::new),
            Map.entry("keys-not-checked", KeysNotChecked::new),
            Map.entry("no-fsync", NoFsync::new),
            Map.entry("renaming-correct", RenamingStore::new),
            Map.entry("rename-without-dir-fsync", RenamingStore.RenameWithoutDirectorySync::new),
            Map.entry("rename-before-sync", RenamingStore.RenameBeforeSync::new),
            Map.entry("temporaries-left-after-crash", TemporariesLeft::new),
            Map.entry("overwrite-unsynced", OverwriteUnsynced::new),
            Map.entry("delete-not-synced", DeleteNotSynced::new),
            Map.entry("flush-errors-ignored", FlushErrorsIgnored::new),
            Map.entry("full-buffer-lost", FullBufferLost::new),
            Map.entry("silently-buffered", SilentlyBuffered::new),
            Map.entry("buffered-reads", BufferedReads::new));

    /**
     * Stores that declare atomic visibility. torn-replace is the naive store, which replaces an
     * object in place during finish, claiming it anyway; in-place-claims-atomic is the correct
     * in-place store claiming it.
     */
    static final Set<String> CLAIM_ATOMIC_VISIBILITY = Set.of("torn-replace",
            "in-place-claims-atomic", "abort-deletes-earlier", "renaming-correct", "rename-without-dir-fsync",
            "rename-before-sync", "temporaries-left-after-crash");

    /**
     * "O_DIRECT means durable": an object that already existed is rewritten in place with O_DIRECT
     * and acknowledged without fdatasync or a directory fsync (new objects are synced). The bytes
     * sit in the device's volatile cache; a power cut takes them.
     */
    static final class OverwriteUnsynced extends NaiveDirectStore {
        private boolean overwriting;

        OverwriteUnsynced(Path root) {
            super(root);
        }

        @Override
        protected Outcome store(String key, List<byte[]> parts) {
            overwriting = Files.isRegularFile(root.resolve(key));
            return super.store(key, parts);
        }

        @Override
        protected Outcome sync(int fd, Path file) {
            return overwriting ? Outcome.success() : super.sync(fd, file);
        }
    }

    /** fdatasync's EIO is not looked at (and fsync of the directory neither): the write is acknowledged anyway. */
    static final class FlushErrorsIgnored extends NaiveDirectStore {
        FlushErrorsIgnored(Path root) {
            super(root);
        }

        @Override
        protected Outcome sync(int fd, Path file) {
            Posix.POSIX.fdatasync(fd);
            Posix.fsyncDirectory(file.getParent());
            return Outcome.success();
        }
    }

    /** A delete acknowledged before its directory is synced: a crash brings the object back. */
    static final class DeleteNotSynced extends NaiveDirectStore {
        DeleteNotSynced(Path root) {
            super(root);
        }

        @Override
        protected Outcome syncAfterDelete(Path directory) {
            return Outcome.success();
        }
    }

    /** The note's symptom: the aligned part never reaches the file; the tail is appended through a reopen. */
    static final class AlignedPartLost extends NaiveDirectStore {
        AlignedPartLost(Path root) {
            super(root);
        }

        @Override
        protected Outcome writeAligned(int fd, byte[] bytes, int aligned) {
            return Outcome.success();
        }

        @Override
        protected Outcome writeTail(int fd, Path file, byte[] bytes, int aligned) {
            return appendThroughReopen(file, bytes, aligned, Posix.O_APPEND);
        }
    }

    /** The real mechanism: O_DIRECT from unaligned (heap-copied) memory, EINVAL ignored, tail appended. */
    static final class UnalignedBufferEinvalSwallowed extends NaiveDirectStore {
        UnalignedBufferEinvalSwallowed(Path root) {
            super(root);
        }

        @Override
        protected Outcome writeAligned(int fd, byte[] bytes, int aligned) {
            ByteBuffer unaligned = ByteBuffer.allocateDirect(aligned + 3 * 4096).alignedSlice(4096)
                    .position(1).slice();
            unaligned.put(bytes, 0, aligned).flip();
            Posix.POSIX.pwrite(fd, unaligned, aligned, 0);
            return Outcome.success();
        }

        @Override
        protected Outcome writeTail(int fd, Path file, byte[] bytes, int aligned) {
            return appendThroughReopen(file, bytes, aligned, Posix.O_APPEND);
        }
    }

    /** Pads the tail to a whole block, writes it direct, and forgets the ftruncate. */
    static final class TailPaddedNotTruncated extends NaiveDirectStore {
        TailPaddedNotTruncated(Path root) {
            super(root);
        }

        @Override
        protected Outcome writeTail(int fd, Path file, byte[] bytes, int aligned) {
            byte[] padded = Arrays.copyOfRange(bytes, aligned, aligned + ALIGN);
            return Posix.pwrite(fd, Posix.aligned(padded, 0, ALIGN), aligned);
        }
    }

    /** Reopens for the tail with O_TRUNC, wiping the aligned part already written. */
    static final class TruncatingReopenBeforeTail extends NaiveDirectStore {
        TruncatingReopenBeforeTail(Path root) {
            super(root);
        }

        @Override
        protected Outcome writeTail(int fd, Path file, byte[] bytes, int aligned) {
            return appendThroughReopen(file, bytes, aligned, Posix.O_TRUNC);
        }
    }

    /** Drops the last aligned block before the tail (an off-by-one in the flush loop). */
    static final class LastAlignedBlockLost extends NaiveDirectStore {
        LastAlignedBlockLost(Path root) {
            super(root);
        }

        @Override
        protected Outcome writeAligned(int fd, byte[] bytes, int aligned) {
            return super.writeAligned(fd, bytes, Math.max(0, aligned - ALIGN));
        }
    }

    /** Swaps the last two chunks. */
    static final class ChunksReordered extends NaiveDirectStore {
        ChunksReordered(Path root) {
            super(root);
        }

        @Override
        protected byte[] layout(List<byte[]> parts) {
            List<byte[]> swapped = new ArrayList<>(parts);
            if (swapped.size() >= 2) {
                Collections.swap(swapped, swapped.size() - 1, swapped.size() - 2);
            }
            return super.layout(swapped);
        }
    }

    /** Pads every chunk to a multiple of 512 with zeros, as s3dlio's multipart path did. */
    static final class EveryChunkPadded extends NaiveDirectStore {
        EveryChunkPadded(Path root) {
            super(root);
        }

        @Override
        protected byte[] layout(List<byte[]> parts) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                whole.writeBytes(part);
                whole.writeBytes(new byte[(512 - part.length % 512) % 512]);
            }
            return whole.toByteArray();
        }
    }

    /** Refuses a 0-byte write. */
    static final class EmptyChunkRefused extends NaiveDirectStore {
        EmptyChunkRefused(Path root) {
            super(root);
        }

        @Override
        public Outcome write(String handle, byte[] chunk) {
            return chunk.length == 0 ? Outcome.error("EINVAL", "empty chunk") : super.write(handle, chunk);
        }
    }

    /** Ignores every write and sync result: a full disk answers ok. */
    static final class ErrorsSwallowed extends NaiveDirectStore {
        ErrorsSwallowed(Path root) {
            super(root);
        }

        @Override
        protected Outcome writeAligned(int fd, byte[] bytes, int aligned) {
            super.writeAligned(fd, bytes, aligned);
            return Outcome.success();
        }

        @Override
        protected Outcome writeTail(int fd, Path file, byte[] bytes, int aligned) {
            super.writeTail(fd, file, bytes, aligned);
            return Outcome.success();
        }

        @Override
        protected Outcome sync(int fd, Path file) {
            super.sync(fd, file);
            return Outcome.success();
        }
    }

    /** Takes any key, so absolute and climbing keys write outside the root. */
    static final class KeysNotChecked extends NaiveDirectStore {
        KeysNotChecked(Path root) {
            super(root);
        }

        @Override
        protected boolean validKey(String key) {
            return true;
        }
    }

    /** Never syncs: acknowledged objects live in the page cache only. */
    static final class NoFsync extends NaiveDirectStore {
        NoFsync(Path root) {
            super(root);
        }

        @Override
        protected Outcome sync(int fd, Path file) {
            return Outcome.success();
        }
    }

    /** O_SYNC where O_DIRECT was meant (the note's flag mix-up): correct bytes, all through the page cache. */
    static final class SilentlyBuffered extends NaiveDirectStore {
        SilentlyBuffered(Path root) {
            super(root);
        }

        @Override
        protected Outcome writeAligned(int fd, byte[] bytes, int aligned) {
            Posix.dropDirect(fd);
            return super.writeAligned(fd, bytes, aligned);
        }
    }

    /** Opens for reading with O_DIRECT, then reads through the page cache all the same: correct bytes, cached. */
    static final class BufferedReads extends NaiveDirectStore {
        BufferedReads(Path root) {
            super(root);
        }

        @Override
        protected Outcome readAligned(int fd, ByteBuffer alignedPart) {
            Posix.dropDirect(fd);
            return super.readAligned(fd, alignedPart);
        }
    }

    /** A second descriptor without O_DIRECT for the tail, with the given extra flag. */
    static Outcome appendThroughReopen(Path file, byte[] bytes, int aligned, int flag) {
        int second = Posix.open(file, Posix.O_WRONLY | flag);
        if (second < 0) {
            return Posix.error("open(tail)");
        }
        try {
            long offset = flag == Posix.O_APPEND ? 0 : aligned;
            return Posix.pwrite(second, Posix.aligned(bytes, aligned, bytes.length - aligned), offset);
        } finally {
            Posix.POSIX.close(second);
        }
    }
}
