package dev.odirect.matrix;

import dev.odirect.conformance.verify.FilesystemFacts;
import dev.odirect.conformance.verify.FilesystemProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The recorded facts of a mounted cell: kernel, filesystem, mkfs and mount options, sectors, direct I/O. */
final class CellFacts {
    private CellFacts() {
    }

    static Map<String, Object> of(MountedCell mounted) throws IOException {
        Cell cell = mounted.cell();
        FilesystemFacts fs = FilesystemProbe.probe(mounted.mountPoint());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kernel", kernel());
        facts.put("fs", fs.type());
        facts.put("mkfs", cell.kind() == Cell.Kind.OVERLAY ? "upper layer: " + cell.upper().orElseThrow().mkfsLine()
                : cell.mkfsLine());
        facts.put("mount", cell.mount());
        facts.put("crash", !cell.crash() ? "none: " + cell.crashReason() : mounted.recorder().isPresent()
                ? "crash states: every write and flush of the device recorded (block recorder, FUSE)" : cell.holder()
                .map(holder -> "shutdown of the " + holder.fs() + " holding the image (cell " + holder.name() + ")")
                .orElse("shutdown (FS_IOC_SHUTDOWN, no log flush)"));
        facts.put("sector", mounted.device().map(device -> sysfsInt(device, "logical_block_size")).orElse(fs.sectorSize()));
        mounted.device().ifPresent(device -> facts.put("physical_sector", sysfsInt(device, "physical_block_size")));
        facts.put("dio_mem_align", fs.dioMemAlign());
        facts.put("dio_offset_align", fs.dioOffsetAlign());
        facts.put("statx_dio_mem_align", fs.statxDioMemAlign());
        facts.put("statx_dio_offset_align", fs.statxDioOffsetAlign());
        facts.put("direct", fs.direct());
        facts.put("direct_accepted", fs.directAccepted());
        facts.put("bypasses_cache", fs.bypassesCache());
        facts.put("not_direct_reason", fs.notDirectReason());
        mounted.device().ifPresent(device -> facts.put("device", device));
        return facts;
    }

    static String kernel() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException unknown) {
            return System.getProperty("os.version");
        }
    }

    private static Integer sysfsInt(String device, String file) {
        try {
            return Integer.parseInt(Files.readString(Path.of("/sys/block", Path.of(device).getFileName().toString(),
                    "queue", file)).trim());
        } catch (IOException | NumberFormatException unknown) {
            return 0;
        }
    }
}
