package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.suite.SuiteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellCatalogTest {
    /** The rules only the small ext4-full cell runs, for every cell of a run. */
    static final List<String> FULL_FILESYSTEM_RULES = List.of("ERROR-1", "ERROR-2", "CLEAN-2");

    @TempDir
    Path dir;

    @Test
    void theDefaultCellsAreTheDocumentedOnes() {
        Map<String, Cell> cells = CellCatalog.load(Optional.empty());
        assertEquals(List.of("ext4", "ext4-1k", "ext4-journal", "xfs", "xfs-4k", "btrfs", "tmpfs", "overlay", "ext4-full"),
                List.copyOf(cells.keySet()));
        Cell xfs4k = cells.get("xfs-4k");
        assertEquals(4096, xfs4k.sector());
        assertEquals("xfs", xfs4k.fs());
        assertTrue(xfs4k.crash(), "inherited from xfs");
        assertEquals("data=journal", cells.get("ext4-journal").mount());
        assertEquals(List.of("-q", "-F", "-b", "1024"), cells.get("ext4-1k").mkfs());
        assertEquals("ext4", cells.get("overlay").upper().orElseThrow().name());
        assertTrue(cells.get("ext4-full").full());
        assertEquals(FULL_FILESYSTEM_RULES, cells.get("ext4-full").rules());
        assertTrue(cells.get("btrfs").crash(), "by shutting down the filesystem that holds its image");
        assertEquals("ext4", cells.get("btrfs").holder().orElseThrow().name());
        assertEquals(2, cells.get("btrfs").loopDevices());
        String nothingToPersist = "a memory-only filesystem has nothing to persist across a crash";
        assertEquals(Map.of("DURABLE-1", nothingToPersist, "DURABLE-3", nothingToPersist, "DURABLE-4", nothingToPersist,
                "CLEAN-3", nothingToPersist, "ERROR-3", "a memory-only filesystem has no device to fail"),
                cells.get("tmpfs").notApplicable());
        assertEquals(FULL_FILESYSTEM_RULES, cells.get("ext4-full").checksForAll());
    }

    @Test
    void aRuleOneCellChecksForAllIsNotApplicableInTheOthersOnlyWhenThatCellRuns() {
        Map<String, Cell> cells = CellCatalog.load(Optional.empty());
        Cell xfs = cells.get("xfs");
        Cell tmpfs = cells.get("tmpfs");
        assertEquals(List.of("checked in cell ext4-full", "checked in cell ext4-full", "checked in cell ext4-full"),
                List.copyOf(xfs.notApplicableAmong(List.of(xfs, cells.get("ext4-full"))).values()));
        assertEquals(FULL_FILESYSTEM_RULES,
                List.copyOf(xfs.notApplicableAmong(List.of(xfs, cells.get("ext4-full"))).keySet()));
        assertEquals(Map.of(), xfs.notApplicableAmong(List.of(xfs, tmpfs)));
        assertEquals(Map.of(), cells.get("ext4-full").notApplicableAmong(List.copyOf(cells.values())));
        assertEquals(Set.of("DURABLE-1", "DURABLE-3", "DURABLE-4", "CLEAN-3", "ERROR-3", "ERROR-1", "ERROR-2",
                "CLEAN-2"),
                tmpfs.notApplicableAmong(List.copyOf(cells.values())).keySet());
    }

    @Test
    void usersAddAndReplaceCellsWithoutCode() throws IOException {
        Path file = Files.writeString(dir.resolve("cells.yaml"), """
                xfs-1g:
                  extends: xfs
                  size: 1g
                tmpfs:
                  kind: tmpfs
                  fs: tmpfs
                  mount: size=64m
                """);
        Map<String, Cell> cells = CellCatalog.load(Optional.of(file));
        assertEquals(1L << 30, cells.get("xfs-1g").size());
        assertEquals(512, cells.get("xfs-1g").sector());
        assertEquals("size=64m", cells.get("tmpfs").mount());
    }

    @Test
    void mistakesInACellsFileAreNamed() throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "mine:\n  fs: ext4\n  sectr: 4096\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellCatalog.load(Optional.of(typo)))
                .getMessage().contains("unknown key 'sectr'"));
        Path unknownRule = Files.writeString(dir.resolve("rule.yaml"), "mine:\n  fs: ext4\n  not_applicable:\n    DURABLE-9: no\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellCatalog.load(Optional.of(unknownRule)))
                .getMessage().contains("cell mine names unknown rule 'DURABLE-9'"));
        Path circle = Files.writeString(dir.resolve("circle.yaml"), "a:\n  extends: b\nb:\n  extends: a\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellCatalog.load(Optional.of(circle)))
                .getMessage().contains("circle"));
    }

    @Test
    void shardsSplitTheCellsWithoutOverlap() throws CheckSetupException {
        SuiteSettings check = SuiteSettings.builder().dir(dir).seed(1L).out(dir).build();
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            MatrixOptions options = new MatrixOptions(check, List.of(), MatrixOptions.Mode.AUTO,
                    new MatrixOptions.Shard(i, 3), dir, Optional.empty(), List.of());
            MatrixRunner.select(options).forEach(cell -> all.add(cell.name()));
        }
        assertEquals(CellCatalog.load(Optional.empty()).size(), all.size());
        assertEquals(all.size(), new HashSet<>(all).size());
        assertThrows(IllegalArgumentException.class, () -> MatrixOptions.Shard.parse("4/3"));
    }
}
