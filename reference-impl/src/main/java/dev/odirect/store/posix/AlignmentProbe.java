package dev.odirect.store.posix;

import dev.odirect.store.DioAlignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the direct-I/O alignment of an open file: statx(STATX_DIOALIGN) first, then the logical
 * block size of the device the file lives on (found by statx, or by fstat where the C library has
 * no statx), then 4096.
 */
public final class AlignmentProbe {
    private static final AlignmentProbe WITH_THE_C_LIBRARY_STATX = new AlignmentProbe(Statx.OF_THE_C_LIBRARY);

    private final Statx statx;

    AlignmentProbe(Statx statx) {
        this.statx = statx;
    }

    public static DioAlignment of(int fd) {
        return WITH_THE_C_LIBRARY_STATX.probe(fd);
    }

    DioAlignment probe(int fd) {
        Optional<Statx.Result> fromStatx = statx.ofDescriptor(fd);
        Optional<DeviceNumbers> device = fromStatx.map(Statx.Result::device).or(() -> Syscalls.deviceOf(fd));
        return fromStatx.filter(Statx.Result::hasDioAlign)
                .map(s -> new DioAlignment(s.dioMemAlign(), s.dioOffsetAlign(), DioAlignment.Source.STATX))
                .or(() -> device.flatMap(AlignmentProbe::logicalBlockSize)
                        .map(size -> new DioAlignment(size, size, DioAlignment.Source.BLOCK_DEVICE)))
                .orElseGet(() -> new DioAlignment(DioAlignment.DEFAULT_ALIGNMENT, DioAlignment.DEFAULT_ALIGNMENT,
                        DioAlignment.Source.DEFAULT));
    }

    /** A partition has no queue/ of its own: its disk's is one level up. */
    static Optional<Integer> logicalBlockSize(DeviceNumbers device) {
        Path sysfs = Path.of("/sys/dev/block", device.toString());
        for (Path queue : new Path[] {sysfs.resolve("queue"), sysfs.resolve("../queue")}) {
            Path file = queue.resolve("logical_block_size");
            if (Files.isReadable(file)) {
                try {
                    return Optional.of(Integer.parseInt(Files.readString(file).trim()));
                } catch (IOException | NumberFormatException unreadable) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
