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
 * block size of the device the file lives on, then 4096. Logged once per device at INFO, per file
 * at DEBUG.
 */
public final class AlignmentProbe {
    private static final System.Logger LOG = System.getLogger("dev.odirect.store");
    private static final Map<String, DioAlignment> LOGGED_DEVICES = new ConcurrentHashMap<>();

    private AlignmentProbe() {
    }

    public static DioAlignment of(int fd, Path path) {
        Optional<Statx.Result> statx = Statx.ofDescriptor(fd);
        DioAlignment alignment = statx.map(AlignmentProbe::fromStatx).orElseGet(AlignmentProbe::fallback);
        String device = statx.map(s -> s.devMajor() + ":" + s.devMinor()).orElse("?");
        if (LOGGED_DEVICES.put(device, alignment) == null) {
            LOG.log(System.Logger.Level.INFO, "direct I/O alignment on device {0} ({1}): {2}", device, path, alignment);
        }
        LOG.log(System.Logger.Level.DEBUG, "direct I/O alignment of {0}: {1}", path, alignment);
        return alignment;
    }

    private static DioAlignment fromStatx(Statx.Result statx) {
        if (statx.hasDioAlign()) {
            return new DioAlignment(statx.dioMemAlign(), statx.dioOffsetAlign(), DioAlignment.Source.STATX);
        }
        return logicalBlockSize(statx.devMajor(), statx.devMinor())
                .map(size -> new DioAlignment(size, size, DioAlignment.Source.BLOCK_DEVICE))
                .orElseGet(AlignmentProbe::fallback);
    }

    private static DioAlignment fallback() {
        return new DioAlignment(DioAlignment.DEFAULT_ALIGNMENT, DioAlignment.DEFAULT_ALIGNMENT,
                DioAlignment.Source.DEFAULT);
    }

    /** A partition has no queue/ of its own: its disk's is one level up. */
    static Optional<Integer> logicalBlockSize(int major, int minor) {
        Path device = Path.of("/sys/dev/block", major + ":" + minor);
        for (Path queue : new Path[] {device.resolve("queue"), device.resolve("../queue")}) {
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
