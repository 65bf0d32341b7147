package dev.odirect.conformance.stateful;

import dev.odirect.conformance.property.CoverageClass;
import dev.odirect.conformance.property.Gen;
import dev.odirect.conformance.property.Shrinker;
import dev.odirect.conformance.property.Sizes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Random operation sequences over a few keys, writers interleaved, that respect the model's preconditions. */
public final class OpSequences {
    static final List<String> KEYS = List.of("a", "b", "c/d", "c/e");
    public static final String INTERLEAVED_WRITERS = "interleaved writers";
    public static final String OVERWRITE = "overwrite";
    public static final String EXPECTED_ERROR = "expected error";
    /** A get of a key whose object a stream replaced: where a stale read cache shows. */
    public static final String READ_AFTER_STREAM_OVERWRITE = "read after stream overwrite";
    /** Edge-biased sizes of puts and writes are otherwise any size up to this. */
    private static final int ANY_SIZE_UP_TO = 20000;

    private final Sizes sizes;
    private final int length;
    private final boolean abort;
    private final boolean delete;

    /** Sequences of {@code length} operations, with abort and delete where the store offers them. */
    public OpSequences(Sizes sizes, int length, boolean abort, boolean delete) {
        this.sizes = sizes;
        this.length = length;
        this.abort = abort;
        this.delete = delete;
    }

    public Gen<List<Op>> sequences() {
        return continuing(random -> List.of());
    }

    /** A sequence of each class, opened by operations that make it one, then random. */
    public List<CoverageClass<List<Op>>> classes() {
        return List.of(
                new CoverageClass<>(INTERLEAVED_WRITERS, continuing(random ->
                        List.of(new Op.Open(KEYS.get(0), "h0"), new Op.Open(KEYS.get(1), "h1")))),
                new CoverageClass<>(OVERWRITE, continuing(random -> List.of(put(random, KEYS.get(0)), put(random, KEYS.get(0))))),
                new CoverageClass<>(EXPECTED_ERROR, continuing(random -> List.of(new Op.Finish("h0")))),
                new CoverageClass<>(READ_AFTER_STREAM_OVERWRITE, continuing(random -> List.of(put(random, KEYS.get(0)),
                        new Op.Get(KEYS.get(0)), new Op.Open(KEYS.get(0), "h0"),
                        new Op.Write("h0", 1 + random.nextInt(ANY_SIZE_UP_TO), random.nextInt(1000)),
                        new Op.Finish("h0"), new Op.Get(KEYS.get(0))))));
    }

    private Gen<List<Op>> continuing(Gen<List<Op>> opening) {
        return random -> {
            Model model = new Model();
            List<Op> ops = new ArrayList<>(opening.next(random));
            ops.forEach(op -> model.apply(withoutData(op)));
            int handles = (int) ops.stream().filter(Op.Open.class::isInstance).count();
            while (ops.size() < length) {
                Op op = next(random, model, handles);
                if (op instanceof Op.Open) {
                    handles++;
                }
                if (model.allowed(withoutData(op))) {
                    model.apply(withoutData(op));
                    ops.add(op);
                }
            }
            return List.copyOf(ops);
        };
    }

    private Op next(Random random, Model model, int handles) {
        List<String> open = new ArrayList<>(model.openHandles());
        String key = KEYS.get(random.nextInt(KEYS.size()));
        String someHandle = open.isEmpty() || random.nextInt(10) == 0 ? "h" + random.nextInt(handles + 1) : open.get(random.nextInt(open.size()));
        int pick = random.nextInt(100);
        if (pick < 15) {
            return put(random, key);
        } else if (pick < 30) {
            return new Op.Open(key, "h" + handles);
        } else if (pick < 60) {
            return new Op.Write(someHandle, sizes.edgeBiased(random, ANY_SIZE_UP_TO), random.nextInt(1000));
        } else if (pick < 75) {
            return new Op.Finish(someHandle);
        } else if (pick < 82 && abort) {
            return new Op.Abort(someHandle);
        } else if (pick < 92) {
            return new Op.Get(key);
        }
        return delete ? new Op.Delete(key) : new Op.Get(key);
    }

