package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers of one write while the device fails (ERROR-3), in order. A put or finish during which
 * the device failed a write or flush must not answer ok, and once an answer was an error no later
 * answer for the same object may be ok.
 */
final class DeviceErrors {
    /** One call and its answer; {@code acknowledges} when an ok would acknowledge the object. */
    record Answer(String call, boolean acknowledges, Outcome outcome) {
        @Override
        public String toString() {
            return call + ": " + (outcome.ok() ? "ok" : "error " + outcome.code());
        }
    }

    private DeviceErrors() {
    }

    static List<Answer> put(RuleContext ctx, String key, byte[] data) {
        return List.of(new Answer("put", true, ctx.store().put(key, data)));
    }

    /** Open, every chunk, finish, and a second finish (which must not answer ok either). */
    static List<Answer> stream(RuleContext ctx, String key, ChunkList input) {
        StoreSession store = ctx.store();
        String handle = Writes.newHandle(key);
        List<Answer> answers = new ArrayList<>();
        answers.add(new Answer("open", false, store.open(key, handle)));
        int n = 0;
        for (byte[] chunk : input.chunks(input.bytes())) {
            answers.add(new Answer("write #" + n++, false, store.write(handle, chunk)));
        }
        answers.add(new Answer("finish", true, store.finish(handle)));
        answers.add(new Answer("second finish", true, store.finish(handle)));
        return answers;
    }

    /** The first ok that should have been an error, with every answer for context. */
    static Optional<String> acknowledgedAfterError(List<Answer> answers) {
        boolean failed = false;
        for (Answer answer : answers) {
            if (answer.outcome().ok() && (failed || answer.acknowledges())) {
                return Optional.of(answer + " (answers: " + answers + ")");
            }
            failed |= !answer.outcome().ok();
        }
        return Optional.empty();
    }
}
