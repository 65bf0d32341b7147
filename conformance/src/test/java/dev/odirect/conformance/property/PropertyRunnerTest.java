package dev.odirect.conformance.property;

import dev.odirect.conformance.evidence.SuiteError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.conformance.stateful.Op;
import dev.odirect.conformance.stateful.OpSequences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The harness tested against properties whose minimal counterexamples are known. */
class PropertyRunnerTest {
    static final Sizes SIZES = new Sizes(4096);
    static final ChunkLists LISTS = new ChunkLists(SIZES, 0);
    static final Gen<ChunkList> STREAMS = LISTS.streams();
    static final int MIB = 1 << 20;

    static Property<ChunkList> noChunkOver4096() {
        return Property.of("no chunk over 4096", STREAMS, LISTS.shrinker(), input -> {
            if (input.sizes().stream().anyMatch(size -> size > 4096)) {
                throw new AssertionError("a chunk over 4096 in " + input.sizes());
            }
        });
    }

    @Test
    void aFailingPropertyShrinksToTheKnownMinimalInput() {
        PropertyFailedError failure = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(noChunkOver4096(), 42, 200, done -> { }));
        assertTrue(failure.shrunkInput().startsWith("chunks [4097] "), failure.shrunkInput());
        assertTrue(failure.getMessage().contains("seed 42"), failure.getMessage());
    }

    @Test
    void theSameSeedFindsTheSameInputAndADifferentSeedMayNot() {
        PropertyFailedError first = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(noChunkOver4096(), 7, 200, done -> { }));
        PropertyFailedError again = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(noChunkOver4096(), 7, 200, done -> { }));
        assertEquals(first.getMessage(), again.getMessage());
    }

    @Test
    void aClassItsGeneratorNoLongerReachesFailsAPassingProperty() {
        Gen<ChunkList> alignedOnly = random -> new ChunkList(List.of(4096 * (1 + random.nextInt(4))), random.nextLong());
        Property<ChunkList> property = Property.of("aligned only", alignedOnly, LISTS.shrinker(), input -> { })
                .withCoverage(ChunkLists::classify, List.of(new CoverageClass<>(SizeClasses.HYBRID_TAIL, alignedOnly)));
        SuiteError failure = assertThrows(SuiteError.class, () -> PropertyRunner.run(property, 1, 100, done -> { }));
        assertTrue(failure.getMessage().contains("the input made for class 'hybrid tail' is not of that class (seed 1)"),
                failure.getMessage());
    }

    @Test
    void theFirstTriesAreOneOfEachRequiredClassThenRandomInputsFollow() {
        List<ChunkList> tried = new ArrayList<>();
        List<CoverageClass<ChunkList>> classes = LISTS.streamClasses();
        Property<ChunkList> holds = Property.of("holds", LISTS.streams(), LISTS.shrinker(), tried::add)
                .withCoverage(ChunkLists::classify, classes);
        PropertyRunner.Statistics statistics = PropertyRunner.run(holds, 3, 60, done -> { });
        assertEquals(60, statistics.tries());
        assertEquals(60, tried.size());
        for (int i = 0; i < classes.size(); i++) {
            String label = classes.get(i).label();
            assertTrue(ChunkLists.classify(tried.get(i)).contains(label), "try " + (i + 1) + " is of class " + label);
        }
    }

    @Test
    void failuresThatCannotBeShrunkAreReportedAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        class Broken extends RuntimeException implements DoNotShrink {
            Broken() {
                super("adapter went silent");
            }
        }
        Property<ChunkList> property = Property.of("broken session", STREAMS, LISTS.shrinker(), input -> {
            calls.incrementAndGet();
            throw new Broken();
        });
        PropertyFailedError failure = assertThrows(PropertyFailedError.class, () -> PropertyRunner.run(property, 1, 50, d -> { }));
        assertEquals(1, calls.get(), "no shrinking attempts against a broken session");
        assertTrue(failure.getMessage().contains("adapter went silent"));
    }

    @Test
    void operationSequencesShrinkByDroppingOperations() {
        OpSequences sequences = new OpSequences(SIZES, 30, true, true);
        Property<List<Op>> noFinishAfterWrite = Property.of("never finish", sequences.sequences(),
                sequences.shrinker(), ops -> {
                    if (ops.stream().anyMatch(op -> op instanceof Op.Finish)) {
                        throw new AssertionError("finished");
                    }
                });
        PropertyFailedError failure = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(noFinishAfterWrite, 5, 50, d -> { }));
        assertTrue(failure.shrunkInput().matches("\\[finish h\\d+\\]"), failure.shrunkInput());
    }

    /** A property that fails for objects of {@code threshold} bytes and more, found on one of {@code size} bytes. */
    static Property<ChunkList> failsFrom(int threshold, int size, AtomicInteger checks) {
        return Property.of("under " + threshold, random -> new ChunkList(List.of(size), 1), LISTS.shrinker(), input -> {
            checks.incrementAndGet();
            if (input.total() >= threshold) {
                throw new AssertionError(input.total() + " bytes");
            }
        });
    }

    @Test
    void sizesShrinkToTheBufferEndAtWhichAStoreFails() {
        PropertyFailedError failure = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(failsFrom(MIB, 5_000_000, new AtomicInteger()), 1, 1, done -> { }));
        assertTrue(failure.shrunkInput().startsWith("chunks [1048576] "), failure.shrunkInput());
    }

    @Test
    void sizesShrinkByBisectionToTheSmallestFailingOne() {
        AtomicInteger checks = new AtomicInteger();
        PropertyFailedError failure = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(failsFrom(1_000_003, 5_000_000, checks), 1, 1, done -> { }));
        assertTrue(failure.shrunkInput().startsWith("chunks [1000003] "), failure.shrunkInput());
        assertTrue(checks.get() < 80, "bisection, not a walk: " + checks.get() + " checks");
    }

    @Test
    void shrinkingStopsWhenItsTimeIsSpentAndSaysSo() {
        AtomicLong now = new AtomicLong();
        long tenSeconds = Duration.ofSeconds(10).toNanos();
        Property<ChunkList> slow = failsFrom(1_000_003, 5_000_000, new AtomicInteger());
        Property<ChunkList> slowStore = Property.of(slow.name(), slow.gen(), slow.shrinker(), input -> {
            now.addAndGet(tenSeconds);
            slow.check().check(input);
        });
        PropertyFailedError failure = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(slowStore, 9, 1, done -> { }, now::get));
        assertTrue(failure.getMessage().contains("shrinking stopped after 60 s"), failure.getMessage());
        assertTrue(failure.getMessage().contains("(seed 9)"), failure.getMessage());
        assertTrue(failure.shrunkInput().startsWith("chunks ["), failure.shrunkInput());
        assertEquals(60, PropertyRunner.SHRINK_BUDGET.toSeconds());
    }

    /** A failure of one kind, as a rule's failure says its category. */
    static final class Kinded extends AssertionError implements FailureKind {
        private final String kind;

        Kinded(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }
    }

    @Test
    void shrinkingKeepsTheOriginalFailureWhenSmallerInputsFailOtherwise() {
        Property<ChunkList> twoFaults = Property.of("two faults", random -> new ChunkList(List.of(5_000_000), 1),
                LISTS.shrinker(), input -> {
                    if (input.total() >= 1_000_003) {
                        throw new Kinded("wrong-size", "lost tail of " + input.total());
                    }
                    if (input.total() > 0) {
                        throw new Kinded("wrong-answer", "another fault at " + input.total());
                    }
                });
        PropertyFailedError failure = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(twoFaults, 1, 1, done -> { }));
        assertEquals("wrong-size", ((Kinded) failure.getCause()).kind(), failure.getMessage());
        assertTrue(failure.shrunkInput().startsWith("chunks [1000003] "), failure.shrunkInput());
        assertTrue(failure.evidence().shrinking().contains("failed otherwise not taken"), failure.evidence().shrinking());
    }

    @Test
    void theOriginalInputIsKeptWhole() {
        Gen<ChunkList> many = random -> new ChunkList(java.util.Collections.nCopies(300, 4097), 1);
        Property<ChunkList> failing = Property.of("fails", many, Shrinker.none(), input -> {
            throw new AssertionError("always");
        });
        PropertyFailedError failure = assertThrows(PropertyFailedError.class,
                () -> PropertyRunner.run(failing, 1, 1, done -> { }));
        assertEquals(new ChunkList(java.util.Collections.nCopies(300, 4097), 1).toString(),
                failure.evidence().originalInput());
        assertTrue(failure.getMessage().contains(failure.evidence().originalInput()) && !failure.getMessage().contains(" chars)"));
    }
}
