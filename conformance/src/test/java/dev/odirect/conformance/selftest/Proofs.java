package dev.odirect.conformance.selftest;

import java.util.List;

/**
 * Which deliberately broken store proves each rule can fail, and where: every rule of SPEC.md has
 * at least one ({@link EveryRuleIsProvenTest}), and the self-tests run each where it says.
 */
public final class Proofs {
    private Proofs() {
    }

    /** Where a proof runs: /tmp (any filesystem), or a device the fault needs to show. */
    public enum Place {
        /** The test's temporary directory. */
        TMP,
        /** xfs on a loop device: strict alignment, O_DIRECT that bypasses the page cache. */
        XFS,
        /** The same xfs with a crash hook (forced shutdown, remount). */
        XFS_CRASH,
        /** A 16 MiB tmpfs that fills up. */
        FULL_FS,
        /**
         * Every crash-capable cell of the fs-matrix, on the block recorder (crash states, device
         * errors): the fs-matrix's CrashStatesSelfTest runs these.
         */
        RECORDED
    }

    /** {@code mutant} fails {@code rule} when run at {@code place}. */
    public record Proof(String mutant, String rule, Place place) {
    }

    static final List<Proof> ALL = List.of(
            new Proof("aligned-part-lost", "STREAM-2", Place.TMP),
            new Proof("aligned-part-lost", "STREAM-1", Place.TMP),
            new Proof("aligned-part-lost", "PUT-1", Place.TMP),
            new Proof("tail-padded-not-truncated", "STREAM-2", Place.TMP),
            new Proof("tail-padded-not-truncated", "STREAM-1", Place.TMP),
            new Proof("truncating-reopen-before-tail", "STREAM-2", Place.TMP),
            new Proof("last-aligned-block-lost", "STREAM-2", Place.TMP),
            new Proof("chunks-reordered", "STREAM-2", Place.TMP),
            new Proof("chunks-reordered", "STREAM-1", Place.TMP),
            new Proof("every-chunk-padded", "STREAM-2", Place.TMP),
            new Proof("empty-chunk-refused", "STREAM-3", Place.TMP),
            new Proof("keys-not-checked", "KEY-1", Place.TMP),
            new Proof("keys-refused-with-eperm", "KEY-2", Place.TMP),
            new Proof("symlinks-followed", "KEY-3", Place.TMP),
            new Proof("objects-are-symlinks", "LAYOUT-1", Place.TMP),
            new Proof("byte-after-boundary-lost", "SIZE-1", Place.TMP),
            new Proof("second-buffer-zeroed", "SIZE-2", Place.TMP),
            new Proof("full-buffer-lost", "SIZE-3", Place.TMP),
            new Proof("overwrite-not-truncated", "OVERWRITE-1", Place.TMP),
            new Proof("torn-replace", "OVERWRITE-2", Place.TMP),
            new Proof("handles-share-a-buffer", "CONCURRENT-1", Place.TMP),
            new Proof("in-place-no-key-lock", "CONCURRENT-2", Place.TMP),
            new Proof("get-drops-tail", "GET-1", Place.TMP),
            new Proof("range-ignores-length", "GET-2", Place.TMP),
            new Proof("range-misread-across-buffers", "GET-3", Place.TMP),
            new Proof("delete-is-a-no-op", "DELETE-1", Place.TMP),
            new Proof("finished-handle-stays-open", "HANDLE-1", Place.TMP),
            new Proof("double-finish-truncates", "HANDLE-2", Place.TMP),
            new Proof("unknown-handle-accepted", "HANDLE-3", Place.TMP),
            new Proof("wrong-handle-code", "HANDLE-4", Place.TMP),
            new Proof("abort-keeps-handle", "ABORT-1", Place.TMP),
            new Proof("abort-commits", "ABORT-2", Place.TMP),
            new Proof("abort-deletes-earlier", "ABORT-3", Place.TMP),
            new Proof("in-place-correct", "VISIBLE-1", Place.TMP),
            new Proof("abort-leaves-partial-file", "CLEAN-1", Place.TMP),
            new Proof("stale-read-cache", "STATE-1", Place.TMP),
            new Proof("in-place-claims-atomic", "STATE-1", Place.TMP),
            new Proof("in-place-claims-atomic", "ABORT-3", Place.TMP),
            new Proof("no-fsync", "DURABLE-2", Place.TMP),
            new Proof("unaligned-buffer-einval-swallowed", "STREAM-2", Place.XFS),
            new Proof("buffered-reads", "DIRECT-2", Place.XFS),
            new Proof("no-fsync", "DURABLE-2", Place.XFS),
            new Proof("silently-buffered", "DIRECT-1", Place.XFS),
            new Proof("no-fsync", "DURABLE-1", Place.XFS_CRASH),
            new Proof("temporaries-left-after-crash", "CLEAN-3", Place.XFS_CRASH),
            new Proof("errors-swallowed", "ERROR-1", Place.FULL_FS),
            new Proof("in-place-correct", "ERROR-2", Place.FULL_FS),
            new Proof("failed-write-leaves-partial", "CLEAN-2", Place.FULL_FS),
            new Proof("overwrite-unsynced", "DURABLE-1", Place.RECORDED),
            new Proof("rename-without-dir-fsync", "DURABLE-1", Place.RECORDED),
            new Proof("rename-before-sync", "DURABLE-1", Place.RECORDED),
            new Proof("in-place-correct", "DURABLE-3", Place.RECORDED),
            new Proof("delete-not-synced", "DURABLE-4", Place.RECORDED),
            new Proof("temporaries-left-after-crash", "CLEAN-3", Place.RECORDED),
            new Proof("flush-errors-ignored", "ERROR-3", Place.RECORDED));

    public static List<Proof> at(Place place) {
        return ALL.stream().filter(proof -> proof.place() == place).toList();
    }
}
