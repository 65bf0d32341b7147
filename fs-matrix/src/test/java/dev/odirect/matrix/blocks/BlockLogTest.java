package dev.odirect.matrix.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odirect.conformance.crash.CrashPoints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The block log, the devices built from it and its export, without root: a device is its log replayed onto zeros. */
class BlockLogTest {
    static final long SIZE = 1 << 20;

    @TempDir
    Path dir;

    static ByteBuffer filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return ByteBuffer.wrap(bytes);
    }

    static byte[] read(BlockDevice device, long offset, int length) throws IOException {
        ByteBuffer into = ByteBuffer.allocate(length);
        device.read(offset, into);
        return into.array();
    }

    @Test
    void aLogReadBackHasTheSameEntriesAndTheDeviceTheSameBytes() throws IOException {
        Path file = dir.resolve("log");
        try (BlockLog log = new BlockLog(file)) {
            RecordingDisk disk = new RecordingDisk(log, SIZE);
            disk.write(4096, filled(8192, 7));
            disk.flush();
            disk.write(4096 + 100, filled(10, 9));
            log.mark("answer 0 ok");
            disk.discard(0, 4096);
            try (BlockLog again = BlockLog.open(file)) {
                assertEquals(log.entries(), again.entries());
            }
            byte[] expected = filled(8192, 7).array();
            Arrays.fill(expected, 100, 110, (byte) 9);
            assertArrayEquals(expected, read(disk, 4096, 8192), "an unaligned write lands over what was there");
        }
    }

    @Test
    void aStateAfterAnAcknowledgementLosesWhatWasNotFlushed() throws IOException {
        try (BlockLog log = new BlockLog(dir.resolve("log"))) {
            RecordingDisk disk = new RecordingDisk(log, SIZE);
            int from = log.mark("workload begins").seq();
            int invoked = log.mark("invoke 0 put k").seq();
            disk.write(0, filled(4096, 1));
            disk.flush();
            disk.write(4096, filled(4096, 2));
            int answered = log.mark("answer 0 ok").seq();
            int to = log.mark("workload ends").seq();
            CrashPoints points = new CrashPoints(from, to, List.of(answered), List.of(new CrashPoints.Window(invoked, answered)),
                    1, 0);
            CrashStates states = new CrashStates(log, SIZE, points, 512);
            StatePlan afterAck = states.plans().stream().filter(plan -> plan.kind().equals("after an acknowledgement"))
                    .findFirst().orElseThrow();
            assertEquals(answered + 1, afterAck.point());
            assertEquals(1, afterAck.dropped(), afterAck.describe());
            BlockDevice device = states.device(afterAck);
            assertArrayEquals(filled(4096, 1).array(), read(device, 0, 4096), "flushed: kept");
            assertArrayEquals(new byte[4096], read(device, 4096, 4096), "not flushed: lost");
            StatePlan replayed = StatePlan.parse(afterAck.spec());
            assertArrayEquals(read(device, 0, 8192), read(CrashStates.replay(log, SIZE, replayed), 0, 8192));
            device.write(0, filled(512, 5));
            assertArrayEquals(filled(4096, 1).array(), read(states.device(afterAck), 0, 4096), "writes to a state stay with it");
        }
    }

    @Test
    void flushesThatLieMakeNothingDurable() throws IOException {
        try (BlockLog log = new BlockLog(dir.resolve("log"))) {
            RecordingDisk disk = new RecordingDisk(log, SIZE);
            int from = log.mark("workload begins").seq();
            disk.arm(new DeviceFaults(0, 0, true));
            disk.write(0, filled(4096, 1));
            disk.flush();
            int answered = log.mark("answer 0 ok").seq();
            CrashStates states = new CrashStates(log, SIZE, new CrashPoints(from, answered + 1, List.of(answered), List.of(), 1, 0), 512);
            assertArrayEquals(new byte[4096], read(states.device(states.plans().get(0)), 0, 4096));
        }
    }

    @Test
    void theExportHasDmLogWritesLayout() throws IOException {
        try (BlockLog log = new BlockLog(dir.resolve("log"))) {
            RecordingDisk disk = new RecordingDisk(log, SIZE);
            disk.write(1024, filled(1024, 3));
            disk.flush();
            log.mark("a mark");
            Path exported = dir.resolve("dm.log");
            assertEquals(3, DmLogWrites.export(log, exported));
            try (FileChannel in = FileChannel.open(exported)) {
                ByteBuffer all = ByteBuffer.allocate((int) in.size()).order(ByteOrder.LITTLE_ENDIAN);
                in.read(all, 0);
                assertEquals(DmLogWrites.MAGIC, all.getLong(0));
                assertEquals(3, all.getLong(16));
                assertEquals(512, all.getInt(24));
                assertEquals(2, all.getLong(512), "sector of the write");
                assertEquals(2, all.getLong(520), "sectors of the write");
                assertEquals(3, all.get(1024), "its data follows its header sector");
                assertEquals(DmLogWrites.FLUSH, all.getLong(2048 + 16));
                assertEquals(DmLogWrites.MARK, all.getLong(2560 + 16));
                assertEquals("a mark", new String(all.array(), 2560 + 32, 6, StandardCharsets.UTF_8));
                assertEquals(3072, in.size());
            }
        }
    }
}
