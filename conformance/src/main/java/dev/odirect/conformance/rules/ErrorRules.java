package dev.odirect.conformance.rules;

import static dev.odirect.conformance.rules.Requirements.requireRecordedDevice;
import static dev.odirect.conformance.rules.Requirements.requireThat;

import dev.odirect.conformance.crash.CrashRecorder;
import dev.odirect.conformance.crash.FaultyFilesystem;
import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@ConformanceRules
class ErrorRules {
    /** Objects written before the filesystem fills, then overwritten with larger ones that cannot fit. */
    static final int EARLIER_OBJECTS = 4;

    @Test
    void required_ERROR_1_fullFilesystemErrorsAreAnswers(RuleContext ctx) throws IOException {
        long capacity = Fill.onSmallFilesystem(ctx);
        Fill.Result fill = Fill.until(ctx, "fill/", capacity);
        if (!fill.finishedAfterFailedWrite().isEmpty()) {
            throw ctx.failure("finish of " + fill.finishedAfterFailedWrite() + " answered ok after one of its writes failed");
        }
        if (fill.errors() == 0) {
            throw ctx.failure("writing " + fill.attempted() + " bytes to a filesystem of " + capacity
                    + " bytes never answered an error");
        }
        fill.acknowledged().forEach((key, bytes) -> ctx.expectOnDisk(key, bytes, "an ok while the filesystem filled up"));
    }

    @Test
    void required_ERROR_3_deviceErrorsAreAnsweredAsErrors(RuleContext ctx) throws IOException {
        CrashRecorder recorder = requireRecordedDevice(ctx);
        List<String> acknowledged = new ArrayList<>();
        int fired = 0;
        for (FaultyFilesystem.Fault fault : FaultyFilesystem.Fault.values()) {
            for (boolean stream : List.of(false, true)) {
                try (FaultyFilesystem faulty = recorder.faultyFilesystem()) {
                    ctx.freshRootIn(faulty.mountPoint());
                    Writes.putAndVerify(ctx, "before", ChunkList.Bytes.of(1, 8192));
                    faulty.failFromNow(fault);
                    String what = (stream ? "a stream" : "a put") + " during which the device answered every "
                            + fault.name().toLowerCase() + " with EIO";
                    ChunkList input = new ChunkList(List.of(Fill.MIB, 1000), 7);
                    List<DeviceErrors.Answer> answers = stream ? DeviceErrors.stream(ctx, "faulted", input)
                            : DeviceErrors.put(ctx, "faulted", input.bytes());
                    faulty.heal();
                    if (faulty.fired() > 0) {
                        fired++;
                        DeviceErrors.acknowledgedAfterError(answers).ifPresent(ok -> acknowledged.add(what + ": " + ok));
                    }
                    ctx.closeSession();
                }
            }
        }
        if (!acknowledged.isEmpty()) {
            throw ctx.failure(String.join("; ", acknowledged));
        }
        requireThat(fired > 0, "no injected device error reached the device during the store's writes");
    }

    @Test
    void optional_ERROR_2_failedOverwriteKeepsTheEarlierObject(RuleContext ctx) throws IOException {
        long capacity = Fill.onSmallFilesystem(ctx);
        Map<String, byte[]> earlier = new LinkedHashMap<>();
        for (int i = 0; i < EARLIER_OBJECTS; i++) {
            earlier.put("old/" + i, ChunkList.Bytes.of(i, 64 * 1024 + i));
            Writes.putAndVerify(ctx, "old/" + i, earlier.get("old/" + i));
        }
        Fill.until(ctx, "fill/", capacity);
        int refused = 0;
        ChunkList larger = new ChunkList(List.of(Fill.MIB, 3 * Fill.MIB + 1), 100);
        int n = 0;
        for (Map.Entry<String, byte[]> object : earlier.entrySet()) {
            boolean replaced = n++ % 2 == 0 ? ctx.store().put(object.getKey(), larger.bytes()).ok()
                    : Writes.tryStream(ctx, object.getKey(), larger);
            ctx.expectOnDisk(object.getKey(), replaced ? larger.bytes() : object.getValue(), replaced
                    ? "an overwrite that answered ok on a full filesystem"
                    : "an overwrite that failed on a full filesystem (the earlier object must stay)");
            refused += replaced ? 0 : 1;
        }
        requireThat(refused > 0, "the filesystem took every overwrite: nothing was refused to check");
    }

    @Test
    void optional_CLEAN_2_fullFilesystemLeavesNoStrayFiles(RuleContext ctx) throws IOException {
        long capacity = Fill.onSmallFilesystem(ctx);
        Fill.Result fill = Fill.until(ctx, "fill/", capacity);
        ctx.closeSession();
        List<String> files = ctx.disk().everything().stream()
                .filter(path -> !Files.isDirectory(ctx.root().resolve(path), LinkOption.NOFOLLOW_LINKS)).toList();
        if (!new TreeSet<>(files).equals(new TreeSet<>(fill.acknowledged().keySet()))) {
            TreeSet<String> stray = new TreeSet<>(files);
            stray.removeAll(fill.acknowledged().keySet());
            throw ctx.failure("after " + fill.errors() + " writes failed on a full filesystem, the root holds files no "
                    + "acknowledged object explains: " + stray);
        }
    }
}
