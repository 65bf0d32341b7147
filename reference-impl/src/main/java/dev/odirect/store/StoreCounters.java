package dev.odirect.store;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a store did, counted as it happens: bytes that went direct or through the page cache,
 * system calls, fsyncs, fallbacks from O_DIRECT to buffered I/O, and operation latencies. Bytes
 * written with O_DIRECT where direct I/O is not verified ({@link DirectIoVerdict.Kind#DIRECT_NOT_VERIFIED})
 * are counted apart from those where it is; reads with O_DIRECT are counted direct either way. Thread-safe.
 */
public final class StoreCounters {
    private final LongAdder bytesWrittenDirect = new LongAdder();
    private final LongAdder bytesWrittenDirectNotVerified = new LongAdder();
    private final LongAdder bytesWrittenBuffered = new LongAdder();
    private final LongAdder bytesReadDirect = new LongAdder();
    private final LongAdder bytesReadBuffered = new LongAdder();
    private final LongAdder writeSyscalls = new LongAdder();
    private final LongAdder readSyscalls = new LongAdder();
    private final LongAdder fsyncs = new LongAdder();
    private final LongAdder directFallbacks = new LongAdder();
    private final LongAdder objectsWritten = new LongAdder();
    private final Latencies latencies = new Latencies();

    /** An immutable reading of the counters. */
    public record Snapshot(long bytesWrittenDirect, long bytesWrittenDirectNotVerified, long bytesWrittenBuffered,
                           long bytesReadDirect, long bytesReadBuffered, long writeSyscalls, long readSyscalls, long fsyncs,
                           long directFallbacks, long objectsWritten, Map<String, Latencies.Percentiles> latencies) {
    }

    public Snapshot snapshot() {
        return new Snapshot(bytesWrittenDirect.sum(), bytesWrittenDirectNotVerified.sum(), bytesWrittenBuffered.sum(),
                bytesReadDirect.sum(), bytesReadBuffered.sum(), writeSyscalls.sum(), readSyscalls.sum(), fsyncs.sum(),
                directFallbacks.sum(), objectsWritten.sum(), latencies.snapshot());
    }

    public void bytesWritten(long bytes, DirectIoVerdict.Kind how) {
        switch (how) {
            case DIRECT -> bytesWrittenDirect.add(bytes);
            case DIRECT_NOT_VERIFIED -> bytesWrittenDirectNotVerified.add(bytes);
            case BUFFERED -> bytesWrittenBuffered.add(bytes);
            default -> throw new IllegalArgumentException("unknown kind " + how);
        }
    }

    public void bytesRead(long bytes, boolean direct) {
        (direct ? bytesReadDirect : bytesReadBuffered).add(bytes);
    }

    public void writeSyscall() {
        writeSyscalls.increment();
    }

    public void readSyscall() {
        readSyscalls.increment();
    }

    public void fsync() {
        fsyncs.increment();
    }

    public void directFallback() {
        directFallbacks.increment();
    }

    public void objectWritten() {
        objectsWritten.increment();
    }

    /** How long one operation took, from its call to its answer. */
    public void latency(String operation, long nanos) {
        latencies.record(operation, nanos);
    }
}
