package dev.odirect.store.posix;

import dev.odirect.store.DioAlignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the direct-I/O alignment of an open file: statx(STATX_DIOALIGN) first, then the logical
 * block size of the device the file lives on (found by statx, or by fstat where the C library has
 * no statx), then 4096. Logged once per device at INFO, per file at DEBUG.
 */
public final class AlignmentProbe {
    private static final System.Logger LOG = System.getLogger("dev.odirect.store");
    private static final Map<String, DioAlignment> LOGGED_DEVICES = new ConcurrentHashMap<>();
    private static final AlignmentProbe WITH_THE_C_LIBRARY_STATX = new AlignmentProbe(Statx.OF_THE_C_LIBRARY);

    private final Statx statx;

    AlignmentProbe(Statx statx) {
        this.statx = statx;
    }

    public static DioAlignment of(int fd, Path path) {
        return WITH_THE_C_LIBRARY_STATX.probe(fd, path);
    }

    DioAlignment probe(int fd, Path path) {
        Optional<Statx.Result> fromStatx = statx.ofDescriptor(fd);
        Optional<DeviceNumbers> device = fromStatx.map(Statx.Result::device).or(() -> Syscalls.deviceOf(fd));
        DioAlignment alignment = fromStatx.filter(Statx.Result::hasDioAlign)
                .map(s -> new DioAlignment(s.dioMemAlign(), s.dioOffsetAlign(), DioAlignment.Source.STATX))
                .or(() -> device.flatMap(AlignmentProbe::logicalBlockSize)
                        .map(size -> new DioAlignment(size, size, DioAlignment.Source.BLOCK_DEVICE)))
                .orElseGet(() -> new DioAlignment(DioAlignment.DEFAULT_ALIGNMENT, DioAlignment.DEFAULT_ALIGNMENT,
                        DioAlignment.Source.DEFAULT));
        String deviceName = device.map(DeviceNumbers::toString).orElse("?");
        if (LOGGED_DEVICES.put(deviceName, alignment) == null) {
            LOG.log(System.Logger.Level.INFO, "direct I/O alignment on device {0} ({1}): {2}", deviceName, path, alignment);
        }
        LOG.log(System.Logger.Level.DEBUG, "direct I/O alignment of {0}: {1}", path, alignment);
        return alignment;
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
