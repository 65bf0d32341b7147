package dev.odirect.conformance.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the facts of the filesystem holding a directory, independently of any store: mountinfo
 * for type and device, sysfs for the sector size, and real O_DIRECT writes (as xfstests'
 * _require_odirect does) for what direct I/O accepts and whether it bypasses the page cache.
 */
public final class FilesystemProbe {
    private static final int[] LENGTHS = {1, 512, 1024, 2048, 4096};
    private static final int[] MEMORY_OFFSETS = {1, 8, 512, 1024, 2048, 4096};

    private FilesystemProbe() {
    }

    public static FilesystemFacts probe(Path directory) throws IOException {
        Path real = directory.toRealPath();
        Mount mount = Mount.of(real);
        Path file = Files.createTempFile(real, ".odirect-probe-", "");
        try {
            int fd = LinuxIo.POSIX.open(file.toString(), LinuxIo.O_WRONLY | LinuxIo.O_DIRECT, 0);
            Optional<StatxDio.Alignment> statx = StatxDio.of(file);
            Integer statxMem = statx.map(StatxDio.Alignment::memAlign).orElse(null);
            Integer statxOffset = statx.map(StatxDio.Alignment::offsetAlign).orElse(null);
            if (fd < 0) {
                return new FilesystemFacts(mount.type(), mount.point(), mount.source(), mount.sectorSize(), 0, 0, false,
                        false, real.toString(), statxMem, statxOffset);
            }
            int offsetAlign = smallestAccepted(fd);
            // a write shorter than a filesystem block is taken from any address on xfs (measured: 512 B from
            // an address 1 byte off, where a 4 KiB write from it is EINVAL): the memory alignment that
            // matters is that of a write of a whole block
            int blockSize = (int) Files.getFileStore(real).getBlockSize();
            int memAlign = offsetAlign == 0 ? 0 : smallestMemoryOffsetAccepted(fd, Math.max(offsetAlign, blockSize));
            Boolean bypasses = offsetAlign == 0 ? null : bypassesCache(fd, file);
            LinuxIo.POSIX.close(fd);
            return new FilesystemFacts(mount.type(), mount.point(), mount.source(), mount.sectorSize(), memAlign,
                    offsetAlign, true, bypasses, real.toString(), statxMem, statxOffset);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The smallest write length at offset 0 that O_DIRECT accepts from page-aligned memory. */
    private static int smallestAccepted(int fd) {
        ByteBuffer page = aligned(8192, 4096);
        for (int length : LENGTHS) {
            if (LinuxIo.POSIX.pwrite(fd, page, length, 0) == length) {
                return length;
            }
        }
        return 0;
    }

    /** The smallest memory misalignment accepted, for a write of {@code length} at offset 0. */
    private static int smallestMemoryOffsetAccepted(int fd, int length) {
        for (int shift : MEMORY_OFFSETS) {
            ByteBuffer shifted = aligned(length + 8192, 4096).position(shift).slice();
            if (LinuxIo.POSIX.pwrite(fd, shifted, length, 0) == length) {
                return shift;
            }
        }
        return 4096;
    }

    /** After a 64 KiB O_DIRECT write and fdatasync, are any of the file's pages resident? */
    private static Boolean bypassesCache(int fd, Path file) {
        int length = 64 * 1024;
        if (LinuxIo.POSIX.pwrite(fd, aligned(length, 4096), length, 0) != length || LinuxIo.POSIX.fdatasync(fd) != 0) {
            return null;
        }
        return PageCache.residentBytes(file).map(bytes -> bytes == 0).orElse(null);
    }

    static ByteBuffer aligned(int capacity, int align) {
        return ByteBuffer.allocateDirect(capacity + 2 * align).alignedSlice(align).limit(capacity).slice();
    }

    /** The mount holding a path, from /proc/self/mountinfo (the longest mount point that prefixes it). */
    record Mount(String point, String type, String source, String device) {
        static Mount of(Path real) throws IOException {
            Mount best = new Mount("/", "unknown", "unknown", "0:0");
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] halves = line.split(" - ", 2);
                String[] fields = halves[0].split(" ");
                String[] tail = halves.length > 1 ? halves[1].split(" ") : new String[0];
                String point = fields[4].replace("\\040", " ");
                if (tail.length >= 2 && real.startsWith(point) && point.length() >= best.point().length()) {
                    best = new Mount(point, tail[0], tail[1], fields[2]);
                }
            }
            return best;
        }

        int sectorSize() {
            Path device = Path.of("/sys/dev/block", this.device);
            for (Path queue : List.of(device.resolve("queue"), device.resolve("../queue"))) {
                Optional<Integer> size = readInt(queue.resolve("logical_block_size"));
                if (size.isPresent()) {
                    return size.get();
                }
            }
            return 0;
        }

        private static Optional<Integer> readInt(Path file) {
            try {
                return Optional.of(Integer.parseInt(Files.readString(file).trim()));
            } catch (IOException | NumberFormatException absent) {
                return Optional.empty();
            }
        }
    }
}
