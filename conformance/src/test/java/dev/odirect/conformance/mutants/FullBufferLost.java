package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import java.nio.file.Path;

/**
 * Writes through a 1 MiB buffer that is flushed when the next byte arrives, and its finish writes the
 * last buffer only when it is partly filled: an object that ends exactly on a full buffer loses it (a
 * 1 MiB put leaves a 0-byte file, the seed project's symptom). Objects of any other size are exact.
 */
final class FullBufferLost extends NaiveDirectStore {
    static final int BUFFER = 1 << 20;

    FullBufferLost(Path root) {
        super(root);
    }

    @Override
    protected Outcome writeAligned(int fd, byte[] bytes, int aligned) {
        for (int start = 0; start < aligned; start += BUFFER) {
            int filled = Math.min(BUFFER, aligned - start);
            boolean lastAndExactlyFull = filled == BUFFER && start + BUFFER == bytes.length;
            if (lastAndExactlyFull) {
                return Outcome.success();
            }
            Outcome written = Posix.pwrite(fd, Posix.aligned(bytes, start, filled), start);
            if (!written.ok()) {
                return written;
            }
        }
        return Outcome.success();
    }
}
