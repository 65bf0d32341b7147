package dev.odirect.matrix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An overlay whose upper layer lies on a recorded filesystem: taken down before it and brought back
 * after; its files are found in a crash state where the upper layer keeps them.
 */
record OverlayMount(RecordedCell.LiveMount upperFilesystem, Path merged, Path upperDirectory, List<String> mount)
        implements RecordedCell.LiveMount {
    @Override
    public Path mountPoint() {
        return merged;
    }

    @Override
    public void takeDown() throws IOException {
        HostCommands.run("umount", merged.toString());
        upperFilesystem.takeDown();
    }

    @Override
    public void bringBack() throws IOException {
        upperFilesystem.bringBack();
        HostCommands.run(mount);
    }

    @Override
    public void sync() throws IOException {
        upperFilesystem.sync();
    }

    @Override
    public Path locate(Path live, Path stateMount) {
        return upperFilesystem.locate(upperDirectory.resolve(merged.relativize(live).toString()), stateMount);
    }
}
