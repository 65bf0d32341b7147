package dev.odirect.conformance.stateful;

import dev.odirect.conformance.property.Gen;
import dev.odirect.conformance.property.Shrinker;
import dev.odirect.conformance.property.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Random operation sequences over a few keys, writers interleaved, that respect the model's preconditions. */
public final class OpSequences {
    static final List<String> KEYS = List.of("a", "b", "c/d", "c/e");
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
        return random -> {
            Model model = new Model();
            List<Op> ops = new ArrayList<>();
            int handles = 0;
            while (ops.size() < length) {
                Op op = next(random, model, handles);
                if (op instanceof Op.Open) {
                    handles++;
                }
                if (model.allowed(op)) {
                    model.apply(op);
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
            return new Op.Put(key, sizes.edgeBiased(random, ANY_SIZE_UP_TO), random.nextInt(1000));
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

    /** Drop one operation (from the end first), then make one put or write smaller; keep only valid sequences. */
    public Shrinker<List<Op>> shrinker() {
        return ops -> {
            Stream<List<Op>> dropped = IntStream.range(0, ops.size()).map(i -> ops.size() - 1 - i).mapToObj(i -> {
                List<Op> fewer = new ArrayList<>(ops);
                fewer.remove(i);
                return fewer;
            });
            Stream<List<Op>> smaller = IntStream.range(0, ops.size()).boxed().flatMap(i -> smaller(ops, i));
            return Stream.concat(dropped, smaller).filter(OpSequences::valid);
        };
    }

    private static Stream<List<Op>> smaller(List<Op> ops, int i) {
        Op op = ops.get(i);
        Stream<Op> simpler = Stream.empty();
        if (op instanceof Op.Put put) {
            simpler = Sizes.shrink(put.size()).map(size -> new Op.Put(put.key(), size, put.seed()));
        } else if (op instanceof Op.Write write) {
            simpler = Sizes.shrink(write.size()).map(size -> new Op.Write(write.handle(), size, write.seed()));
        }
        return simpler.map(replacement -> {
            List<Op> changed = new ArrayList<>(ops);
            changed.set(i, replacement);
            return changed;
        });
    }

    static boolean valid(List<Op> ops) {
        Model model = new Model();
        for (Op op : ops) {
            if (!model.allowed(op)) {
                return false;
            }
            model.apply(op);
        }
        return true;
    }

    /** Coverage classes of a sequence. */
    public static Set<String> classify(List<Op> ops) {
        Set<String> labels = new TreeSet<>();
        Model model = new Model();
        for (Op op : ops) {
            if (op instanceof Op.Open && !model.openHandles().isEmpty()) {
                labels.add("interleaved writers");
            }
            if ((op instanceof Op.Put put && model.object(put.key()).isPresent())
                    || (op instanceof Op.Open open && model.object(open.key()).isPresent())) {
                labels.add("overwrite");
            }
            if (!model.apply(op).ok()) {
                labels.add("expected error");
            }
        }
        return labels;
    }
}