    private Op.Put put(Random random, String key) {
        return new Op.Put(key, sizes.edgeBiased(random, ANY_SIZE_UP_TO), random.nextInt(1000));
    }

    /** Drop one operation (from the end first), then make one put or write smaller; keep only valid sequences. */
    public Shrinker<List<Op>> shrinker() {
        return (ops, passed) -> {
            Stream<List<Op>> dropped = IntStream.range(0, ops.size()).map(i -> ops.size() - 1 - i).mapToObj(i -> {
                List<Op> fewer = new ArrayList<>(ops);
                fewer.remove(i);
                return fewer;
            });
            Stream<List<Op>> smaller = IntStream.range(0, ops.size()).boxed()
                    .flatMap(i -> sizeOf(ops.get(i)) < 0 ? Stream.empty() : sizes.shrink(sizeOf(ops.get(i)),
                            size -> withSizeAt(ops, i, size), other -> other.size() == ops.size() ? sizeOf(other.get(i)) : -1,
                            passed));
            return Stream.concat(dropped, smaller).filter(OpSequences::valid);
        };
    }

    private static List<Op> withSizeAt(List<Op> ops, int i, int size) {
        List<Op> changed = new ArrayList<>(ops);
        changed.set(i, withSize(ops.get(i), size));
        return changed;
    }

    /** The size of a put or a write, -1 for other operations. */
    private static int sizeOf(Op op) {
        if (op instanceof Op.Put put) {
            return put.size();
        }
        return op instanceof Op.Write write ? write.size() : -1;
    }

    private static Op withSize(Op op, int size) {
        if (op instanceof Op.Put put) {
            return new Op.Put(put.key(), size, put.seed());
        }
        return op instanceof Op.Write write ? new Op.Write(write.handle(), size, write.seed()) : op;
    }

    /**
     * The operation as the model sees it while sequences are made and classified: what is allowed and
     * what answers an error does not depend on the bytes, and making them would cost more than the run.
     */
    private static Op withoutData(Op op) {
        return withSize(op, 0);
    }

    static boolean valid(List<Op> ops) {
        Model model = new Model();
        for (Op op : ops) {
            if (!model.allowed(withoutData(op))) {
                return false;
            }
            model.apply(withoutData(op));
        }
        return true;
    }

    /** Coverage classes of a sequence. */
    public static Set<String> classify(List<Op> ops) {
        Set<String> labels = new TreeSet<>();
        Model model = new Model();
        Map<String, String> overwritingStreams = new HashMap<>();
        Set<String> replacedByStream = new HashSet<>();
        for (Op op : ops) {
            if (op instanceof Op.Open open && model.object(open.key()).isPresent()) {
                overwritingStreams.put(open.handle(), open.key());
            } else if (op instanceof Op.Finish finish && overwritingStreams.containsKey(finish.handle())) {
                replacedByStream.add(overwritingStreams.remove(finish.handle()));
            } else if (op instanceof Op.Get get && replacedByStream.contains(get.key())) {
                labels.add(READ_AFTER_STREAM_OVERWRITE);
            } else if (op instanceof Op.Put put) {
                replacedByStream.remove(put.key());
            }
            if (op instanceof Op.Open && !model.openHandles().isEmpty()) {
                labels.add(INTERLEAVED_WRITERS);
            }
            if ((op instanceof Op.Put put && model.object(put.key()).isPresent())
                    || (op instanceof Op.Open open && model.object(open.key()).isPresent())) {
                labels.add(OVERWRITE);
            }
            if (!model.apply(withoutData(op)).ok()) {
                labels.add(EXPECTED_ERROR);
            }
        }
        return labels;
    }
}
