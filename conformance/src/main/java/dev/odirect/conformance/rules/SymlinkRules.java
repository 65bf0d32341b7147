package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.Durably;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Capability;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A symlink inside the root (planted by anyone who can write there) must not lead a store's put,
 * open, get or delete to a directory or file outside it.
 */
@ConformanceRules
class SymlinkRules {
    static final String DIR_LINK = "dir-link";
    static final String FILE_LINK = "file-link";

    @Test
    void required_KEY_3_symlinksNeverLeadOutsideTheRoot(RuleContext ctx) throws IOException {
        StoreSession store = ctx.store();
        Path outside = Files.createTempDirectory(ctx.root().getParent(), ctx.root().getFileName() + "-outside-");
        byte[] secret = ChunkList.Bytes.of(7, 5000);
        Path victim = Files.write(outside.resolve("victim"), secret);
        try {
            Files.createSymbolicLink(ctx.root().resolve(DIR_LINK), outside);
            Files.createSymbolicLink(ctx.root().resolve(FILE_LINK), victim);
            for (String key : List.of(FILE_LINK, DIR_LINK + "/victim")) {
                expectNotRead(ctx, store.get(key, OptionalLong.empty(), OptionalLong.empty()), secret, "get " + key);
                if (ctx.info().offers(Capability.RANGED_GET)) {
                    expectNotRead(ctx, store.get(key, OptionalLong.of(0), OptionalLong.of(100)), secret,
                            "get " + key + " [0, +100)");
                }
            }
            if (ctx.info().offers(Capability.DELETE)) {
                store.delete(DIR_LINK + "/victim");
                expectOutsideUntouched(ctx, outside, secret, "delete " + DIR_LINK + "/victim");
            }
            byte[] data = ChunkList.Bytes.of(8, 4096 + 100);
            store.put(DIR_LINK + "/planted", data);
            expectOutsideUntouched(ctx, outside, secret, "put " + DIR_LINK + "/planted");
            if (store.open(DIR_LINK + "/streamed", "s1").ok()) {
                store.write("s1", data);
                store.finish("s1");
            }
            expectOutsideUntouched(ctx, outside, secret, "a stream to " + DIR_LINK + "/streamed");
            if (store.open(FILE_LINK, "s2").ok()) {
                store.write("s2", data);
                store.finish("s2");
            }
            expectOutsideUntouched(ctx, outside, secret, "a stream to " + FILE_LINK);
            store.put(FILE_LINK, data);
            expectOutsideUntouched(ctx, outside, secret, "put " + FILE_LINK);
        } finally {
            ctx.closeSession();
            for (String link : List.of(DIR_LINK, FILE_LINK)) {
                if (Files.isSymbolicLink(ctx.root().resolve(link))) {
                    Files.delete(ctx.root().resolve(link));
                }
            }
            Durably.deleteTree(outside);
        }
    }

    /** An answer that carries the outside file's bytes is an escape; an error or other bytes are not. */
    private static void expectNotRead(RuleContext ctx, Outcome outcome, byte[] secret, String what) {
        byte[] data = outcome.data();
        if (outcome.ok() && data.length > 0 && data.length <= secret.length
                && Arrays.equals(data, Arrays.copyOf(secret, data.length))) {
            throw ctx.failure(what + " answered " + data.length + " bytes of a file outside the root, through a symlink "
                    + "inside it (" + ctx.root().resolve(FILE_LINK) + " -> outside)");
        }
    }

    private static void expectOutsideUntouched(RuleContext ctx, Path outside, byte[] secret, String after) {
        List<String> entries;
        try (Stream<Path> listing = Files.list(outside)) {
            entries = listing.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!entries.equals(List.of("victim"))) {
            throw ctx.failure("after " + after + ", the directory " + outside + " outside the root, reached through the "
                    + "symlink " + DIR_LINK + ", holds " + entries + " instead of [victim]");
        }
        try {
            byte[] now = Files.readAllBytes(outside.resolve("victim"));
            if (!Arrays.equals(now, secret)) {
                throw ctx.failure("after " + after + ", the file " + outside.resolve("victim") + " outside the root "
                        + "holds " + now.length + " other bytes than before (" + secret.length + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
