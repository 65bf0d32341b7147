package dev.odirect.matrix;

import dev.odirect.matrix.blocks.DeviceFaults;
import java.nio.file.Path;

/**
 * A cell made on the block recorder: where its block log goes (kept as evidence when a crash state
 * fails) and the faults its device has from the start of the crash workload.
 */
record Recording(Path logDirectory, DeviceFaults faults) {
}
