package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import java.util.List;
import org.junit.jupiter.api.Test;

@ConformanceRules
class HandleRules {

    @Test
    void required_HANDLE_1_writeAfterFinishIsAnError(RuleContext ctx) {
        ChunkList input = new ChunkList(List.of(4096, 1000), 1);
        String handle = ctx.setup(() -> Writes.streamAndVerify(ctx, "k", input));
        ctx.expectError(ctx.store().write(handle, ChunkList.Bytes.of(2, 4096)), "write after finish");
        ctx.expectOnDisk("k", input.bytes(), "a write after finish (it must change nothing)");
    }

    @Test
    void required_HANDLE_2_doubleFinishIsAnError(RuleContext ctx) {
        ChunkList input = new ChunkList(List.of(4096, 3000), 1);
        String handle = ctx.setup(() -> Writes.streamAndVerify(ctx, "k", input));
        ctx.expectError(ctx.store().finish(handle), "a second finish of the same handle");
        ctx.expectOnDisk("k", input.bytes(), "a second finish of its handle (it must change nothing)");
    }

    @Test
    void required_HANDLE_3_unknownHandleIsAnError(RuleContext ctx) {
        ctx.expectError(ctx.store().write("never-opened", new byte[10]), "write on a handle never opened");
        ctx.expectError(ctx.store().finish("never-opened"), "finish on a handle never opened");
    }

    @Test
    void optional_HANDLE_4_deadHandlesAnswerEBADHANDLE(RuleContext ctx) {
        StoreSession store = ctx.store();
        String handle = ctx.setup(() -> Writes.streamAndVerify(ctx, "k", new ChunkList(List.of(512), 1)));
        expectCode(ctx, store.write(handle, new byte[1]), "write after finish");
        expectCode(ctx, store.finish(handle), "a second finish");
        expectCode(ctx, store.write("never-opened", new byte[1]), "write on a handle never opened");
    }

    private static void expectCode(RuleContext ctx, Outcome outcome, String what) {
        if (outcome.ok() || !"EBADHANDLE".equals(outcome.code())) {
            throw ctx.failure(what + " answered " + outcome + ", expected EBADHANDLE");
        }
    }
}
