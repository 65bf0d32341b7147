package dev.odirect.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Writes the host's dirty pages before a measured write. A cell's loop device is backed by a file in the
 * host's page cache: a side that wrote 2.5 GiB of warm-up before its measured object would otherwise be
 * measured while the host flushes that warm-up to its disk, and the side that wrote little would not.
 * Every measured object and every fio run starts from the same clean state.
 */
final class HostWriteback {
    private static final long WAIT_MINUTES = 5;

    private HostWriteback() {
    }

    static void flush() {
        try {
            Process sync = new ProcessBuilder("sync").redirectErrorStream(true).start();
            sync.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!sync.waitFor(WAIT_MINUTES, TimeUnit.MINUTES)) {
                sync.destroyForcibly();
                throw new IllegalStateException("sync did not return in " + WAIT_MINUTES + " minutes: the host's disk is stuck");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run sync before a measured write: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the host's pages were written", e);
        }
    }
}
