package dev.odirect.conformance.rules;

import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.protocol.ErrorCode;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

@ConformanceRules
class KeyRules {
    /** Keys that escape or are malformed; the absolute ones point where the suite can look. */
    static List<String> badKeys(Path root) {
        Path outside = root.getParent().resolve(root.getFileName() + "-escaped");
        return List.of(outside.toString(), "../" + root.getFileName() + "-escaped", "a/../../" + root.getFileName() + "-escaped",
                "..", "", "a//b", "a/", "./a", "a/./b", "/");
    }

    @Test
    void required_KEY_1_escapingKeysAreRefused(RuleContext ctx) {
        ctx.store();
        List<String> before = listing(ctx.root().getParent());
        List<String> rootBefore = ctx.disk().everything();
        check(ctx, (key, outcome) -> ctx.expectError(outcome, "key \"" + key + "\""));
        if (!ctx.disk().everything().equals(rootBefore)) {
            throw ctx.failure("refused keys left entries in the root: " + ctx.disk().everything()
                    + (rootBefore.isEmpty() ? "" : " (the store had made " + rootBefore + " when its session began)"));
        }
        List<String> after = listing(ctx.root().getParent());
        if (!after.equals(before)) {
            List<String> added = new ArrayList<>(after);
            added.removeAll(before);
            throw ctx.failure("refused keys left entries outside the root, in " + ctx.root().getParent() + ": " + added);
        }
    }

    @Test
    void optional_KEY_2_escapingKeysAnswerEINVAL(RuleContext ctx) {
        check(ctx, (key, outcome) -> {
            if (outcome.ok() || !ErrorCode.EINVAL.is(outcome.code())) {
                throw ctx.failure("key \"" + key + "\" answered " + outcome + ", expected " + ErrorCode.EINVAL);
            }
        });
    }

    private static void check(RuleContext ctx, BiConsumer<String, Outcome> expect) {
        int n = 0;
        for (String key : badKeys(ctx.root())) {
            expect.accept(key, ctx.store().put(key, new byte[] {1, 2, 3}));
            String handle = "k" + n++;
            Outcome open = ctx.store().open(key, handle);
            if (open.ok()) {
                ctx.store().write(handle, new byte[] {4, 5, 6});
                ctx.store().finish(handle);
            }
            expect.accept(key + "\" (open", open);
        }
    }

    private static List<String> listing(Path directory) {
        String[] names = new File(directory.toString()).list();
        return names == null ? List.of() : Arrays.stream(names).filter(n -> !n.startsWith("odirect-check-")).sorted().toList();
    }
}
