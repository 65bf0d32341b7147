package dev.odirect.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.store.testing.LoopFilesystem;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The facts a report shows about a filesystem's direct I/O are the ones the kernel holds a store to. */
class FilesystemProbeTest {
    @Test
    void xfsOn512ByteSectorsNeedsMemoryAlignedTo512AsStatxSays() throws IOException {
        Optional<String> why = LoopFilesystem.unavailable("xfs");
        assumeTrue(why.isEmpty(), why.map(reason -> "not run: " + reason).orElse(""));
        try (LoopFilesystem xfs = LoopFilesystem.create("xfs", 512, 320L << 20, List.of("-q", "-f"), "")) {
            FilesystemFacts facts = FilesystemProbe.probe(xfs.newDirectory("probe"));
            // a 512-byte write is accepted from any address there; a whole block's write is not
            assertEquals(512, facts.dioMemAlign(), facts.toString());
            assertEquals(512, facts.dioOffsetAlign(), facts.toString());
        }
    }
}
