package dev.odirect.conformance.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operations of the crash workload, as Jepsen records a history: each operation's invocation
 * and answer are marks in the device's log, so every crash state knows which operations had been
 * acknowledged, which were in flight and which had not begun.
 */
public final class CrashHistory {
    /** What an operation does to its key. */
    public enum Kind { PUT, STREAM, DELETE }

    /**
     * One operation.
     *
     * @param content  the object it writes; empty for a delete
     * @param invoked  the log position of its invocation mark
     * @param answered the log position of its answer mark; -1 while it has none (a stream left unfinished)
     */
    public record Op(int index, String key, Kind kind, Optional<byte[]> content, int invoked, int answered, boolean ok) {
        /** Answered ok before the crash at {@code point}. */
        public boolean acknowledgedBefore(int point) {
            return ok && answered >= 0 && answered < point;
        }

        public boolean startedBefore(int point) {
            return invoked < point;
        }

        Op answeredAt(int mark, boolean success) {
            return new Op(index, key, kind, content, invoked, mark, success);
        }

        @Override
        public String toString() {
            return "#" + index + " " + kind.name().toLowerCase() + " " + key
                    + content.map(bytes -> " (" + bytes.length + " bytes)").orElse("")
                    + " invoked @" + invoked + (answered < 0 ? ", no answer" : ", " + (ok ? "ok" : "error") + " @" + answered);
        }
    }

    private final CrashRecorder recorder;
    private final List<Op> ops = new ArrayList<>();

    public CrashHistory(CrashRecorder recorder) {
        this.recorder = recorder;
    }

    public int mark(String label) {
        return recorder.mark(label);
    }

    /** Marks the invocation; returns the operation's index for {@link #answer}. */
    public int invoke(String key, Kind kind, Optional<byte[]> content) {
        int index = ops.size();
        int mark = recorder.mark("invoke " + index + " " + kind.name().toLowerCase() + " " + key);
        ops.add(new Op(index, key, kind, content, mark, -1, false));
        return index;
    }

    public void answer(int index, boolean ok) {
        int mark = recorder.mark("answer " + index + (ok ? " ok" : " error"));
        ops.set(index, ops.get(index).answeredAt(mark, ok));
    }

    public List<Op> ops() {
        return List.copyOf(ops);
    }

    public List<Op> of(String key) {
        return ops.stream().filter(op -> op.key().equals(key)).toList();
    }

    /** Where crashes matter between the marks {@code from} and {@code to}. */
    public CrashPoints points(int from, int to, long seed, int randomStates) {
        List<Integer> acknowledgements = ops.stream().filter(op -> op.ok() && op.answered() >= 0)
                .map(Op::answered).toList();
        List<CrashPoints.Window> windows = ops.stream()
                .map(op -> new CrashPoints.Window(op.invoked(), op.answered() < 0 ? to : op.answered())).toList();
        return new CrashPoints(from, to, acknowledgements, windows, seed, randomStates);
    }

    /** The operations begun before {@code point}, one a line, for a failure's evidence. */
    public String before(int point) {
        StringBuilder text = new StringBuilder();
        ops.stream().filter(op -> op.startedBefore(point))
                .forEach(op -> text.append(System.lineSeparator()).append("      ").append(op));
        return text.toString();
    }
}
