package dev.odirect.matrix;

import dev.odirect.conformance.setup.ToolNeed;
import dev.odirect.conformance.verify.PageCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The system tools that making, crashing and checking the chosen cells take, and which cells need each. */
public final class CellTools {
    static final String CELLS = "cells";

    private CellTools() {
    }

    /**
     * What `odirect matrix` needs in {@code mode} (empty: no cell can run here, the host's needs are
     * told for a run as root): in containers, Docker and, until the cell image is built, debootstrap;
     * on the host, the cells' tools, their crash's and the page-cache rules'.
     */
    public static List<ToolNeed> forMatrix(List<Cell> cells, Optional<MatrixOptions.Mode> mode,
                                           MatrixOptions.CrashMode crash) {
        if (mode.equals(Optional.of(MatrixOptions.Mode.CONTAINERS))) {
            return forContainers(ContainerImage.exists(ContainerImage.tag()));
        }
        List<ToolNeed> needs = new ArrayList<>(forCells(cells));
        for (Cell cell : cells.stream().filter(MatrixRunner::crashes).toList()) {
            if (crash == MatrixOptions.CrashMode.SHUTDOWN) {
                needs.add(new ToolNeed(CellAvailability.SHUTDOWN_TOOL, "the crash (--crash shutdown) of cells", cell.name()));
            } else {
                fsckOf(cell).ifPresent(fsck -> needs.add(new ToolNeed(fsck, "the filesystem check of crash states in cells",
                        cell.name())));
            }
        }
        needs.add(PageCache.NEED);
        return needs;
    }

    static List<ToolNeed> forContainers(boolean imageBuilt) {
        List<ToolNeed> needs = new ArrayList<>(List.of(new ToolNeed("docker", "--mode", "containers")));
        if (!imageBuilt) {
            needs.add(new ToolNeed("debootstrap", "building the cell image of --mode", "containers"));
        }
        return needs;
    }

    /** What making and taking down the cells takes: loop devices, mkfs, mount. */
    public static List<ToolNeed> forCells(List<Cell> cells) {
        List<ToolNeed> needs = new ArrayList<>();
        cells.forEach(cell -> making(cell, cell.name(), needs));
        return needs;
    }

    private static void making(Cell cell, String subject, List<ToolNeed> needs) {
        needs.add(new ToolNeed("mount", CELLS, subject));
        needs.add(new ToolNeed("findmnt", CELLS, subject));
        switch (cell.kind()) {
            case LOOP -> {
                needs.add(new ToolNeed("losetup", CELLS, subject));
                needs.add(new ToolNeed("mkfs." + cell.fs(), CELLS, subject));
                cell.holder().ifPresent(holder -> making(holder, subject, needs));
            }
            case OVERLAY -> cell.upper().ifPresent(upper -> making(upper, subject, needs));
            case TMPFS -> {
            }
        }
    }

    /** The checker of the filesystem that holds a crashed cell's data (an overlay's is its upper layer's). */
    private static Optional<String> fsckOf(Cell cell) {
        Cell data = cell.upper().orElse(cell);
        return Optional.ofNullable(StateMounter.FSCK.get(data.fs())).map(command -> command.get(0));
    }
}
